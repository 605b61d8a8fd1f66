using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>
/// Products from a spreadsheet, every field of <see cref="ProductDetails"/> by code: category, base unit, conversions
/// ("BOX=12;PACK=6"), barcodes ("6901234567892;6901234567908"), default warehouse and tax rate. A code that exists is
/// an error, or with "update existing" the row replaces that product's details (blank optional cells mean none or the
/// default, as for a new product). Saved through <see cref="ProductManager"/>, which checks every reference again.
/// </summary>
public sealed class ProductImportKind(ICatalogImportQueries queries, ProductManager manager, IProductRepository products)
    : ImportKind<ProductImportKind.Values>
{
    public const string KindName = "products";

    private const string Code = "code";
    private const string Name_ = "name";
    private const string Specification = "specification";
    private const string CategoryCode = "category_code";
    private const string Type = "type";
    private const string BaseUnit = "base_unit";
    private const string UnitConversions = "unit_conversions";
    private const string Barcodes = "barcodes";
    private const string DefaultWarehouseCode = "default_warehouse_code";
    private const string SafetyStock = "safety_stock";
    private const string ReorderPoint = "reorder_point";
    private const string ReorderQuantity = "reorder_quantity";
    private const string MaximumStock = "maximum_stock";
    private const string LeadTimeDays = "lead_time_days";
    private const string BatchTracked = "batch_tracked";
    private const string ShelfLifeDays = "shelf_life_days";
    private const string ValuationMethod_ = "valuation_method";
    private const string StandardCost = "standard_cost";
    private const string SalePrice = "sale_price";
    private const string TaxRateCode = "tax_rate_code";
    private const string Active = "active";

    private const string TypeTextPrefix = "ImportExport:ProductType:";
    private const string ValuationTextPrefix = "ImportExport:Valuation:";

    private static readonly IReadOnlyList<ImportColumn> ColumnList =
    [
        new(Code, "ImportExport:Products:Code", "ImportExport:Products:Code:Hint", Required: true, Example: "SKU-10086"),
        new(Name_, "ImportExport:Products:Name", Required: true, Example: "爆款A"),
        new(Specification, "ImportExport:Products:Specification", Example: "蓝牙 5.3 / 黑色"),
        new(CategoryCode, "ImportExport:Products:CategoryCode", "ImportExport:Products:CategoryCode:Hint", Example: "ELEC"),
        new(Type, "ImportExport:Products:Type", "ImportExport:Products:Type:Hint", Example: "Goods", ExampleKey: TypeTextPrefix + nameof(ProductType.Goods)),
        new(BaseUnit, "ImportExport:Products:BaseUnit", "ImportExport:Products:BaseUnit:Hint", Required: true, Example: "PCS"),
        new(UnitConversions, "ImportExport:Products:UnitConversions", "ImportExport:Products:UnitConversions:Hint", Example: "BOX=12;PACK=6"),
        new(Barcodes, "ImportExport:Products:Barcodes", "ImportExport:Products:Barcodes:Hint", Example: "6901234567892"),
        new(DefaultWarehouseCode, "ImportExport:Products:DefaultWarehouseCode", "ImportExport:Products:DefaultWarehouseCode:Hint", Example: WarehouseConsts.DefaultCode),
        new(SafetyStock, "ImportExport:Products:SafetyStock", Example: "10"),
        new(ReorderPoint, "ImportExport:Products:ReorderPoint", Example: "20"),
        new(ReorderQuantity, "ImportExport:Products:ReorderQuantity", Example: "100"),
        new(MaximumStock, "ImportExport:Products:MaximumStock", Example: "500"),
        new(LeadTimeDays, "ImportExport:Products:LeadTimeDays", Example: "7"),
        new(BatchTracked, "ImportExport:Products:BatchTracked", "ImportExport:YesNo:Hint", Example: "no", ExampleKey: "ImportExport:No"),
        new(ShelfLifeDays, "ImportExport:Products:ShelfLifeDays", "ImportExport:Products:ShelfLifeDays:Hint"),
        new(ValuationMethod_, "ImportExport:Products:ValuationMethod", "ImportExport:Products:ValuationMethod:Hint", Example: "MovingAverage",
            ExampleKey: ValuationTextPrefix + nameof(ValuationMethod.MovingAverage)),
        new(StandardCost, "ImportExport:Products:StandardCost", Example: "35.5"),
        new(SalePrice, "ImportExport:Products:SalePrice", Example: "59.9"),
        new(TaxRateCode, "ImportExport:Products:TaxRateCode", "ImportExport:Products:TaxRateCode:Hint", Example: "VAT13"),
        new(Active, "ImportExport:Products:Active", "ImportExport:YesNo:Hint", Example: "yes", ExampleKey: "ImportExport:Yes"),
    ];

    private static readonly Dictionary<string, string> ColumnByField = new(StringComparer.Ordinal)
    {
        [nameof(Product.Code)] = Code, [nameof(Product.Name)] = Name_, [nameof(Product.Specification)] = Specification,
        [nameof(Product.CategoryId)] = CategoryCode, [nameof(Product.BaseUnit)] = BaseUnit, [nameof(Product.UnitConversions)] = UnitConversions,
        [nameof(Product.Barcodes)] = Barcodes, [nameof(Product.DefaultWarehouseId)] = DefaultWarehouseCode,
        [nameof(Product.SafetyStock)] = SafetyStock, [nameof(Product.ReorderPoint)] = ReorderPoint, [nameof(Product.ReorderQuantity)] = ReorderQuantity,
        [nameof(Product.MaximumStock)] = MaximumStock, [nameof(Product.LeadTimeDays)] = LeadTimeDays, [nameof(Product.IsBatchTracked)] = BatchTracked,
        [nameof(Product.ShelfLifeDays)] = ShelfLifeDays, [nameof(Product.StandardCost)] = StandardCost, [nameof(Product.SalePrice)] = SalePrice,
        [nameof(Product.TaxRateId)] = TaxRateCode,
    };

    public override string Name => KindName;
    public override string Permission => ErpPermissions.Trading.Catalog;
    public override string Feature => ErpFeatures.Trading;
    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    protected override string? ColumnOf(string? field) => field is not null && ColumnByField.TryGetValue(field, out var column) ? column : null;

    protected override Values Parse(ImportCells cells) => new()
    {
        Code = cells.Required(Code),
        Name = cells.Required(Name_),
        Specification = cells.Text(Specification),
        CategoryCode = cells.Text(CategoryCode),
        Type = cells.Choice(Type, TypeTextPrefix, ProductType.Goods),
        BaseUnit = cells.Required(BaseUnit),
        Conversions = ParseConversions(cells),
        Barcodes = cells.List(Barcodes),
        WarehouseCode = cells.Text(DefaultWarehouseCode),
        SafetyStock = cells.Number(SafetyStock) ?? 0m,
        ReorderPoint = cells.Number(ReorderPoint) ?? 0m,
        ReorderQuantity = cells.Number(ReorderQuantity) ?? 0m,
        MaximumStock = cells.Number(MaximumStock),
        LeadTimeDays = cells.WholeNumber(LeadTimeDays) ?? 0,
        IsBatchTracked = cells.YesNo(BatchTracked, blank: false),
        ShelfLifeDays = cells.WholeNumber(ShelfLifeDays),
        Valuation = cells.Choice(ValuationMethod_, ValuationTextPrefix, ValuationMethod.MovingAverage),
        StandardCost = cells.Number(StandardCost) ?? 0m,
        SalePrice = cells.Number(SalePrice) ?? 0m,
        TaxRateCode = cells.Text(TaxRateCode),
        IsActive = cells.YesNo(Active, blank: true),
    };

    /// <summary>"BOX=12;PACK=6" (also with ':' or full-width '＝', and Chinese semicolons).</summary>
    private static List<UnitConversionDetails> ParseConversions(ImportCells cells)
    {
        var conversions = new List<UnitConversionDetails>();
        foreach (var item in cells.List(UnitConversions))
        {
            var parts = item.Split(['=', '＝', ':', '：'], StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0
                || !decimal.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var factor))
            {
                cells.Fail(UnitConversions, ImportExportErrorCodes.ConversionsInvalid, cells.Text(UnitConversions));
                return [];
            }
            conversions.Add(new UnitConversionDetails(parts[0], factor));
        }
        return conversions;
    }

    protected override async Task CheckAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var units = await queries.GetActiveUnitCodesAsync(cancellationToken);
        var categories = ActiveByCode((await queries.GetCategoriesAsync(cancellationToken)).Select(c => new CatalogCodeReference(c.Id, c.Code, c.IsActive)));
        var taxRateList = await queries.GetTaxRatesAsync(cancellationToken);
        var taxRates = ActiveByCode(taxRateList);
        var defaultTaxRate = taxRateList.FirstOrDefault(t => t.IsDefault && t.IsActive)?.Id;
        var warehouses = ActiveByCode(await queries.GetWarehousesAsync(cancellationToken));

        foreach (var row in rows)
        {
            row.Key = row.Values.Code;
            row.Label = row.Values.Name;
            if (row.Values.Code is { } code) Check(row, () => row.Values.NormalizedCode = Product.NormalizeCode(code));
            foreach (var barcode in row.Values.Barcodes) Check(row, () => row.Values.NormalizedBarcodes.Add(Product.NormalizeBarcode(barcode)));
        }
        var existing = await queries.GetProductsAsync(rows.Select(r => r.Values.NormalizedCode).OfType<string>().Distinct().ToList(), cancellationToken);
        var owners = await queries.GetBarcodeOwnersAsync(rows.SelectMany(r => r.Values.NormalizedBarcodes).Distinct().ToList(), cancellationToken);

        var rowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowOfBarcode = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        foreach (var row in rows)
        {
            var values = row.Values;
            var found = values.NormalizedCode is { } code && existing.TryGetValue(code, out var product) ? product : null;
            if (values.NormalizedCode is { } normalized) ClaimCode(row, Code, normalized, rowOfCode, found is not null, run);
            var baseUnit = CheckUnit(row, values.BaseUnit, BaseUnit, units);
            foreach (var conversion in values.Conversions) CheckUnit(row, conversion.UnitCode, UnitConversions, units);
            var categoryId = Reference(row, values.CategoryCode, categories, CategoryCode, ImportExportErrorCodes.CategoryCodeUnknown);
            var taxRateId = values.TaxRateCode is null ? defaultTaxRate : Reference(row, values.TaxRateCode, taxRates, TaxRateCode, ImportExportErrorCodes.TaxRateCodeUnknown);
            var warehouseId = Reference(row, values.WarehouseCode, warehouses, DefaultWarehouseCode, ImportExportErrorCodes.WarehouseCodeUnknown);
            foreach (var barcode in values.NormalizedBarcodes.Distinct(StringComparer.Ordinal))
            {
                if (!rowOfBarcode.TryAdd(barcode, row.RowNumber)) row.Fail(Barcodes, ImportExportErrorCodes.BarcodeDuplicateInFile, barcode, rowOfBarcode[barcode]);
                else if (owners.TryGetValue(barcode, out var owner) && owner.ProductId != found?.Id)
                {
                    row.Fail(Barcodes, CatalogErrorCodes.ProductBarcodeTaken, barcode, owner.ProductCode);
                }
            }
            if (!row.HasErrors)
            {
                var details = new ProductDetails
                {
                    Name = values.Name!, Specification = values.Specification, CategoryId = categoryId, Type = values.Type, BaseUnit = baseUnit!,
                    UnitConversions = values.Conversions, Barcodes = values.NormalizedBarcodes, DefaultWarehouseId = warehouseId,
                    SafetyStock = values.SafetyStock, ReorderPoint = values.ReorderPoint, ReorderQuantity = values.ReorderQuantity,
                    MaximumStock = values.MaximumStock, LeadTimeDays = values.LeadTimeDays, IsBatchTracked = values.IsBatchTracked,
                    ShelfLifeDays = values.ShelfLifeDays, ValuationMethod = values.Valuation, StandardCost = values.StandardCost,
                    SalePrice = values.SalePrice, TaxRateId = taxRateId,
                };
                Check(row, () => CatalogImportRules.CheckProduct(values.NormalizedCode!, details));
                values.Details = details;
                if (!row.HasErrors && row.Action == ImportRowAction.Update && ChangesHistory(found!, details) && await manager.IsUsedAsync(found!.Id, cancellationToken))
                {
                    row.Fail(null, CatalogErrorCodes.ProductInUseKeepsUnitAndValuation, values.NormalizedCode);
                }
            }
            await run.CheckedAsync(++done, cancellationToken);
        }
    }

    protected override Task SaveAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken) =>
        SaveEachAsync(rows, run, async row =>
        {
            var values = row.Values;
            if (row.Action == ImportRowAction.Update)
            {
                var product = await ExistingAsync(products.FindByCodeAsync(values.NormalizedCode!, cancellationToken));
                await manager.UpdateAsync(product, values.Details!, cancellationToken);
                if (values.IsActive) product.Activate();
                else product.Deactivate();
            }
            else
            {
                var product = await manager.CreateAsync(values.NormalizedCode, values.Details!, cancellationToken);
                if (!values.IsActive) product.Deactivate();
            }
        }, cancellationToken);

    private static bool ChangesHistory(ExistingProduct product, ProductDetails details) =>
        details.BaseUnit != product.BaseUnit || details.ValuationMethod != product.ValuationMethod
        || details.IsBatchTracked != product.IsBatchTracked || (details.Type == ProductType.Service) != (product.Type == ProductType.Service);

    private string? CheckUnit(ImportRow<Values> row, string? unit, string column, IReadOnlySet<string> units)
    {
        if (unit is null) return null;
        string? code = null;
        Check(row, () => code = UnitOfMeasure.NormalizeCode(unit));
        if (code is not null && !units.Contains(code)) row.Fail(column, CatalogErrorCodes.ProductUnitUnknown, code);
        return code;
    }

    private static Guid? Reference(ImportRow<Values> row, string? code, Dictionary<string, Guid> known, string column, string unknownError)
    {
        if (code is null) return null;
        if (known.TryGetValue(code.Trim().ToUpperInvariant(), out var id)) return id;
        row.Fail(column, unknownError, code);
        return null;
    }

    private static Dictionary<string, Guid> ActiveByCode(IEnumerable<CatalogCodeReference> references) =>
        references.Where(r => r.IsActive).ToDictionary(r => r.Code, r => r.Id, StringComparer.Ordinal);

    /// <summary>A row as read, and what the check resolved (normalized code and barcodes, the details to save).</summary>
    public sealed class Values
    {
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? Specification { get; init; }
        public string? CategoryCode { get; init; }
        public ProductType Type { get; init; }
        public string? BaseUnit { get; init; }
        public IReadOnlyList<UnitConversionDetails> Conversions { get; init; } = [];
        public IReadOnlyList<string> Barcodes { get; init; } = [];
        public string? WarehouseCode { get; init; }
        public decimal SafetyStock { get; init; }
        public decimal ReorderPoint { get; init; }
        public decimal ReorderQuantity { get; init; }
        public decimal? MaximumStock { get; init; }
        public int LeadTimeDays { get; init; }
        public bool IsBatchTracked { get; init; }
        public int? ShelfLifeDays { get; init; }
        public ValuationMethod Valuation { get; init; }
        public decimal StandardCost { get; init; }
        public decimal SalePrice { get; init; }
        public string? TaxRateCode { get; init; }
        public bool IsActive { get; init; }

        public string? NormalizedCode { get; set; }
        public List<string> NormalizedBarcodes { get; } = [];
        public ProductDetails? Details { get; set; }
    }
}
