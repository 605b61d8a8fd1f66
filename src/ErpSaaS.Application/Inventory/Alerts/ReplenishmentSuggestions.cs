using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>The figures come from SQL (set-based over every product); the quantity from <see cref="ReplenishmentRule"/>.</summary>
public sealed class ReplenishmentSuggestions(IPermissionChecker permissions, IFeatureChecker features, IStockAlertQueries queries) : IReplenishmentSuggestions
{
    public async Task<PagedResult<ReplenishmentSuggestionDto>> GetListAsync(ReplenishmentQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        var page = await queries.GetReplenishmentAsync(query, null, cancellationToken);
        return page with { Items = page.Items.Select(Suggest).ToList() };
    }

    public async Task<IReadOnlyList<ReplenishmentSuggestionDto>> ExportAsync(ReplenishmentQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetReplenishmentAsync(query, null, cancellationToken)).Items.Select(Suggest).ToList();
    }

    public async Task<IReadOnlyList<ReplenishmentSuggestionDto>> GetForProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        if (productIds.Count == 0) return [];
        var query = new ReplenishmentQuery();
        query.ClampForExport();
        return (await queries.GetReplenishmentAsync(query, productIds, cancellationToken)).Items.Select(Suggest).ToList();
    }

    private static ReplenishmentSuggestionDto Suggest(ReplenishmentSuggestionDto figures) =>
        figures with { SuggestedQuantity = ReplenishmentRule.SuggestedQuantity(figures.Projected, figures.ReorderQuantity, figures.MaximumStock, figures.PackSize) };

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }
}
