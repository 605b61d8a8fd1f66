using System.Security.Cryptography;

namespace ErpSaaS.Billing;

/// <summary>The reference a company writes on its transfer: "ERP-{yyyyMMdd}-{6 random base32 characters}".</summary>
public static class BankTransferReference
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string New(DateTimeOffset at)
    {
        Span<char> random = stackalloc char[6];
        for (var i = 0; i < random.Length; i++) random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"ERP-{at.UtcDateTime:yyyyMMdd}-{random}";
    }
}
