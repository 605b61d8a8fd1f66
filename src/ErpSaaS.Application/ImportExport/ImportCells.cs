using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Localization;

namespace ErpSaaS.ImportExport;

/// <summary>
/// Reads one row's cells into typed values, collecting what is wrong (missing, not a number ...) as row errors instead
/// of stopping at the first, so the preview lists everything a row needs corrected. A blank optional cell gives the
/// default.
/// </summary>
public sealed class ImportCells(ImportSheet sheet, SpreadsheetRow row)
{
    private static readonly char[] ListSeparators = [';', '；', '\n'];
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyyMMdd"];

    public int RowNumber => row.RowNumber;
    public List<ImportRowError> Errors { get; } = [];

    public string? Text(string column) => sheet.Cell(row, column) is { Length: > 0 } text ? text : null;

    public string? Required(string column)
    {
        var text = Text(column);
        if (text is null) Fail(column, ImportExportErrorCodes.ValueRequired);
        return text;
    }

    /// <summary>A number as people write it in spreadsheets: "1,234.5", "￥12.50", "1E3".</summary>
    public decimal? Number(string column)
    {
        if (Text(column) is not { } text) return null;
        var plain = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).TrimStart('¥', '￥', '$');
        if (decimal.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Fail(column, ImportExportErrorCodes.NumberInvalid, text);
        return null;
    }

    public int? WholeNumber(string column)
    {
        if (Text(column) is not { } text) return null;
        var number = Number(column);
        if (number is null) return null;
        if (number == decimal.Truncate(number.Value) && number is >= int.MinValue and <= int.MaxValue) return (int)number.Value;
        Fail(column, ImportExportErrorCodes.WholeNumberInvalid, text);
        return null;
    }

    /// <summary>
    /// A day as spreadsheets write it: "2026-03-01" (what the .xlsx reader gives for date cells), "2026/3/1",
    /// "2026.3.1", "20260301" or "2026年3月1日".
    /// </summary>
    public DateOnly? Date(string column)
    {
        if (Text(column) is not { } text) return null;
        var plain = text.Replace('年', '-').Replace('月', '-').TrimEnd('日').Replace('/', '-').Replace('.', '-');
        if (DateOnly.TryParseExact(plain, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Fail(column, ImportExportErrorCodes.DateInvalid, text);
        return null;
    }

    public bool YesNo(string column, bool blank)
    {
        if (Text(column) is not { } text) return blank;
        switch (text.ToLowerInvariant())
        {
            case "yes" or "y" or "true" or "1" or "是" or "√" or "✓":
                return true;
            case "no" or "n" or "false" or "0" or "否" or "×":
                return false;
            default:
                Fail(column, ImportExportErrorCodes.YesNoInvalid, text);
                return blank;
        }
    }

    /// <summary>One of an enum's values, by its name or its localized text in any language.</summary>
    public TEnum Choice<TEnum>(string column, string textKeyPrefix, TEnum blank) where TEnum : struct, Enum
    {
        if (Text(column) is not { } text) return blank;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = value.ToString();
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase)) return value;
            foreach (var culture in ErpLocalizationResources.SupportedCultures)
            {
                if (ErpLocalizationResources.For(culture).TryGetValue(textKeyPrefix + name, out var localized)
                    && string.Equals(text, localized, StringComparison.OrdinalIgnoreCase)) return value;
            }
        }
        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => ErpLocalizationResources.Find(textKeyPrefix + v, CultureInfo.CurrentUICulture) ?? v.ToString()));
        Fail(column, ImportExportErrorCodes.ChoiceInvalid, text, allowed);
        return blank;
    }

    /// <summary>Items separated by ';' (or '；' or line breaks), trimmed, blanks dropped.</summary>
    public IReadOnlyList<string> List(string column) =>
        Text(column) is { } text ? text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    public void Fail(string? column, string code, params object?[] args) =>
        Errors.Add(new ImportRowError(column, code, args.Select(ArgText).ToList()));

    public void Fail(string? column, BusinessException error) => Fail(column, error.Code, [.. error.Args]);

    internal static string ArgText(object? arg) => arg switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => arg.ToString() ?? string.Empty,
    };
}
