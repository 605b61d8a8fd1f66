using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Alerts;

public sealed class ReplenishmentQuery : PageRequest
{
    /// <summary>Product code or name contains.</summary>
    public string? Search { get; set; }
}

/// <summary>
/// What to buy for one product at or below its reorder point, in its base unit, with the figures the suggestion
/// comes from (see <c>ReplenishmentRule</c>): <see cref="Projected"/> = on hand − reserved + on order + planned, over
/// all warehouses. <see cref="PackUnit"/>/<see cref="PackSize"/>: the largest unit the quantity was rounded up to.
/// </summary>
public sealed record ReplenishmentSuggestionDto(
    Guid ProductId, string ProductCode, string ProductName, string BaseUnit, Guid? DefaultWarehouseId, int LeadTimeDays,
    decimal OnHand, decimal Reserved, decimal OnOrder, decimal Planned, decimal Projected,
    decimal ReorderPoint, decimal ReorderQuantity, decimal? MaximumStock,
    string? PackUnit, decimal? PackSize, decimal SuggestedQuantity)
{
    /// <summary>The suggestion in packs (a whole number when there is a pack).</summary>
    public decimal? SuggestedPacks => PackSize is > 0m ? SuggestedQuantity / PackSize.Value : null;
}

/// <summary>
/// Replenishment suggestions (补货建议) for the current company: every active stocked product whose projected stock is
/// at or below its reorder point, with the quantity to buy. Purchasing turns chosen suggestions into purchase
/// requisitions through <see cref="GetForProductsAsync"/>, which recomputes them at that moment. Needs the
/// "Inventory" permission.
/// </summary>
public interface IReplenishmentSuggestions
{
    Task<PagedResult<ReplenishmentSuggestionDto>> GetListAsync(ReplenishmentQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ReplenishmentSuggestionDto>> ExportAsync(ReplenishmentQuery query, CancellationToken cancellationToken = default);

    /// <summary>The current suggestions for these products; a product no longer at or below its reorder point is left out.</summary>
    Task<IReadOnlyList<ReplenishmentSuggestionDto>> GetForProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default);
}
