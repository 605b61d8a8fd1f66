using System.Text;
using CsvHelper;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>
/// CSV as people save it from spreadsheet programs: UTF-8 with or without a byte order mark, UTF-16 ("Unicode text"),
/// or GB18030 (what Chinese Excel writes for "CSV (逗号分隔)"); separated by commas, semicolons or tabs.
/// Row numbers count every line a spreadsheet would show, blank ones included, so they match what the user sees.
/// </summary>
internal static class CsvSheetReader
{
    private const int Gb18030CodePage = 54936;

    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<SpreadsheetRow> Read(byte[] content, int maxRows)
    {
        var text = Decode(content);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = false,
            Separator = DetectSeparator(text),
        };
        return ReadRows(text, options, maxRows);
    }

    private static IEnumerable<SpreadsheetRow> ReadRows(string text, CsvReaderOptions options, int maxRows)
    {
        using var reader = CsvReader.FromText(text, options);
        // The header and any blank rows come on top of the data rows; the caller counts data rows exactly.
        var limit = maxRows + 1_000;
        for (var read = 0; ; read++)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (Exception error) when (error is not BusinessException)
            {
                throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.FileUnreadable);
            }
            if (!more) yield break;
            if (read > limit) throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.TooManyRows, maxRows);
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
            yield return new SpreadsheetRow((int)reader.RowNumber, cells);
        }
    }

    /// <summary>A byte order mark decides; without one, valid UTF-8 is UTF-8 and anything else is read as GB18030.</summary>
    internal static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(Gb18030CodePage).GetString(content);
        }
    }

    /// <summary>The most frequent of comma, semicolon and tab in the first line (European Excel writes semicolons).</summary>
    private static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        char[] candidates = [',', ';', '\t'];
        var best = candidates.Select(c => (Separator: c, Count: firstLine.Count(x => x == c))).MaxBy(c => c.Count);
        return best.Count == 0 ? ',' : best.Separator;
    }
}
