using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.ImportExport.Catalog;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;

namespace ErpSaaS.ImportExport.Inventory;

/// <summary>
/// Opening stock (期初库存) from a spreadsheet: product, warehouse, bin, batch and expiry (for batch-tracked products),
/// quantity and unit cost. Importing does not move stock: it creates one opening balance in draft, named after the
/// job, with a line per row, for the user to review and post on the opening balance's own page (the job links to it).
/// Every line is checked by the opening balance's own rules, so the draft holds exactly what the preview showed.
/// </summary>
public sealed class OpeningStockImportKind(
    IInventoryImportQueries queries, ICatalogImportQueries catalog, StockDocumentManager manager, StockDocumentActors actors)
    : ImportKind<OpeningStockImportKind.Values>, IImportKindWithDocument
{
    public const string KindName = "opening-stock";

    /// <summary>The document type the job page links to.</summary>
    public const string OpeningBalanceDocument = "opening-balance";

    private const string ProductCode = "product_code";
    private const string WarehouseCode = "warehouse_code";
    private const string BinCode = "bin_code";
    private const string BatchNumber = "batch_number";
    private const string ExpiryDate = "expiry_date";
    private const string Quantity = "quantity";
    private const string Unit = "unit";
    private const string UnitCost = "unit_cost";

    private static readonly IReadOnlyList<ImportColumn> ColumnList =
    [
        new(ProductCode, "ImportExport:OpeningStock:ProductCode", Required: true, Example: "SKU-10086"),
        new(WarehouseCode, "ImportExport:OpeningStock:WarehouseCode", Required: true, Example: "WH01"),
        new(BinCode, "ImportExport:OpeningStock:BinCode", "ImportExport:OpeningStock:BinCode:Hint"),
        new(BatchNumber, "ImportExport:OpeningStock:BatchNumber", "ImportExport:OpeningStock:BatchNumber:Hint"),
        new(ExpiryDate, "ImportExport:OpeningStock:ExpiryDate", "ImportExport:Date:Hint"),
        new(Quantity, "ImportExport:OpeningStock:Quantity", Required: true, Example: "120"),
        new(Unit, "ImportExport:OpeningStock:Unit", "ImportExport:OpeningStock:Unit:Hint"),
        new(UnitCost, "ImportExport:OpeningStock:UnitCost", "ImportExport:OpeningStock:UnitCost:Hint", Example: "35.5"),
    ];

    private static readonly Dictionary<string, string> ColumnByLineField = new(StringComparer.Ordinal)
    {
        ["Product"] = ProductCode, ["Quantity"] = Quantity, ["Unit"] = Unit, ["UnitCost"] = UnitCost, ["BatchNumber"] = BatchNumber,
        ["ExpiryDate"] = ExpiryDate, ["Location"] = BinCode,
    };

    public override string Name => KindName;
    public override string Permission => ErpPermissions.Trading.Inventory;
    public override string Feature => ErpFeatures.Trading;

    /// <summary>Every import makes a new draft; nothing existing is changed.</summary>
    public override bool CanUpdateExisting => false;
    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    public Task<ImportDocumentDto?> FindDocumentAsync(Guid jobId, CancellationToken cancellationToken) => queries.FindOpeningAsync(jobId, cancellationToken);

    // Line rules name their field "Lines[i].Quantity"; the part after the dot says the column.
    protected override string? ColumnOf(string? field) =>
        field is null ? null : ColumnByLineField.GetValueOrDefault(field[(field.LastIndexOf('.') + 1)..]);

    protected override Values Parse(ImportCells cells) => new()
    {
        ProductCode = cells.Required(ProductCode)?.ToUpperInvariant(),
        WarehouseCode = cells.Required(WarehouseCode)?.ToUpperInvariant(),
        BinCode = cells.Text(BinCode)?.ToUpperInvariant(),
        BatchNumber = cells.Text(BatchNumber),
        ExpiryDate = cells.Date(ExpiryDate),
        Quantity = cells.Required(Quantity) is null ? null : cells.Number(Quantity),
        Unit = cells.Text(Unit)?.ToUpperInvariant(),
        UnitCost = cells.Number(UnitCost),
    };

    protected override async Task CheckAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var today = (await actors.CurrentAsync(cancellationToken)).Today;
        var products = await queries.GetProductsAsync(rows.Select(r => r.Values.ProductCode).OfType<string>().Distinct().ToList(), cancellationToken);
        var warehouses = (await catalog.GetWarehousesAsync(cancellationToken)).Where(w => w.IsActive).ToDictionary(w => w.Code, w => w.Id, StringComparer.Ordinal);
        var bins = (await queries.GetLocationsAsync(warehouses.Values.ToList(), cancellationToken))
            .Where(l => l.IsActive).ToDictionary(l => (l.WarehouseId, l.Code), l => l.Id);
        var done = 0;
        foreach (var row in rows)
        {
            var values = row.Values;
            row.Key = values.ProductCode;
            row.Label = values.BinCode is null ? values.WarehouseCode : $"{values.WarehouseCode} / {values.BinCode}";
            if (done >= StockDocumentConsts.MaxLines) row.Fail(null, ImportExportErrorCodes.TooManyOpeningLines, StockDocumentConsts.MaxLines);
            var product = values.ProductCode is { } code ? products.GetValueOrDefault(code) : null;
            if (values.ProductCode is { } productCode && product is not { IsActive: true }) row.Fail(ProductCode, ImportExportErrorCodes.ProductCodeUnknown, productCode);
            else if (product is { IsStocked: false }) row.Fail(ProductCode, StockDocumentErrorCodes.ProductNotStocked, product.Code);
            Guid? warehouseId = null;
            if (values.WarehouseCode is { } warehouseCode)
            {
                if (warehouses.TryGetValue(warehouseCode, out var id)) warehouseId = id;
                else row.Fail(WarehouseCode, ImportExportErrorCodes.WarehouseCodeUnknown, warehouseCode);
            }
            Guid? binId = null;
            if (values.BinCode is { } binCode && warehouseId is { } binWarehouse)
            {
                if (bins.TryGetValue((binWarehouse, binCode), out var id)) binId = id;
                else row.Fail(BinCode, ImportExportErrorCodes.LocationCodeUnknown, binCode, values.WarehouseCode);
            }
            if (!row.HasErrors)
            {
                var details = new OpeningLineDetails(product!, warehouseId!.Value, binId, values.BatchNumber, values.ExpiryDate, values.Quantity!.Value,
                    values.Unit, values.UnitCost);
                Check(row, () => InventoryImportRules.CheckOpeningLine(details, today));
                values.WarehouseId = warehouseId;
                values.LocationId = binId;
            }
            await run.CheckedAsync(++done, cancellationToken);
        }
    }

    protected override async Task SaveAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        var lines = new List<OpeningLineDetails>(rows.Count);
        foreach (var row in rows)
        {
            var values = row.Values;
            await SaveRowAsync(row, async () =>
            {
                var product = await manager.ProductAsync(values.ProductCode, ProductCode, cancellationToken);
                lines.Add(new OpeningLineDetails(product, values.WarehouseId!.Value, values.LocationId, values.BatchNumber, values.ExpiryDate,
                    values.Quantity!.Value, values.Unit, values.UnitCost));
            });
        }
        var opening = await manager.CreateOpeningAsync(run.JobId, comment: null, actor, cancellationToken);
        try
        {
            opening.ReplaceLines(lines, actor);
        }
        catch (BusinessException error)
        {
            throw new ImportRowException(rows[LineIndexOf(error.Field)].RowNumber,
                new ImportRowError(ColumnOf(error.Field), error.Code, error.Args.Select(ImportCells.ArgText).ToList()));
        }
        // The draft is one aggregate: progress (and the flush that stops tracking) only once it holds every line.
        for (var done = 1; done <= rows.Count; done++) await run.SavedAsync(done, cancellationToken);
    }

    private static int LineIndexOf(string? field) =>
        field is not null && field.StartsWith("Lines[", StringComparison.Ordinal) && int.TryParse(field[6..field.IndexOf(']', StringComparison.Ordinal)], out var index)
            ? index
            : 0;

    public sealed class Values
    {
        public string? ProductCode { get; init; }
        public string? WarehouseCode { get; init; }
        public string? BinCode { get; init; }
        public string? BatchNumber { get; init; }
        public DateOnly? ExpiryDate { get; init; }
        public decimal? Quantity { get; init; }
        public string? Unit { get; init; }
        public decimal? UnitCost { get; init; }

        public Guid? WarehouseId { get; set; }
        public Guid? LocationId { get; set; }
    }
}
