using System.Globalization;
using CsvHelper;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Localization;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>
/// The count sheet as a CSV file and back: the export lists every line to count (bin, product, batch, unit and what
/// was counted so far); the same file with the "Counted" column filled in can be uploaded. Columns are found by their
/// heading in either language, so a sheet exported in Chinese uploads from an English page and the other way round.
/// A row whose counted cell is empty is not counted yet and is left alone.
/// </summary>
public static class StockCountFile
{
    public const string LocationKey = "StockDocuments:Location";
    public const string ProductKey = "StockDocuments:ProductCode";
    public const string BatchKey = "StockDocuments:Batch";
    public const string CountedKey = "StockDocuments:Counted";

    /// <summary>Uploads larger than this are not count sheets.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static FileContentResult Export(StockCountDto count, IStringLocalizer localizer, DateTimeOffset now) =>
        CsvExport.File($"stock-count-{count.Header.Number}", now, count.Lines,
            new CsvColumn<StockCountLineDto>(localizer[LocationKey], l => l.LocationCode),
            new CsvColumn<StockCountLineDto>(localizer[ProductKey], l => l.ProductCode),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:ProductName"], l => l.ProductName),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:Specification"], l => l.Specification),
            new CsvColumn<StockCountLineDto>(localizer[BatchKey], l => l.BatchNumber),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:Expiry"], l => l.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new CsvColumn<StockCountLineDto>(localizer["StockDocuments:Unit"], l => l.BaseUnit),
            new CsvColumn<StockCountLineDto>(localizer[CountedKey], l => l.CountedQuantity));

    /// <summary>The rows of an uploaded sheet that say what was counted, numbered as the spreadsheet numbers its lines.</summary>
    public static IReadOnlyList<StockCountUploadRowInput> Read(Stream file)
    {
        try
        {
            using var csv = CsvReader.Create(file, new CsvReaderOptions { TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
            var headers = csv.Headers;
            var product = ColumnOf(headers, ProductKey);
            var counted = ColumnOf(headers, CountedKey);
            if (product is null || counted is null)
            {
                throw BusinessException.ForField(StockCount.UploadField, StockDocumentErrorCodes.UploadColumnMissing,
                    string.Join(", ", new[] { ProductKey, CountedKey }.Select(key => ErpLocalizationResources.Find(key, CultureInfo.CurrentUICulture))));
            }
            var location = ColumnOf(headers, LocationKey);
            var batch = ColumnOf(headers, BatchKey);
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
