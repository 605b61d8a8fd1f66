using System.Globalization;
using System.Text;
using ErpSaaS.Billing.Stripe;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Billing;

public sealed class StripeSignatureVerifierTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload = """{"id":"evt_1","type":"invoice.paid","created":1700000000,"data":{"object":{}}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly StripeSignatureVerifier _verifier = new(new TestClock(Now));

    private static string V1(DateTimeOffset at, string payload, string secret) =>
        Convert.ToHexStringLower(StripeSignatureVerifier.Compute(at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(payload), secret));

    private static string T(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void A_payload_signed_with_the_endpoint_secret_just_now_is_valid() =>
        _verifier.IsValid(StripeSignatureVerifier.Header(Now, Payload, Secret), Payload, Secret).ShouldBeTrue();

    [Fact]
    public void One_matching_v1_among_several_is_enough() =>
        _verifier.IsValid($"t={T(Now)},v1={V1(Now, Payload, "whsec_old")},v1={V1(Now, Payload, Secret)},v0={V1(Now, Payload, Secret)}", Payload, Secret)
            .ShouldBeTrue();

    [Fact]
    public void A_header_with_only_a_v0_signature_is_refused() =>
        _verifier.IsValid($"t={T(Now)},v0={V1(Now, Payload, Secret)}", Payload, Secret).ShouldBeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1,t=2,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1793581200,v1=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-")]
    public void A_malformed_header_is_refused(string header) =>
        _verifier.IsValid(header, Payload, Secret).ShouldBeFalse();

    [Fact]
    public void A_signature_older_than_five_minutes_is_refused_even_when_it_matches()
    {
        var then = Now.AddSeconds(-301);
        _verifier.IsValid(StripeSignatureVerifier.Header(then, Payload, Secret), Payload, Secret).ShouldBeFalse();
        _verifier.IsValid(StripeSignatureVerifier.Header(Now.AddSeconds(-299), Payload, Secret), Payload, Secret).ShouldBeTrue();
    }

    [Fact]
    public void A_payload_signed_with_another_secret_is_refused() =>
        _verifier.IsValid(StripeSignatureVerifier.Header(Now, Payload, "whsec_forged"), Payload, Secret).ShouldBeFalse();

    [Fact]
    public void A_body_changed_after_signing_is_refused() =>
        _verifier.IsValid(StripeSignatureVerifier.Header(Now, Payload, Secret), Payload.Replace("invoice.paid", "invoice.payment_failed"), Secret)
            .ShouldBeFalse();

    [Fact]
    public void Nested_form_values_are_encoded_with_brackets_and_escaped()
    {
        var form = StripeForm.Of(
            ("mode", "subscription"),
            ("line_items", new[] { StripeForm.Of(("price", "price_1"), ("quantity", 1)) }),
            ("subscription_data", StripeForm.Of(("metadata", StripeForm.Of(("tenant_id", "a b&c"))))),
            ("cancel_at_period_end", true),
            ("customer", null));
        form.ToString().ShouldBe(
            "mode=subscription&line_items%5B0%5D%5Bprice%5D=price_1&line_items%5B0%5D%5Bquantity%5D=1"
            + "&subscription_data%5Bmetadata%5D%5Btenant_id%5D=a%20b%26c&cancel_at_period_end=true");
    }
}
