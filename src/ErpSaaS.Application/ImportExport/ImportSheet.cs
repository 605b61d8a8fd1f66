using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Localization;

namespace ErpSaaS.ImportExport;

/// <summary>
/// An uploaded table whose header row was matched to a kind's columns. A header matches by the column's canonical key
/// or its header text in any supported language, ignoring case, spaces, '_', '-' and the '*' that marks required
/// columns in the template ("Base unit*", "base_unit" and "基本单位" are one column). Other headers are ignored.
/// </summary>
public sealed class ImportSheet
{
    private readonly Dictionary<string, int> _indexByKey;

    private ImportSheet(IReadOnlyList<ImportColumn> columns, Dictionary<string, int> indexByKey, IReadOnlyList<SpreadsheetRow> rows, IReadOnlyList<string> ignored)
    {
        Columns = columns;
        _indexByKey = indexByKey;
        Rows = rows;
        IgnoredHeaders = ignored;
    }

    public IReadOnlyList<ImportColumn> Columns { get; }
    public IReadOnlyList<SpreadsheetRow> Rows { get; }
    public IReadOnlyList<string> IgnoredHeaders { get; }

    public bool Has(string columnKey) => _indexByKey.ContainsKey(columnKey);

    /// <summary>The trimmed text of <paramref name="columnKey"/> in <paramref name="row"/>; empty when the file lacks the column.</summary>
    public string Cell(SpreadsheetRow row, string columnKey) =>
        _indexByKey.TryGetValue(columnKey, out var index) ? row.Cell(index).Trim() : string.Empty;

    /// <summary>Matches the header row; a missing required column or a column given twice is an error on the file.</summary>
    public static ImportSheet Map(SpreadsheetTable table, IReadOnlyList<ImportColumn> columns)
    {
        var byName = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            foreach (var name in NamesOf(column)) byName.TryAdd(Normalize(name), column);
        }
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i];
            if (string.IsNullOrWhiteSpace(header)) continue;
            if (!byName.TryGetValue(Normalize(header), out var column))
            {
                ignored.Add(header);
                continue;
            }
            if (!indexByKey.TryAdd(column.Key, i))
            {
                throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.ColumnDuplicate, header);
            }
        }
        if (columns.FirstOrDefault(c => c.Required && !indexByKey.ContainsKey(c.Key)) is { } missing)
        {
            throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.ColumnMissing, HeaderText(missing, CultureInfo.CurrentUICulture));
        }
        return new ImportSheet(columns, indexByKey, table.Rows, ignored);
    }

    /// <summary>The column's header as the template writes it in <paramref name="culture"/>.</summary>
    public static string HeaderText(ImportColumn column, CultureInfo culture) =>
        ErpLocalizationResources.Find(column.HeaderKey, culture) ?? column.Key;

    private static IEnumerable<string> NamesOf(ImportColumn column)
    {
        yield return column.Key;
        foreach (var culture in ErpLocalizationResources.SupportedCultures)
        {
            if (ErpLocalizationResources.For(culture).TryGetValue(column.HeaderKey, out var text)) yield return text;
        }
    }

    private static string Normalize(string header) =>
        new(header.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '*' or '＊')).Select(char.ToLowerInvariant).ToArray());
}
