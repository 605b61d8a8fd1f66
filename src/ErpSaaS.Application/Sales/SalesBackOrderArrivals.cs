using ErpSaaS.Inventory;

namespace ErpSaaS.Sales;

/// <summary>
/// Back orders get their stock when it arrives: the stock ledger announces every posting that brought stock into a
/// warehouse (a goods receipt, a transfer in, a positive adjustment or count, a return), and the open orders waiting
/// for those products there reserve it, the line promised first served first. It runs inside the posting's
/// transaction while the posting holds its products' locks, so the reservation is atomic with the stock coming in.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxLinesPerArrival"/> waiting lines are looked at, and once a (product, warehouse) has
/// nothing left the lines after it are skipped. The orders are locked in id order before they are loaded, so the
/// allocation works on their latest state and a salesperson's concurrent change waits or is refused as stale.
/// </remarks>
public sealed class SalesBackOrderArrivals(ISalesRepository documents, SalesStock stock, SalesActors actors) : IStockArrivalHandler
{
    public const int MaxLinesPerArrival = 500;

    public async Task ArrivedAsync(string sourceType, string sourceNumber, IReadOnlyList<StockArrival> arrivals, CancellationToken cancellationToken = default)
    {
        var waiting = await documents.GetBackOrderedLinesAsync([.. arrivals.Select(a => (a.ProductId, a.WarehouseId))], MaxLinesPerArrival, cancellationToken);
        if (waiting.Count == 0) return;
        var orderIds = waiting.Select(w => w.OrderId).Distinct().ToList();
        await documents.LockOrdersAsync(orderIds, cancellationToken);
        var orders = new Dictionary<Guid, SalesOrder>();
        foreach (var id in orderIds)
        {
            if (await documents.FindOrderAsync(id, cancellationToken) is { } order) orders[id] = order;
        }
        var actor = await actors.CurrentAsync(cancellationToken);
        var exhausted = new HashSet<(Guid ProductId, Guid WarehouseId)>();
        var reserved = new Dictionary<Guid, List<(int LineNumber, decimal Quantity)>>();
        foreach (var (orderId, lineNumber, productId, warehouseId) in waiting)
        {
            if (exhausted.Contains((productId, warehouseId)) || !orders.TryGetValue(orderId, out var order) || !order.IsOpen) continue;
            var line = order.Lines.Single(l => l.LineNumber == lineNumber);
            if (line.BackOrderedQuantity <= 0m) continue;
            var got = (await stock.ReserveBackOrdersAsync(order, [line], cancellationToken)).Sum(g => g.Quantity);
            if (got < line.BackOrderedQuantity) exhausted.Add((productId, warehouseId));
            if (got <= 0m) continue;
            if (!reserved.TryGetValue(orderId, out var lines)) reserved[orderId] = lines = [];
            lines.Add((lineNumber, got));
        }
        // Each line is served once above, so an order records what its lines got in one timeline entry.
        foreach (var (orderId, lines) in reserved) orders[orderId].RecordBackOrderReserved(lines, sourceNumber, actor);
    }
}
