using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ErpSaaS.Billing;
using ErpSaaS.Billing.Stripe;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.EntityFrameworkCore.Outbox;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ErpSaaS.Web.Tests.Stripe;

/// <summary>The web app over its own database, talking to a Stripe stand-in; the Standard plan has Stripe prices.</summary>
public sealed class StripeWebFixture : ErpWebFixture
{
    public const string MonthlyPrice = "price_standard_monthly";
    public const string YearlyPrice = "price_standard_yearly";

    public StripeStandIn Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync(Clock);
        Stripe.Prices[MonthlyPrice] = "month";
        Stripe.Prices[YearlyPrice] = "year";
        await base.InitializeAsync();
        await Web.InScopeAsync(null, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var plan = (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Standard, ct))!;
            plan.Edit(plan.NameEn, plan.NameZh, plan.MonthlyPrice, plan.YearlyPrice, MonthlyPrice, YearlyPrice, plan.IsVisible, plan.SortOrder);
            return true;
        }));
    }

    protected override void ConfigureWebServices(IServiceCollection services) =>
        services.PostConfigure<StripeOptions>(o =>
        {
            var stand = Stripe.Options();
            (o.SecretKey, o.WebhookSecret, o.ApiBase, o.InitialRetryDelay, o.MaxRetryDelay) =
                (stand.SecretKey, stand.WebhookSecret, stand.ApiBase, stand.InitialRetryDelay, stand.MaxRetryDelay);
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

public sealed class StripeWebhookTests(StripeWebFixture fixture, ITestOutputHelper output) : IClassFixture<StripeWebFixture>
{
    private StripeStandIn Stripe => fixture.Stripe;

    private Task<HttpResponseMessage> SendAsync(JsonObject stripeEvent) =>
        StripeStandIn.SendWebhookAsync(fixture.Web.Browser().Client, stripeEvent, fixture.Clock.GetUtcNow());

    private Task<int> DispatchAsync() => fixture.Web.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

    private Task<Tenant> TenantAsync(Guid id) =>
        fixture.Web.InScopeAsync(null, async sp => (await sp.GetRequiredService<ITenantRepository>().FindAsync(id))!);

    private Task<Subscription> SubscriptionAsync(Guid tenantId) =>
        fixture.Web.InScopeAsync(null, async sp => (await sp.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(tenantId))!);

    private Task<StripeWebhookEvent?> StoredAsync(string eventId) =>
        fixture.Web.InScopeAsync(null, sp => sp.GetRequiredService<IBillingRepository>().FindWebhookEventAsync(eventId));

    private Task<bool> FeatureAsync(Guid tenantId, string feature) =>
        fixture.Web.InScopeAsync(tenantId, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(feature));

    /// <summary>A trial tenant that went through Checkout: the session completed and the subscription was created.</summary>
    private async Task<(Guid TenantId, JsonObject Subscription)> PaidTenantAsync(string slug)
    {
        var tenantId = await fixture.Given.Tenant(slug, PlanCodes.Trial, trial: true);
        var session = OpenCheckout(tenantId);
        var completed = Stripe.CompleteCheckout((string)session["id"]!);
        var subscription = Stripe.Subscriptions[(string)completed["subscription"]!];
        (await SendAsync(Stripe.Event("checkout.session.completed", completed))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(Stripe.Event("customer.subscription.created", subscription))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAsync();
        return (tenantId, subscription);
    }

    private JsonObject OpenCheckout(Guid tenantId)
    {
        var id = Stripe.NewId("cs_test");
        var session = new JsonObject
        {
            ["id"] = id, ["object"] = "checkout.session", ["mode"] = "subscription", ["status"] = "open", ["client_reference_id"] = tenantId.ToString(),
            ["customer"] = null, ["customer_email"] = "admin@example.test", ["subscription"] = null, ["metadata"] = new JsonObject(),
            ["__price"] = StripeWebFixture.MonthlyPrice,
            ["__subscription_metadata"] = new JsonObject { ["tenant_id"] = tenantId.ToString() },
        };
        Stripe.Sessions[id] = session;
        return session;
    }

    [Fact]
    public async Task A_trial_tenant_that_pays_through_Checkout_is_active_on_the_Standard_plan_with_its_features_on()
    {
        var tenantId = await fixture.Given.Tenant("paying", PlanCodes.Trial, trial: true);
        (await FeatureAsync(tenantId, ErpFeatures.ApiAccess)).ShouldBeFalse();
        var completed = Stripe.CompleteCheckout((string)OpenCheckout(tenantId)["id"]!);
        var subscription = Stripe.Subscriptions[(string)completed["subscription"]!];

        var clock = Stopwatch.StartNew();
        (await SendAsync(Stripe.Event("checkout.session.completed", completed))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(Stripe.Event("customer.subscription.created", subscription))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var answered = clock.Elapsed;
        await DispatchAsync();
        (await FeatureAsync(tenantId, ErpFeatures.ApiAccess)).ShouldBeTrue();
        clock.Stop();
        output.WriteLine($"Webhook-to-feature latency: {clock.Elapsed.TotalMilliseconds:F0} ms (two webhooks answered in {answered.TotalMilliseconds:F0} ms, outbox dispatched directly)");

        var tenant = await TenantAsync(tenantId);
        tenant.Status.ShouldBe(TenantStatus.Active);
        var standard = await fixture.Web.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Standard))!);
        tenant.PlanId.ShouldBe(standard.Id);
        (await FeatureAsync(tenantId, ErpFeatures.Production)).ShouldBeFalse();
        var ours = await SubscriptionAsync(tenantId);
        ours.Status.ShouldBe(SubscriptionStatus.Active);
        ours.Provider.ShouldBe(PaymentProvider.Stripe);
        ours.Interval.ShouldBe(BillingInterval.Monthly);
        ours.StripeCustomerId.ShouldBe((string?)completed["customer"]);
        ours.StripeSubscriptionId.ShouldBe((string?)subscription["id"]);
        ours.CurrentPeriodEnd.ShouldBe(DateTimeOffset.FromUnixTimeSeconds((long)subscription["items"]!["data"]![0]!["current_period_end"]!));
        Stripe.Requests.ShouldContain(r => r.Method == "GET" && r.PathAndQuery == $"/v1/subscriptions/{subscription["id"]}");
    }

    [Fact]
    public async Task A_failed_renewal_makes_the_tenant_past_due_and_read_only_after_the_grace_period()
    {
        var (tenantId, subscription) = await PaidTenantAsync("renewal");
        Stripe.SetStatus(subscription, "past_due");
        var invoice = Stripe.NewInvoice(subscription, "open");

        (await SendAsync(Stripe.Event("invoice.payment_failed", invoice))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAsync();
        (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.PastDue);

        // No expiry job re-evaluates tenants yet: the lifecycle is applied here as that job will.
        fixture.Clock.Advance(BillingConsts.DefaultGracePeriod + TimeSpan.FromHours(1));
        try
        {
            await fixture.Web.InScopeAsync(null, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var tenant = (await sp.GetRequiredService<ITenantRepository>().FindAsync(tenantId, ct))!;
                var ours = (await sp.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(tenantId, ct))!;
                TenantLifecycle.Apply(tenant, ours, fixture.Clock.GetUtcNow(), BillingConsts.DefaultGracePeriod);
                return true;
            }));
            (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.ReadOnly);

            // Paid again: active again.
            Stripe.SetStatus(subscription, "active");
            (await SendAsync(Stripe.Event("invoice.paid", Stripe.NewInvoice(subscription, "paid")))).StatusCode.ShouldBe(HttpStatusCode.OK);
            await DispatchAsync();
            (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.Active);
            var invoices = await fixture.Web.InScopeAsync(null, sp =>
                sp.GetRequiredService<ErpDbContext>().BillingInvoices.Where(i => i.TenantId == tenantId).ToListAsync());
            invoices.ShouldHaveSingleItem().Status.ShouldBe(BillingInvoiceStatus.Paid);
            invoices[0].Amount.ShouldBe(899m);
        }
        finally
        {
            fixture.Clock.Advance(-(BillingConsts.DefaultGracePeriod + TimeSpan.FromHours(1)));
        }
    }

    [Fact]
    public async Task A_deleted_subscription_leaves_the_tenant_read_only_with_its_data()
    {
        var (tenantId, subscription) = await PaidTenantAsync("leaving");
        Stripe.SetStatus(subscription, "canceled");

        (await SendAsync(Stripe.Event("customer.subscription.deleted", subscription))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAsync();

        (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.ReadOnly);
        (await SubscriptionAsync(tenantId)).Status.ShouldBe(SubscriptionStatus.Canceled);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_stored_and_applied_once()
    {
        var (tenantId, subscription) = await PaidTenantAsync("twice");
        subscription["cancel_at_period_end"] = true;
        var updated = Stripe.Event("customer.subscription.updated", subscription);

        (await SendAsync(updated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(updated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DispatchAsync()).ShouldBe(1);

        var stored = (await StoredAsync((string)updated["id"]!))!;
        stored.Status.ShouldBe(WebhookEventStatus.Processed);
        stored.Attempts.ShouldBe(1);
        stored.TenantId.ShouldBe(tenantId);
        (await SubscriptionAsync(tenantId)).CancelAtPeriodEnd.ShouldBeTrue();
    }

    [Fact]
    public async Task Events_out_of_order_end_in_Stripes_current_state()
    {
        var tenantId = await fixture.Given.Tenant("shuffled", PlanCodes.Trial, trial: true);
        var completed = Stripe.CompleteCheckout((string)OpenCheckout(tenantId)["id"]!);
        var subscription = Stripe.Subscriptions[(string)completed["subscription"]!];
        var created = Stripe.Event("customer.subscription.created", subscription);
        subscription["cancel_at_period_end"] = true;
        var updated = Stripe.Event("customer.subscription.updated", subscription);

        // The update arrives first, then the creation, then the checkout; each reads the subscription afresh.
        await SendAsync(updated);
        await DispatchAsync();
        await SendAsync(created);
        await DispatchAsync();
        await SendAsync(Stripe.Event("checkout.session.completed", completed));
        await DispatchAsync();

        var ours = await SubscriptionAsync(tenantId);
        ours.Status.ShouldBe(SubscriptionStatus.Active);
        ours.CancelAtPeriodEnd.ShouldBeTrue();
        (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.Active);

        // A late "created" after the subscription was deleted does not bring it back.
        Stripe.SetStatus(subscription, "canceled");
        await SendAsync(Stripe.Event("customer.subscription.deleted", subscription));
        await DispatchAsync();
        await SendAsync(Stripe.Event("customer.subscription.created", subscription));
        await DispatchAsync();
        (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.ReadOnly);
    }

    [Fact]
    public async Task Forged_and_stale_webhooks_are_refused_and_change_nothing()
    {
        var (tenantId, subscription) = await PaidTenantAsync("guarded");
        Stripe.SetStatus(subscription, "canceled");
        var forged = Stripe.Event("customer.subscription.deleted", subscription);
        var stale = Stripe.Event("customer.subscription.deleted", subscription);
        var client = fixture.Web.Browser().Client;

        var forgedResponse = await StripeStandIn.SendWebhookAsync(client, forged, fixture.Clock.GetUtcNow(), secret: "whsec_someone_else");
        var staleResponse = await StripeStandIn.SendWebhookAsync(client, stale, fixture.Clock.GetUtcNow().AddMinutes(-10));
        var unsigned = await StripeStandIn.SendWebhookAsync(client, forged, fixture.Clock.GetUtcNow(), signatureOverride: "t=1,v0=00");

        foreach (var response in new[] { forgedResponse, staleResponse, unsigned })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("whsec");
        }
        (await StoredAsync((string)forged["id"]!)).ShouldBeNull();
        (await StoredAsync((string)stale["id"]!)).ShouldBeNull();
        await DispatchAsync();
        (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.Active);
        Stripe.SetStatus(subscription, "active");
    }

    [Fact]
    public async Task An_event_for_a_customer_no_tenant_has_is_ignored_with_the_reason()
    {
        var subscription = Stripe.NewSubscription("cus_stranger", StripeWebFixture.MonthlyPrice, "active");
        var stripeEvent = Stripe.Event("customer.subscription.updated", subscription);

        (await SendAsync(stripeEvent)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAsync();

        var stored = (await StoredAsync((string)stripeEvent["id"]!))!;
        stored.Status.ShouldBe(WebhookEventStatus.Ignored);
        stored.Result.ShouldNotBeNull().ShouldContain("cus_stranger");
    }

    [Fact]
    public async Task Stripe_failing_while_an_event_is_applied_records_the_failure_and_the_outbox_retries_it()
    {
        var tenantId = await fixture.Given.Tenant("retrying", PlanCodes.Trial, trial: true);
        var completed = Stripe.CompleteCheckout((string)OpenCheckout(tenantId)["id"]!);
        Stripe.FailNext(4, StandInFailure.ServerError);

        var checkoutEvent = Stripe.Event("checkout.session.completed", completed);
        await SendAsync(checkoutEvent);
        await DispatchAsync();
        var stored = (await StoredAsync((string)checkoutEvent["id"]!))!;
        stored.Status.ShouldBe(WebhookEventStatus.Failed);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        try
        {
            await DispatchAsync();
        }
        finally
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(-10));
        }
        (await StoredAsync(stored.EventId))!.Status.ShouldBe(WebhookEventStatus.Processed);
        (await TenantAsync(tenantId)).Status.ShouldBe(TenantStatus.Active);
    }

    [Fact]
    public async Task The_operator_sees_the_event_log_and_replays_an_event()
    {
        var (tenantId, subscription) = await PaidTenantAsync("logged");
        var stripeEvent = Stripe.Event("customer.subscription.updated", subscription);
        await SendAsync(stripeEvent);
        await DispatchAsync();
        var stored = (await StoredAsync((string)stripeEvent["id"]!))!;

        using var browser = fixture.Web.Browser();
        await browser.SignInAsync(HostDataSeeder.OperatorUserName, HostDataSeeder.OperatorPassword);
        var list = await browser.GetAsync("/host/billing/webhooks");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.Content.ShouldContain(stored.EventId);

        var details = await browser.GetAsync($"/host/billing/webhooks/details/{stored.Id}");
        details.StatusCode.ShouldBe(HttpStatusCode.OK);
        details.Content.ShouldContain("customer.subscription.updated");
        var replayed = await browser.SubmitAsync(details, "form[action*='Replay']");
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(stored.EventId))!.Status.ShouldBe(WebhookEventStatus.Received);
        await DispatchAsync();
        var again = (await StoredAsync(stored.EventId))!;
        again.Status.ShouldBe(WebhookEventStatus.Processed);
        again.Attempts.ShouldBe(2);
        again.TenantId.ShouldBe(tenantId);
    }
}
