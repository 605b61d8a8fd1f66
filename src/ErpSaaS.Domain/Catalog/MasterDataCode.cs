using System.Text.RegularExpressions;
using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>
/// The short keys people type, print on labels and import from spreadsheets: trimmed, upper case, starting with a
/// letter or digit, then letters, digits, '-', '_', '.' or '/'. One rule for every kind of master data.
/// </summary>
public static partial class MasterDataCode
{
    public static string Normalize(string? code, int maxLength, string field, string errorCode)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (normalized.Length == 0 || normalized.Length > maxLength || !CodePattern().IsMatch(normalized))
        {
            throw BusinessException.ForField(field, errorCode, maxLength);
        }
        return normalized;
    }

    /// <summary>A required, trimmed name of at most <paramref name="maxLength"/> characters.</summary>
    public static string RequireName(string? name, int maxLength, string field, string errorCode)
    {
        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 } || trimmed.Length > maxLength)
        {
            throw BusinessException.ForField(field, errorCode, maxLength);
        }
        return trimmed;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
