using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Value;

/// <summary>Stock quantity and value per product and warehouse at the close of a chosen day.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class IndexModel(IStockInquiryAppService stock, TimeProvider clock) : ListPageModel<StockValueQuery, StockValueRowDto>(clock)
{
    public DateOnly? Date { get; private set; }
    public decimal TotalQuantity { get; private set; }
    public decimal TotalValue { get; private set; }
    public StockFilterOptionsDto Options { get; private set; } = new([], []);

    protected override string ExportName => "stock-value";

    protected override async Task<PagedResult<StockValueRowDto>> GetPageAsync(StockValueQuery query, CancellationToken cancellationToken)
    {
        StockValuePageDto? result = null;
        // A date the user may correct (in the future) is told next to the field, with an empty list below it.
        if (!await TryAsync(async () => result = await stock.GetValueAsync(query, cancellationToken), prefix: string.Empty))
        {
            return new PagedResult<StockValueRowDto>([], 0, 1, query.PageSize);
        }
        (Date, TotalQuantity, TotalValue) = (result!.Date, result.TotalQuantity, result.TotalValue);
        return result.Page;
    }

    protected override Task<IReadOnlyList<StockValueRowDto>> ExportAsync(StockValueQuery query, CancellationToken cancellationToken) =>
        stock.ExportValueAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) => Options = await stock.GetFilterOptionsAsync(cancellationToken);

    protected override IEnumerable<CsvColumn<StockValueRowDto>> ExportColumns() =>
    [
        new(L["Inventory:ProductCode"], r => r.ProductCode),
        new(L["Inventory:ProductName"], r => r.ProductName),
        new(L["Inventory:Warehouse"], r => r.WarehouseCode),
        new(L["Inventory:Quantity"], r => r.Quantity.ToString(CultureInfo.InvariantCulture)),
        new(L["Inventory:Unit"], r => r.Unit),
        new(L["Inventory:Value"], r => r.Value.ToString(CultureInfo.InvariantCulture)),
    ];
}
