using ErpSaaS.Catalog;

namespace ErpSaaS.ImportExport;

/// <summary>
/// The catalog's own rules for an imported row, checked without creating anything: the preview of an import asks the
/// aggregates themselves, so it refuses exactly what saving would refuse. References to other master data (units,
/// categories, tax rates, warehouses, barcodes of other products) are checked by the import against the company's
/// data all at once, and again by <see cref="ProductManager"/> when the rows are saved.
/// </summary>
public static class CatalogImportRules
{
    /// <summary>Throws the <see cref="Common.BusinessException"/> a product with this code and these details would.</summary>
    public static void CheckProduct(string code, ProductDetails details) => _ = new Product(code, details);
}
