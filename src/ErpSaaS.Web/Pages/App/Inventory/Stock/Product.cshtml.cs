using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.Shell;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Stock;

/// <summary>One product's stock per warehouse and its movements, newest first.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class ProductModel(IStockInquiryAppService stock, TimeProvider clock) : ListPageModel<StockMovementQuery, StockMovementDto>(clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid ProductId { get; set; }

    public ProductStockDto Product { get; private set; } = null!;

    protected override string ExportName => "stock-movements";

    protected override async Task<PagedResult<StockMovementDto>> GetPageAsync(StockMovementQuery query, CancellationToken cancellationToken)
    {
        Product = await stock.GetProductAsync(ProductId, cancellationToken);
        return await stock.GetMovementsAsync(ProductId, query, cancellationToken);
    }

    protected override Task<IReadOnlyList<StockMovementDto>> ExportAsync(StockMovementQuery query, CancellationToken cancellationToken) =>
        stock.ExportMovementsAsync(ProductId, query, cancellationToken);

    protected override IEnumerable<CsvColumn<StockMovementDto>> ExportColumns() =>
    [
        new(L["Inventory:PostedAt"], m => User.ToUserTime(m.PostedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        new(L["Inventory:Source"], m => SourceName(m.SourceType)),
        new(L["Inventory:SourceNumber"], m => m.SourceNumber),
        new(L["Inventory:Warehouse"], m => m.WarehouseCode),
        new(L["Inventory:Location"], m => m.LocationCode),
        new(L["Inventory:Batch"], m => m.BatchNumber),
        new(L["Inventory:Quantity"], m => m.Quantity.ToString(CultureInfo.InvariantCulture)),
        new(L["Inventory:UnitCost"], m => m.UnitCost.ToString(CultureInfo.InvariantCulture)),
        new(L["Inventory:Value"], m => m.Value.ToString(CultureInfo.InvariantCulture)),
        new(L["Inventory:QuantityAfter"], m => m.QuantityAfter.ToString(CultureInfo.InvariantCulture)),
        new(L["Inventory:ValueAfter"], m => m.ValueAfter.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Source types are named in the UI language where a module gave them a text, else shown as stored.</summary>
    public string SourceName(string sourceType) => L[$"Inventory:Source:{sourceType}"] is { ResourceNotFound: false } text ? text.Value : sourceType;
}
