using System.Globalization;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Purchasing;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Sales;

/// <summary>
/// 采销联动 from the sales side: which lines of an unconfirmed order are short for their promised date, and the
/// purchase needs raised for them through purchasing's <see cref="IPurchaseNeeds"/>.
/// </summary>
public sealed class SalesShortages(
    ISalesQueries queries, IStockAvailability availability, SalesStock stock, ISettingStore settings, IPurchaseNeeds needs, IServiceScopeFactory scopes,
    ICurrentTenant tenant, ICurrentUser user) : ISalesShortages
{
    public async Task<ShortageAction> ActionAsync(CancellationToken cancellationToken) =>
        Enum.TryParse<ShortageAction>(await settings.GetAsync(SalesSettings.ShortageAction, cancellationToken), out var action) ? action : ShortageAction.Suggestion;

    /// <summary>
    /// Per line, what is short on its promised date: needed − available by then (open purchase supply due by then
    /// counts, so a line a purchase order will cover in time asks for nothing more).
    /// </summary>
    public async Task<IReadOnlyList<(SalesOrderLine Line, decimal Short)>> ShortLinesAsync(SalesOrder order, IEnumerable<SalesOrderLine> lines, DateOnly today,
        CancellationToken cancellationToken)
    {
        var result = new List<(SalesOrderLine, decimal)>();
        foreach (var line in lines)
        {
            var atp = await stock.AvailabilityAsync(order, line, string.Empty, today, cancellationToken);
            var shortBy = atp.Needed - Math.Max(0m, atp.AvailableOnPromisedDate);
            if (shortBy > 0m) result.Add((line, shortBy));
        }
        return result;
    }

    public async Task<IReadOnlyList<RaisedPurchaseNeedDto>> RaiseAsync(SalesOrder order, IReadOnlyList<(SalesOrderLine Line, decimal Short)> shortLines,
        IReadOnlyDictionary<Guid, string> productCodes, CancellationToken cancellationToken)
    {
        var raised = new List<RaisedPurchaseNeedDto>();
        foreach (var (line, shortBy) in shortLines)
        {
            raised.Add(await needs.RaiseAsync(Request(order, line, shortBy, productCodes), cancellationToken));
        }
        return raised;
    }

    /// <summary>
    /// Raises the needs in a unit of work of their own: the caller's transaction is about to be rolled back by the
    /// shortage refusal, and the buyer must still see the requisition.
    /// </summary>
    public async Task RaiseApartAsync(SalesOrder order, IReadOnlyList<(SalesOrderLine Line, decimal Short)> shortLines, IReadOnlyDictionary<Guid, string> productCodes,
        CancellationToken cancellationToken)
    {
        var requests = shortLines.Select(s => Request(order, s.Line, s.Short, productCodes)).ToList();
        var (tenantId, userId, userName) = (tenant.Id, user.Id, user.UserName);
        await using var scope = scopes.CreateAsyncScope();
        using var asTenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        using var asUser = scope.ServiceProvider.GetRequiredService<ICurrentUser>().Change(userId, userName);
        var apart = scope.ServiceProvider.GetRequiredService<IPurchaseNeeds>();
        foreach (var request in requests) await apart.RaiseAsync(request, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesShortOrderDto>> GetShortOrdersAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default)
    {
        if (productIds.Count == 0) return [];
        var unconfirmed = await queries.GetUnconfirmedLinesAsync(productIds, cancellationToken);
        // A confirmed order's back-ordered rest waits for stock whatever is free now: it is listed with what it waits for.
        var backOrdered = await queries.GetBackOrderedLinesAsync(productIds, cancellationToken);
        var lines = unconfirmed.Select(l => (Line: l, BackOrdered: 0m)).Concat(backOrdered.Select(l => (Line: l, BackOrdered: l.Needed)));
        var result = new List<SalesShortOrderDto>();
        foreach (var warehouse in lines.GroupBy(l => l.Line.WarehouseId))
        {
            var levels = await availability.GetLevelsAsync([.. warehouse.Select(l => l.Line.ProductId).Distinct()], warehouse.Key, cancellationToken);
            foreach (var (line, waiting) in warehouse)
            {
                var available = levels.TryGetValue(line.ProductId, out var level) ? level.Available : 0m;
                if (waiting > 0m || line.Needed > available)
                {
                    result.Add(new SalesShortOrderDto(line.OrderId, line.OrderNumber, line.Status, line.LineNumber, line.ProductId, line.ProductCode, line.Needed,
                        Math.Max(0m, available), line.PromisedDate, waiting));
                }
            }
        }
        return [.. result.OrderBy(r => r.PromisedDate).ThenBy(r => r.OrderNumber, StringComparer.Ordinal).ThenBy(r => r.LineNumber)];
    }

    private static PurchaseNeedRequest Request(SalesOrder order, SalesOrderLine line, decimal shortBy, IReadOnlyDictionary<Guid, string> productCodes) =>
        new(line.ProductId, productCodes[line.ProductId], decimal.Round(shortBy, SalesConsts.QuantityScale, MidpointRounding.ToPositiveInfinity),
            line.PromisedDate, order.WarehouseId, SalesConsts.OrderSource, order.Id, order.Number, line.LineNumber);
}
