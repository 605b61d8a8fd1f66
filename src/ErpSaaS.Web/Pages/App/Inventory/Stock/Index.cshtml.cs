using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Stock;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class IndexModel(IStockInquiryAppService stock, TimeProvider clock) : ListPageModel<StockOnHandQuery, StockOnHandRowDto>(clock)
{
    public StockTotalsDto Totals { get; private set; } = new(0m, 0m, 0m, 0m);
    public StockFilterOptionsDto Options { get; private set; } = new([], []);

    protected override string ExportName => "stock-on-hand";

    protected override async Task<PagedResult<StockOnHandRowDto>> GetPageAsync(StockOnHandQuery query, CancellationToken cancellationToken)
    {
        var result = await stock.GetOnHandAsync(query, cancellationToken);
        Totals = result.Totals;
        return result.Page;
    }

    protected override Task<IReadOnlyList<StockOnHandRowDto>> ExportAsync(StockOnHandQuery query, CancellationToken cancellationToken) =>
        stock.ExportOnHandAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) => Options = await stock.GetFilterOptionsAsync(cancellationToken);

    protected override IEnumerable<CsvColumn<StockOnHandRowDto>> ExportColumns() =>
    [
        new(L["Inventory:ProductCode"], r => r.ProductCode),
        new(L["Inventory:ProductName"], r => r.ProductName),
        new(L["Inventory:Warehouse"], r => r.WarehouseCode),
        new(L["Inventory:Location"], r => r.LocationCode),
        new(L["Inventory:Batch"], r => r.BatchNumber),
        new(L["Inventory:Expiry"], r => StockFormat.Date(r.ExpiryDate)),
        new(L["Inventory:OnHand"], r => r.OnHand.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(L["Inventory:Reserved"], r => r.Reserved.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(L["Inventory:Available"], r => r.Available.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(L["Inventory:Unit"], r => r.Unit),
        new(L["Inventory:Value"], r => r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
