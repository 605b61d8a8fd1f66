using System.Net;
using ErpSaaS.Billing.Stripe;
using ErpSaaS.Errors;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Stripe;

#pragma warning disable CA1001 // disposed in DisposeAsync, xunit's end of the test
public sealed class StripeClientTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private StripeStandIn _stripe = null!;
    private HttpClient _http = null!;
    private readonly Guid _tenantId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _stripe = await StripeStandIn.StartAsync(TimeProvider.System);
        _stripe.Prices["price_standard_monthly"] = "month";
        _stripe.Prices["price_standard_yearly"] = "year";
        _http = new HttpClient { BaseAddress = _stripe.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stripe.DisposeAsync();
    }

    private StripeClient Client(int maxRetries = 3) =>
        new(_http, Microsoft.Extensions.Options.Options.Create(_stripe.Options(maxRetries)), TimeProvider.System, NullLogger<StripeClient>.Instance);

    private StripeCheckoutRequest Checkout(string price = "price_standard_monthly", string? customer = null) =>
        new(_tenantId, price, "https://acme.example.test/app/billing?paid=1", "https://acme.example.test/app/billing", customer, "admin@acme.test");

    [Fact]
    public async Task A_checkout_session_is_opened_in_subscription_mode_with_nested_form_fields_the_pinned_version_and_the_secret_key()
    {
        var session = await Client().CreateCheckoutSessionAsync(Checkout());

        session.Mode.ShouldBe("subscription");
        session.Url.ShouldNotBeNullOrEmpty();
        var request = _stripe.Requests.Last();
        request.PathAndQuery.ShouldBe("/v1/checkout/sessions");
        request.StripeVersion.ShouldBe("2025-03-31.basil");
        request.Authorization.ShouldBe($"Bearer {StripeStandIn.SecretKey}");
        request.IdempotencyKey.ShouldNotBeNullOrEmpty();
        request.Form["mode"].ShouldBe("subscription");
        request.Form["line_items[0][price]"].ShouldBe("price_standard_monthly");
        request.Form["line_items[0][quantity]"].ShouldBe("1");
        request.Form["client_reference_id"].ShouldBe(_tenantId.ToString());
        request.Form["subscription_data[metadata][tenant_id]"].ShouldBe(_tenantId.ToString());
        request.Form["success_url"].ShouldBe("https://acme.example.test/app/billing?paid=1");
        request.Form.ContainsKey("customer").ShouldBeFalse();
    }

    [Fact]
    public async Task A_tenant_that_already_is_a_customer_checks_out_as_that_customer()
    {
        var customer = await Client().CreateCustomerAsync("admin@acme.test", "Acme Ltd.", _tenantId);
        await Client().CreateCheckoutSessionAsync(Checkout(customer: customer.Id));

        var request = _stripe.Requests.Last();
        request.Form["customer"].ShouldBe(customer.Id);
        request.Form.ContainsKey("customer_email").ShouldBeFalse();
    }

    [Theory]
    [InlineData(StandInFailure.ServerError)]
    [InlineData(StandInFailure.Conflict)]
    [InlineData(StandInFailure.TooManyRequests)]
    [InlineData(StandInFailure.ConnectionReset)]
    public async Task Transient_failures_are_retried_with_the_same_idempotency_key_and_create_one_object(StandInFailure failure)
    {
        _stripe.FailNext(2, failure);

        var customer = await Client().CreateCustomerAsync("admin@acme.test", "Acme Ltd.", _tenantId);

        var attempts = _stripe.Requests.Where(r => r.PathAndQuery == "/v1/customers").ToList();
        attempts.Count.ShouldBe(3);
        attempts.Select(r => r.IdempotencyKey).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        _stripe.Customers.Keys.ShouldBe([customer.Id]);
    }

    [Fact]
    public async Task The_same_idempotency_key_sent_again_answers_with_the_first_object_and_creates_no_second()
    {
        var first = await Client().CreateCustomerAsync("admin@acme.test", "Acme Ltd.", _tenantId, idempotencyKey: "signup-acme");
        var second = await Client().CreateCustomerAsync("admin@acme.test", "Acme Ltd.", _tenantId, idempotencyKey: "signup-acme");

        second.Id.ShouldBe(first.Id);
        _stripe.Customers.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Retries_stop_after_three_and_report_Stripe_as_unavailable()
    {
        _stripe.FailNext(4, StandInFailure.ServerError);

        var error = await Should.ThrowAsync<StripeException>(() => Client().CreateCustomerAsync("a@acme.test", "Acme", _tenantId));

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        _stripe.Requests.Count.ShouldBe(4);
        error.ToBusinessException().Code.ShouldBe(StripeErrorCodes.Unavailable);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried_and_its_envelope_becomes_a_field_error()
    {
        _stripe.FailNext(1, StandInFailure.BadRequest);

        var error = await Should.ThrowAsync<StripeException>(() => Client().CreateCustomerAsync("not-an-email", "Acme", _tenantId));

        _stripe.Requests.Count.ShouldBe(1);
        error.Type.ShouldBe("invalid_request_error");
        error.Code.ShouldBe("parameter_invalid");
        error.Param.ShouldBe("email");
        var business = error.ToBusinessException();
        business.Code.ShouldBe(StripeErrorCodes.InvalidRequest);
        business.Field.ShouldBe("email");
    }

    [Fact]
    public async Task An_unknown_price_is_refused_with_Stripes_invalid_request_error()
    {
        var error = await Should.ThrowAsync<StripeException>(() => Client().CreateCheckoutSessionAsync(Checkout(price: "price_nope")));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Code.ShouldBe("resource_missing");
        error.Param.ShouldBe("line_items[0][price]");
        error.StripeMessage.ShouldContain("price_nope");
    }

    [Fact]
    public async Task A_subscription_is_read_changed_with_proration_cancelled_at_period_end_and_cancelled_now()
    {
        var customer = await Client().CreateCustomerAsync("admin@acme.test", "Acme Ltd.", _tenantId);
        var created = _stripe.NewSubscription(customer.Id, "price_standard_monthly", "active");
        var id = (string)created["id"]!;

        var read = await Client().GetSubscriptionAsync(id);
        read.Status.ShouldBe("active");
        read.FirstItem!.CurrentPeriodEnd.ShouldBeGreaterThan(read.FirstItem.CurrentPeriodStart);

        var changed = await Client().ChangePriceAsync(id, read.FirstItem.Id, "price_standard_yearly");
        changed.FirstItem!.Price.Id.ShouldBe("price_standard_yearly");
        _stripe.Requests.Last().Form["proration_behavior"].ShouldBe("create_prorations");
        _stripe.Requests.Last().Form["items[0][id]"].ShouldBe(read.FirstItem.Id);

        (await Client().SetCancelAtPeriodEndAsync(id, true)).CancelAtPeriodEnd.ShouldBeTrue();
        (await Client().CancelNowAsync(id)).Status.ShouldBe("canceled");
        _stripe.Requests.Last().Method.ShouldBe("DELETE");
    }

    [Fact]
    public async Task A_portal_session_and_the_customers_invoices_are_fetched()
    {
        var customer = await Client().CreateCustomerAsync("admin@acme.test", "Acme Ltd.", _tenantId);
        _stripe.NewInvoice(_stripe.NewSubscription(customer.Id, "price_standard_monthly", "active"), "paid");

        (await Client().CreatePortalSessionAsync(customer.Id, "https://acme.example.test/app/billing")).Url.ShouldStartWith("https://");
        var invoices = await Client().ListInvoicesAsync(customer.Id);
        invoices.ShouldHaveSingleItem().AmountPaid.ShouldBe(89900);
        _stripe.Requests.Last().PathAndQuery.ShouldBe($"/v1/invoices?customer={customer.Id}&limit=24");
    }
}
