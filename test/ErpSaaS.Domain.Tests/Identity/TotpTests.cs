using System.Text;
using ErpSaaS.Identity;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Identity;

public sealed class TotpTests
{
    // RFC 6238 appendix B test key for HMAC-SHA1; the RFC lists 8-digit codes, whose last 6 digits are ours.
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Computes_the_rfc_6238_reference_codes(long unixSeconds, string expected) =>
        Totp.Compute(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);

    [Fact]
    public void Accepts_the_previous_step_for_clock_drift_but_not_older_ones()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var previous = Totp.Compute(RfcKey, now.AddSeconds(-30));
        var older = Totp.Compute(RfcKey, now.AddSeconds(-90));

        Totp.Verify(RfcKey, previous, now).ShouldBeTrue();
        Totp.Verify(RfcKey, older, now).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    public void Rejects_malformed_codes(string? code) => Totp.Verify(RfcKey, code, DateTimeOffset.UtcNow).ShouldBeFalse();

    [Fact]
    public void Base32_round_trips_and_matches_rfc_4648() =>
        (Base32.Encode(Encoding.ASCII.GetBytes("foobar")), Encoding.ASCII.GetString(Base32.Decode("MZXW6YTBOI======")))
            .ShouldBe(("MZXW6YTBOI", "foobar"));
}
