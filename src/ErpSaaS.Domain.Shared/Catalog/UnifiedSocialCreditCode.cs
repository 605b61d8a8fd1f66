namespace ErpSaaS.Catalog;

/// <summary>
/// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) every Chinese company has: 17 characters
/// of the code alphabet (digits and upper-case letters without I, O, S, V, Z) and a check character (modulo 31).
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is not { Length: Length }) return false;
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0) return false;
            sum += value * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return code[Length - 1] == Alphabet[check];
    }
}
