using System.Text.RegularExpressions;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Settings;

/// <summary>
/// What a document number pattern may contain: literal text, date tokens ({yyyy} {yy} {MM} {dd} {yyyyMM} {yyyyMMdd})
/// and exactly one counter token of zeros ({0000}) giving the counter's minimum width.
/// </summary>
public static partial class NumberPatternRule
{
    public const int MaxLength = 64;
    public static readonly IReadOnlySet<string> DateTokens = new HashSet<string>(StringComparer.Ordinal) { "yyyy", "yy", "MM", "dd", "yyyyMM", "yyyyMMdd" };

    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxLength) return false;
        var counters = 0;
        var rest = Token().Replace(pattern, match =>
        {
            var token = match.Groups[1].Value;
            if (CounterToken().IsMatch(token)) counters++;
            else if (!DateTokens.Contains(token)) counters = int.MinValue; // an unknown token spoils the pattern
            return string.Empty;
        });
        return counters == 1 && !rest.Contains('{', StringComparison.Ordinal) && !rest.Contains('}', StringComparison.Ordinal);
    }

    /// <summary>Throws a field error on <paramref name="field"/> unless the pattern is valid.</summary>
    public static string Validate(string field, string? pattern)
    {
        if (!IsValid(pattern)) throw BusinessException.ForField(field, ErrorCodes.NumberPatternInvalid, pattern);
        return pattern!.Trim();
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Token();

    [GeneratedRegex("^0{1,12}$")]
    private static partial Regex CounterToken();
}
