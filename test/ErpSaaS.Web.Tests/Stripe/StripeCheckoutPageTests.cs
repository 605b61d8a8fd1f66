using ErpSaaS.Features;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Stripe;

/// <summary>With Stripe configured, the billing page offers card payment and sends the admin to Stripe Checkout.</summary>
public sealed class StripeCheckoutPageTests(StripeWebFixture fixture) : IClassFixture<StripeWebFixture>
{
    [Fact]
    public async Task Upgrading_by_card_opens_a_checkout_session_for_the_company_on_the_chosen_price()
    {
        var slug = $"card-{Guid.NewGuid():N}"[..16];
        var tenantId = await fixture.Given.Tenant(slug, PlanCodes.Trial, trial: true);
        var standard = await fixture.Web.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Standard))!.Id);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var billing = await browser.GetAsync("/app/billing");
        billing.Document.QuerySelector("#pay-card").ShouldNotBeNull("card payment is offered when Stripe is configured");
        var checkout = await browser.SubmitAsync(billing, "#upgrade-form",
            new Dictionary<string, string?> { ["Input.PlanId"] = standard.ToString(), ["Input.Interval"] = "Monthly" }, "#pay-card");

        checkout.Url.Host.ShouldBe("checkout.stripe.test");
        var session = fixture.Stripe.Sessions.Values.ShouldHaveSingleItem();
        session["client_reference_id"]!.GetValue<string>().ShouldBe(tenantId.ToString());
        session["mode"]!.GetValue<string>().ShouldBe("subscription");
    }
}
