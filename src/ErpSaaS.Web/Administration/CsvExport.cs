using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Administration;

public sealed record CsvColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// A list's current filter as an RFC 4180 CSV file: UTF-8 with a byte order mark (so spreadsheet programs read
/// Chinese correctly), invariant formats, and cells that look like formulas escaped against CSV injection.
/// </summary>
public static class CsvExport
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };

    public static FileContentResult File<T>(string name, DateTimeOffset now, IEnumerable<T> rows, params CsvColumn<T>[] columns)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord(columns.Select(c => c.Header).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(columns.Select(c => Format(c.Value(row))).ToArray());
            }
        }
        var bytes = buffer.ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = $"{name}-{now:yyyyMMdd-HHmmss}.csv" };
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IEnumerable<string> items => string.Join("; ", items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
