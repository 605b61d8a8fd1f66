using System.Globalization;
using CsvHelper;

namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>
/// A sheet as an RFC 4180 CSV file: UTF-8 with a byte order mark (so Excel reads Chinese correctly), invariant number
/// and date formats, and text that could run as a formula prefixed with an apostrophe. Numbers are never prefixed,
/// so -5 stays a number.
/// </summary>
public static class CsvSheetWriter
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.None, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };

    public static byte[] Write(SpreadsheetSheet sheet)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord(sheet.Headers.Select(Escape).ToArray());
            foreach (var row in sheet.Rows)
            {
                csv.WriteRecord(row.Select(Format).ToArray());
            }
        }
        return buffer.ToArray();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        _ when SpreadsheetCells.IsNumber(value) => SpreadsheetCells.NumberText(value),
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime time => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Escape(SpreadsheetCells.Text(value)),
    };

    private static string Escape(string text) => SpreadsheetCells.LooksLikeFormula(text) ? "'" + text : text;
}
