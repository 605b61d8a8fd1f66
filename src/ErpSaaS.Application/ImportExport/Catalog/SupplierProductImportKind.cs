using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>
/// The products suppliers sell, one row per supplier and product: the supplier's own article number, price (in the
/// supplier's currency unless the row names another the company uses), lead time, minimum order quantity and whether it
/// is the product's preferred supplier. A listing that exists is an error, or with "update existing" the row changes it.
/// Saved through <see cref="SupplierProductManager"/>, which moves the preferred flag from the product's other suppliers.
/// </summary>
public sealed class SupplierProductImportKind(
    IPartnerImportQueries partners, ICatalogImportQueries catalog, SupplierProductManager manager, ISupplierRepository suppliers,
    ISupplierProductRepository supplierProducts) : ImportKind<SupplierProductImportKind.Values>
{
    public const string KindName = "supplier-products";

    private const string SupplierCode = "supplier_code";
    private const string ProductCode = "product_code";
    private const string SupplierProductCode = "supplier_product_code";
    private const string Price = "price";
    private const string Currency = "currency";
    private const string LeadTimeDays = "lead_time_days";
    private const string MinimumOrderQuantity = "minimum_order_quantity";
    private const string Preferred = "preferred";

    private static readonly IReadOnlyList<ImportColumn> ColumnList =
    [
        new(SupplierCode, "ImportExport:SupplierProducts:SupplierCode", "ImportExport:SupplierProducts:SupplierCode:Hint", Required: true, Example: "S-001"),
        new(ProductCode, "ImportExport:SupplierProducts:ProductCode", "ImportExport:SupplierProducts:ProductCode:Hint", Required: true, Example: "SKU-10086"),
        new(SupplierProductCode, "ImportExport:SupplierProducts:SupplierProductCode", Example: "JM-8801"),
        new(Price, "ImportExport:SupplierProducts:Price", "ImportExport:SupplierProducts:Price:Hint", Required: true, Example: "32.5"),
        new(Currency, "ImportExport:SupplierProducts:Currency", "ImportExport:SupplierProducts:Currency:Hint"),
        new(LeadTimeDays, "ImportExport:SupplierProducts:LeadTimeDays", "ImportExport:SupplierProducts:LeadTimeDays:Hint", Example: "10"),
        new(MinimumOrderQuantity, "ImportExport:SupplierProducts:MinimumOrderQuantity", Example: "100"),
        new(Preferred, "ImportExport:SupplierProducts:Preferred", "ImportExport:YesNo:Hint", Example: "yes", ExampleKey: "ImportExport:Yes"),
    ];

    public override string Name => KindName;
    public override string Permission => ErpPermissions.Trading.Catalog;
    public override string Feature => ErpFeatures.Trading;
    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    protected override string? ColumnOf(string? field) => field switch
    {
        nameof(SupplierProduct.SupplierProductCode) => SupplierProductCode,
        nameof(SupplierProduct.Price) => Price,
        "Currency" => Currency,
        nameof(SupplierProduct.LeadTimeDays) => LeadTimeDays,
        nameof(SupplierProduct.MinimumOrderQuantity) => MinimumOrderQuantity,
        "ProductCode" => ProductCode,
        _ => null,
    };

    protected override Values Parse(ImportCells cells) => new()
    {
        SupplierCode = cells.Required(SupplierCode)?.ToUpperInvariant(),
        ProductCode = cells.Required(ProductCode)?.ToUpperInvariant(),
        SupplierProductCode = cells.Text(SupplierProductCode),
        Price = cells.Required(Price) is null ? null : cells.Number(Price),
        Currency = cells.Text(Currency)?.ToUpperInvariant(),
        LeadTimeDays = cells.WholeNumber(LeadTimeDays),
        MinimumOrderQuantity = cells.Number(MinimumOrderQuantity) ?? 0m,
        IsPreferred = cells.YesNo(Preferred, blank: false),
    };

    protected override async Task CheckAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var activeCurrencies = await partners.GetActiveCurrencyCodesAsync(cancellationToken);
        var supplierByCode = await partners.GetSuppliersAsync(rows.Select(r => r.Values.SupplierCode).OfType<string>().Distinct().ToList(), cancellationToken);
        var productByCode = await catalog.GetProductsAsync(rows.Select(r => r.Values.ProductCode).OfType<string>().Distinct().ToList(), cancellationToken);
        var listings = (await partners.GetSupplierProductsAsync(supplierByCode.Values.Select(s => s.Id).ToList(), cancellationToken))
            .ToDictionary(l => (l.SupplierId, l.ProductId), l => l.Id);
        var rowOfListing = new Dictionary<(Guid, Guid), int>();
        var preferredRowOfProduct = new Dictionary<Guid, int>();
        var done = 0;
        foreach (var row in rows)
        {
            var values = row.Values;
            row.Key = values.SupplierCode;
            row.Label = values.ProductCode;
            var supplier = values.SupplierCode is { } supplierCode ? Known(row, supplierByCode.GetValueOrDefault(supplierCode), SupplierCode, supplierCode) : null;
            var product = values.ProductCode is { } productCode
                ? Known(row, productByCode.GetValueOrDefault(productCode) is { IsActive: true } p ? p : null, ProductCode, productCode)
                : null;
            if (supplier is not null) values.ResolvedCurrency = ResolveCurrency(row, supplier, activeCurrencies);
            if (supplier is not null && product is not null)
            {
                values.SupplierId = supplier.Id;
                var key = (supplier.Id, product.Id);
                if (!rowOfListing.TryAdd(key, row.RowNumber))
                {
                    row.Fail(ProductCode, ImportExportErrorCodes.ListingDuplicateInFile, product.Code, supplier.Code, rowOfListing[key]);
                }
                else if (listings.TryGetValue(key, out var listingId))
                {
                    if (run.UpdateExisting)
                    {
                        row.Action = ImportRowAction.Update;
                        values.ExistingId = listingId;
                    }
                    else
                    {
                        row.Fail(ProductCode, ImportExportErrorCodes.ListingExists, product.Code, supplier.Code);
                    }
                }
                if (values.IsPreferred && !preferredRowOfProduct.TryAdd(product.Id, row.RowNumber))
                {
                    row.Fail(Preferred, ImportExportErrorCodes.PreferredDuplicateInFile, product.Code, preferredRowOfProduct[product.Id]);
                }
            }
            if (!row.HasErrors)
            {
                values.Terms = new SupplierProductTerms(values.SupplierProductCode, values.Price!.Value, values.ResolvedCurrency!, values.LeadTimeDays,
                    values.MinimumOrderQuantity);
                Check(row, () => PartnerImportRules.CheckSupplierProduct(values.Terms));
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
                var listing = await ExistingAsync(supplierProducts.FindAsync(values.ExistingId!.Value, cancellationToken));
                await manager.UpdateAsync(listing, values.Terms!, values.IsPreferred, cancellationToken);
            }
            else
            {
                var supplier = await ExistingAsync(suppliers.FindAsync(values.SupplierId!.Value, cancellationToken));
                await manager.AddAsync(supplier, values.ProductCode, values.Terms!, values.IsPreferred, cancellationToken);
            }
        }, cancellationToken);

    private static T? Known<T>(ImportRow<Values> row, T? found, string column, string code) where T : class
    {
        if (found is null) row.Fail(column, column == SupplierCode ? ImportExportErrorCodes.SupplierCodeUnknown : ImportExportErrorCodes.ProductCodeUnknown, code);
        return found;
    }

    private static string? ResolveCurrency(ImportRow<Values> row, PartnerReference supplier, IReadOnlySet<string> active)
    {
        if (row.Values.Currency is not { } code) return supplier.CurrencyCode;
        if (active.Contains(code)) return code;
        row.Fail(Currency, ImportExportErrorCodes.CurrencyCodeUnknown, code);
        return null;
    }

    public sealed class Values
    {
        public string? SupplierCode { get; init; }
        public string? ProductCode { get; init; }
        public string? SupplierProductCode { get; init; }
        public decimal? Price { get; init; }
        public string? Currency { get; init; }
        public int? LeadTimeDays { get; init; }
        public decimal MinimumOrderQuantity { get; init; }
        public bool IsPreferred { get; init; }

        public Guid? SupplierId { get; set; }
        public Guid? ExistingId { get; set; }
        public string? ResolvedCurrency { get; set; }
        public SupplierProductTerms? Terms { get; set; }
    }
}
