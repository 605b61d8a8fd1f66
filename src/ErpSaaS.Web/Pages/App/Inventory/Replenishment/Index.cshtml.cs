using ErpSaaS.Common;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Replenishment;

/// <summary>Replenishment suggestions: what to buy for every product at or below its reorder point, and why; exportable.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class IndexModel(IReplenishmentSuggestions suggestions, TimeProvider clock)
    : ListPageModel<ReplenishmentQuery, ReplenishmentSuggestionDto>(clock)
{
    protected override string ExportName => "replenishment";

    protected override Task<PagedResult<ReplenishmentSuggestionDto>> GetPageAsync(ReplenishmentQuery query, CancellationToken cancellationToken) =>
        suggestions.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<ReplenishmentSuggestionDto>> ExportAsync(ReplenishmentQuery query, CancellationToken cancellationToken) =>
        suggestions.ExportAsync(query, cancellationToken);

    protected override IEnumerable<CsvColumn<ReplenishmentSuggestionDto>> ExportColumns() =>
    [
        new(L["StockAlerts:ProductCode"], s => s.ProductCode),
        new(L["StockAlerts:ProductName"], s => s.ProductName),
        new(L["StockAlerts:Unit"], s => s.BaseUnit),
        new(L["StockAlerts:OnHand"], s => s.OnHand),
        new(L["StockAlerts:Reserved"], s => s.Reserved),
        new(L["StockAlerts:OnOrder"], s => s.OnOrder),
        new(L["StockAlerts:Planned"], s => s.Planned),
        new(L["StockAlerts:Projected"], s => s.Projected),
        new(L["StockAlerts:ReorderPoint"], s => s.ReorderPoint),
        new(L["StockAlerts:ReorderQuantity"], s => s.ReorderQuantity),
        new(L["StockAlerts:MaximumStock"], s => s.MaximumStock),
        new(L["StockAlerts:PackUnit"], s => s.PackUnit),
        new(L["StockAlerts:PackSize"], s => s.PackSize),
        new(L["StockAlerts:SuggestedQuantity"], s => s.SuggestedQuantity),
        new(L["StockAlerts:SuggestedPacks"], s => s.SuggestedPacks),
        new(L["StockAlerts:LeadTimeDays"], s => s.LeadTimeDays),
    ];
}
