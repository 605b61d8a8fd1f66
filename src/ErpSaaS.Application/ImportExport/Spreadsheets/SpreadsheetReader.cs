using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>
/// Reads an uploaded CSV or .xlsx file into a <see cref="SpreadsheetTable"/>. Anything wrong with the file as a
/// whole (unknown type, unreadable, no data, too many rows) is a business error on the <see cref="FileField"/>.
/// </summary>
public static class SpreadsheetReader
{
    /// <summary>The field file-level errors name, so a page shows them next to its file input.</summary>
    public const string FileField = "File";

    /// <summary>The format by extension, confirmed by the content (an .xlsx is a zip package, a CSV is not).</summary>
    public static SpreadsheetFormat DetectFormat(string? fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var isZip = content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;
        return extension switch
        {
            ".xlsx" when isZip => SpreadsheetFormat.Xlsx,
            ".xlsx" => throw BusinessException.ForField(FileField, ImportExportErrorCodes.FileUnreadable),
            ".csv" or ".txt" when !isZip => SpreadsheetFormat.Csv,
            _ => throw BusinessException.ForField(FileField, ImportExportErrorCodes.FileTypeNotSupported),
        };
    }

    /// <param name="maxRows">Data rows allowed below the header; more is refused before the rest is read.</param>
    public static SpreadsheetTable Read(SpreadsheetFormat format, byte[] content, int maxRows)
    {
        var rows = format switch
        {
            SpreadsheetFormat.Csv => CsvSheetReader.Read(content, maxRows),
            SpreadsheetFormat.Xlsx => XlsxSheetReader.Read(content, maxRows),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        using var enumerator = rows.GetEnumerator();
        SpreadsheetRow? header = null;
        while (header is null && enumerator.MoveNext())
        {
            if (!enumerator.Current.IsBlank) header = enumerator.Current;
        }
        if (header is null) throw BusinessException.ForField(FileField, ImportExportErrorCodes.FileEmpty);
        var data = new List<SpreadsheetRow>();
        while (enumerator.MoveNext())
        {
            if (enumerator.Current.IsBlank) continue;
            if (data.Count == maxRows) throw BusinessException.ForField(FileField, ImportExportErrorCodes.TooManyRows, maxRows);
            data.Add(enumerator.Current);
        }
        if (data.Count == 0) throw BusinessException.ForField(FileField, ImportExportErrorCodes.FileEmpty);
        return new SpreadsheetTable(header.Cells.Select(h => h.Trim()).ToList(), data);
    }
}
