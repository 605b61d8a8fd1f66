using ErpSaaS.ImportExport;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Administration;

/// <summary>A column of a CSV-only export; any list may now use <see cref="ExportColumn{T}"/> and <see cref="ListExport"/> instead.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, object?> Value) : ExportColumn<T>(Header, Value);

/// <summary>A list's current filter as a CSV file: the CSV half of <see cref="ListExport"/>, kept for pages that only offer CSV.</summary>
public static class CsvExport
{
    public static FileContentResult File<T>(string name, DateTimeOffset now, IEnumerable<T> rows, params CsvColumn<T>[] columns) =>
        ListExport.File(SpreadsheetFormat.Csv, name, now, rows, columns);
}
