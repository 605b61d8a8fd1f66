using System.Globalization;

namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>
/// A sheet to write: header texts and rows of cell values. Values keep their type so each format can do it justice:
/// numbers stay numbers, <see cref="DateTimeOffset"/> (written in UTC), <see cref="DateTime"/> and <see cref="DateOnly"/>
/// stay dates, booleans stay booleans; lists of strings are joined with "; "; anything else is written as text.
/// </summary>
public sealed record SpreadsheetSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>What both writers agree on: which values are numbers, how text looks, and which text could run as a formula.</summary>
internal static class SpreadsheetCells
{
    /// <summary>
    /// A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection, OWASP): an exported
    /// name like "=HYPERLINK(...)" must stay text.
    /// </summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static bool IsNumber(object? value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal or double or float;

    public static string NumberText(object value) => value switch
    {
        double d when double.IsNaN(d) || double.IsInfinity(d) => string.Empty,
        float f when float.IsNaN(f) || float.IsInfinity(f) => string.Empty,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The text of a value that is neither a number, a date nor a boolean.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        IEnumerable<string> items => string.Join("; ", items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
