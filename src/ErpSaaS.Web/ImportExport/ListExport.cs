using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.ImportExport;

/// <summary>One column of an exported list: its (localized) header and how a row gives its value.</summary>
public record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// Every list's export, in the format the user picked: CSV (see <see cref="CsvSheetWriter"/>) or Excel
/// (see <see cref="XlsxWriter"/>). Columns give typed values (numbers, dates, booleans), so the .xlsx keeps them typed
/// and the CSV writes them in invariant form; text that could run as a formula is escaped in both.
/// </summary>
public static class ListExport
{
    /// <summary>The query parameter of the Export handler that picks the format ("csv", the default, or "xlsx").</summary>
    public const string FormatParameter = "format";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static SpreadsheetFormat ParseFormat(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Csv;

    public static string FormatName(SpreadsheetFormat format) => format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>A download named "{name}-{yyyyMMdd-HHmmss}.csv|.xlsx" holding <paramref name="rows"/> under a header row.</summary>
    public static FileContentResult File<T>(SpreadsheetFormat format, string name, DateTimeOffset now, IEnumerable<T> rows, params IReadOnlyList<ExportColumn<T>> columns)
    {
        var sheet = new SpreadsheetSheet(name, columns.Select(c => c.Header).ToList(),
            rows.Select(row => (IReadOnlyList<object?>)columns.Select(c => c.Value(row)).ToList()).ToList());
        var fileName = $"{name}-{now.ToUniversalTime():yyyyMMdd-HHmmss}.{FormatName(format)}";
        return format == SpreadsheetFormat.Xlsx
            ? new FileContentResult(XlsxWriter.Write(sheet), XlsxContentType) { FileDownloadName = fileName }
            : new FileContentResult(CsvSheetWriter.Write(sheet), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }
}
