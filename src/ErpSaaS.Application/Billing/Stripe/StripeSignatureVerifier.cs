using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpSaaS.Billing.Stripe;

/// <summary>
/// Checks a webhook's <c>Stripe-Signature</c> header (<c>t=1700000000,v1=hex,v1=hex,v0=hex</c>): an HMAC-SHA256 of
/// <c>"{t}.{raw body}"</c> with the endpoint's secret must equal one of the v1 signatures (compared in constant
/// time), and t must lie within the tolerance of now, so a captured request cannot be replayed later.
/// v0 (test-mode legacy) signatures are never accepted.
/// </summary>
public sealed class StripeSignatureVerifier(TimeProvider clock)
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    public bool IsValid(string? header, string payload, string secret) => IsValid(header, Encoding.UTF8.GetBytes(payload), secret, DefaultTolerance);

    public bool IsValid(string? header, ReadOnlySpan<byte> payload, string secret, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secret)) return false;
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return false;
            var (key, value) = (part[..equals], part[(equals + 1)..]);
            if (key == "t")
            {
                if (timestamp is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) return false;
                timestamp = t;
            }
            else if (key == "v1")
            {
                if (!TryFromHex(value, out var signature)) return false;
                signatures.Add(signature);
            }
        }
        if (timestamp is not { } seconds || signatures.Count == 0) return false;
        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return false;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance) return false;

        var expected = Compute(seconds, payload, secret);
        var matched = false;
        // Every candidate is compared, so the time taken does not tell which one matched.
        foreach (var signature in signatures) matched |= CryptographicOperations.FixedTimeEquals(signature, expected);
        return matched;
    }

    /// <summary>The v1 signature of a payload at a time: what Stripe sends (and what a test signs with).</summary>
    public static byte[] Compute(long timestamp, ReadOnlySpan<byte> payload, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    /// <summary>A complete header for a payload signed at <paramref name="at"/>.</summary>
    public static string Header(DateTimeOffset at, string payload, string secret)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(t, Encoding.UTF8.GetBytes(payload), secret))}";
    }

    private static bool TryFromHex(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length != 64) return false;
        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
