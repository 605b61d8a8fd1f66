using System.Globalization;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Products;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(IProductAppService products, IProductCategoryAppService categories, TimeProvider clock) : AdminPageModel
{
    public ProductListQuery Query { get; private set; } = new();
    public PagedResult<ProductListItemDto> Result { get; private set; } = null!;
    public IReadOnlyList<ProductCategoryDto> Categories { get; private set; } = [];

    [ShowsRefusedText]
    public async Task OnGetAsync([FromQuery] ProductListQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        Result = StorableText.WasRefused(HttpContext) ? new PagedResult<ProductListItemDto>([], 0, 1, query.PageSize) : await products.GetListAsync(query, cancellationToken);
        Categories = await categories.GetTreeAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Every product of the current filter with all its fields, one row each.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromQuery] ProductListQuery query, CancellationToken cancellationToken) =>
        CsvExport.File("products", clock.GetUtcNow(), await products.ExportAsync(query, cancellationToken),
            new(L["Products:Code"], p => p.Code),
            new(L["Products:Name"], p => p.Name),
            new(L["Products:Specification"], p => p.Specification),
            new(L["Products:Category"], p => p.CategoryName),
            new(L["Products:Type"], p => L["Products:Type:" + p.Type].Value),
            new(L["Products:BaseUnit"], p => p.BaseUnit),
            new(L["Products:UnitConversions"], p => p.UnitConversions.Select(c => $"{c.UnitCode}={c.Factor.ToString("0.######", CultureInfo.InvariantCulture)}")),
            new(L["Products:Barcodes"], p => p.Barcodes),
            new(L["Products:DefaultWarehouse"], p => p.DefaultWarehouseCode),
            new(L["Products:SafetyStock"], p => p.SafetyStock),
            new(L["Products:ReorderPoint"], p => p.ReorderPoint),
            new(L["Products:ReorderQuantity"], p => p.ReorderQuantity),
            new(L["Products:MaximumStock"], p => p.MaximumStock),
            new(L["Products:LeadTimeDays"], p => p.LeadTimeDays),
            new(L["Products:IsBatchTracked"], p => p.IsBatchTracked ? L["Products:Yes"].Value : L["Products:No"].Value),
            new(L["Products:ShelfLifeDays"], p => p.ShelfLifeDays),
            new(L["Products:ValuationMethod"], p => L["Products:Valuation:" + p.ValuationMethod].Value),
            new(L["Products:StandardCost"], p => p.StandardCost),
            new(L["Products:SalePrice"], p => p.SalePrice),
            new(L["Products:TaxRate"], p => p.TaxRateCode),
            new(L["Catalog:Status"], p => L[p.IsActive ? "Catalog:Active" : "Catalog:Inactive"].Value));
}
