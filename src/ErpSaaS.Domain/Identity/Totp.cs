using System.Security.Cryptography;

namespace ErpSaaS.Identity;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA1, 30-second steps
/// and 6 digits: what authenticator apps use.
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static string Compute(byte[] key, DateTimeOffset time) => Hotp(key, TimeStep(time));

    /// <summary>Accepts the code of the current step and one step either side, for clock drift.</summary>
    public static bool Verify(byte[] key, string? code, DateTimeOffset time, int allowedDriftSteps = 1) =>
        MatchingStep(key, code, time, allowedDriftSteps) is not null;

    /// <summary>
    /// The time step whose code <paramref name="code"/> is (current step ± drift), or null. Callers remember the
    /// last accepted step to refuse a code that was already used (RFC 6238 §5.2).
    /// </summary>
    public static long? MatchingStep(byte[] key, string? code, DateTimeOffset time, int allowedDriftSteps = 1)
    {
        if (code is null) return null;
        code = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length != Digits || !code.All(char.IsAsciiDigit)) return null;
        var step = TimeStep(time);
        long? matched = null;
        for (var offset = -allowedDriftSteps; offset <= allowedDriftSteps; offset++)
        {
            // Compare every candidate in constant time so timing does not tell which step matched.
            if (CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Hotp(key, step + offset)),
                    System.Text.Encoding.ASCII.GetBytes(code)))
            {
                matched = step + offset;
            }
        }
        return matched;
    }

    public static long TimeStep(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static string Hotp(byte[] key, long counter)
    {
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; its use as a MAC is not weakened by SHA-1 collisions.
        HMACSHA1.HashData(key, message, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32, the key format authenticator apps read from otpauth:// URIs.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var output = new System.Text.StringBuilder((data.Length + 4) / 5 * 8);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return output.ToString();
    }

    public static byte[] Decode(string text)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((buffer >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
