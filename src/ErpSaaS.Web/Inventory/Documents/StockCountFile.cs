using System.Globalization;
using CsvHelper;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Localization;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>
/// The count sheet as a CSV or Excel file and back: the export lists every line to count (bin, product, batch, unit and
/// what was counted so far); the same file with the "Counted" column filled in can be uploaded, as CSV or .xlsx. Columns are found by their
/// heading in either language, so a sheet exported in Chinese uploads from an English page and the other way round.
/// A row whose counted cell is empty is not counted yet and is left alone.
/// </summary>
public static class StockCountFile
{
    public const string LocationKey = "StockDocuments:Location";
    public const string ProductKey = "StockDocuments:ProductCode";
    public const string BatchKey = "StockDocuments:Batch";
    public const string CountedKey = "StockDocuments:Counted";

    /// <summary>A count has at most this many lines, so a sheet with more rows is not one of its sheets.</summary>
    private const int MaxRows = 100_000;

    /// <summary>Uploads larger than this are not count sheets.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The sheet in <paramref name="format"/>; in .xlsx the counted quantities stay numbers.</summary>
    public static FileContentResult Export(StockCountDto count, IStringLocalizer localizer, DateTimeOffset now, SpreadsheetFormat format = SpreadsheetFormat.Csv) =>
        format == SpreadsheetFormat.Xlsx
            ? ListExport.File(format, $"stock-count-{count.Header.Number}", now, count.Lines,
                new ExportColumn<StockCountLineDto>(localizer[LocationKey], l => l.LocationCode),
                new ExportColumn<StockCountLineDto>(localizer[ProductKey], l => l.ProductCode),
                new ExportColumn<StockCountLineDto>(localizer["StockDocuments:ProductName"], l => l.ProductName),
                new ExportColumn<StockCountLineDto>(localizer["StockDocuments:Specification"], l => l.Specification),
                new ExportColumn<StockCountLineDto>(localizer[BatchKey], l => l.BatchNumber),
                new ExportColumn<StockCountLineDto>(localizer["StockDocuments:Expiry"], l => l.ExpiryDate),
                new ExportColumn<StockCountLineDto>(localizer["StockDocuments:Unit"], l => l.BaseUnit),
                new ExportColumn<StockCountLineDto>(localizer[CountedKey], l => l.CountedQuantity))
            : CsvExport.File($"stock-count-{count.Header.Number}", now, count.Lines,
            new CsvColumn<StockCountLineDto>(localizer[LocationKey], l => l.LocationCode),
            new CsvColumn<StockCountLineDto>(localizer[ProductKey], l => l.ProductCode),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:ProductName"], l => l.ProductName),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:Specification"], l => l.Specification),
            new CsvColumn<StockCountLineDto>(localizer[BatchKey], l => l.BatchNumber),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:Expiry"], l => l.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:Unit"], l => l.BaseUnit),
            new CsvColumn<StockCountLineDto>(localizer[CountedKey], l => l.CountedQuantity));

    /// <summary>
    /// The rows of an uploaded sheet (CSV, or the first sheet of an .xlsx workbook) that say what was counted, numbered as
    /// the spreadsheet numbers its lines.
    /// </summary>
    public static IReadOnlyList<StockCountUploadRowInput> Read(Stream file, string? fileName)
    {
        if (!string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase)) return ReadCsv(file);
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        SpreadsheetTable table;
        try
        {
            var content = buffer.ToArray();
            table = SpreadsheetReader.Read(SpreadsheetReader.DetectFormat(fileName, content), content, MaxRows);
        }
        catch (BusinessException error) when (error.Code == ImportExportErrorCodes.FileEmpty)
        {
            return [];
        }
        catch (BusinessException error)
        {
            throw BusinessException.ForField(StockCount.UploadField, error.Code, [.. error.Args]);
        }
        var (location, product, batch, counted) = Columns(table.Headers);
        return [.. table.Rows
            .Where(row => row.Cell(counted).Trim().Length > 0)
            .Select(row => new StockCountUploadRowInput(row.RowNumber, Cell(row, location), Cell(row, product), Cell(row, batch), row.Cell(counted).Trim()))];
    }

    private static string? Cell(SpreadsheetRow row, int? column) => column is { } index ? row.Cell(index).Trim() : null;

    /// <summary>Where the sheet's columns are; the product and counted columns must be there.</summary>
    private static (int? Location, int Product, int? Batch, int Counted) Columns(IReadOnlyList<string> headers)
    {
        var product = ColumnOf(headers, ProductKey);
        var counted = ColumnOf(headers, CountedKey);
        if (product is null || counted is null)
        {
            throw BusinessException.ForField(StockCount.UploadField, StockDocumentErrorCodes.UploadColumnMissing,
                string.Join(", ", new[] { ProductKey, CountedKey }.Select(key => ErpLocalizationResources.Find(key, CultureInfo.CurrentUICulture))));
        }
        return (ColumnOf(headers, LocationKey), product.Value, ColumnOf(headers, BatchKey), counted.Value);
    }

    private static IReadOnlyList<StockCountUploadRowInput> ReadCsv(Stream file)
    {
        try
        {
            using var csv = CsvReader.Create(file, new CsvReaderOptions { TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
            var (location, product, batch, counted) = Columns(csv.Headers);
            var rows = new List<StockCountUploadRowInput>();
            while (csv.Read())
            {
                string? Cell(int? column) => column is { } index && index < csv.FieldCount ? csv.GetString(index).Trim() : null;
                var countedText = Cell(counted);
                if (string.IsNullOrEmpty(countedText)) continue;
                rows.Add(new StockCountUploadRowInput(checked((int)csv.LineNumber), Cell(location), Cell(product), Cell(batch), countedText));
            }
            return rows;
        }
        catch (CsvFormatException)
        {
            throw BusinessException.ForField(StockCount.UploadField, StockDocumentErrorCodes.UploadUnreadable);
        }
    }

    private static int? ColumnOf(IReadOnlyList<string> headers, string key)
    {
        var names = ErpLocalizationResources.SupportedCultures
            .Select(culture => ErpLocalizationResources.Find(key, CultureInfo.GetCultureInfo(culture)))
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            if (names.Contains(headers[i].Trim().TrimStart('\uFEFF'))) return i;
        }
        return null;
    }
}
