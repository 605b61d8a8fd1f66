using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;

namespace ErpSaaS.Sales;

/// <summary>
/// What sales asks of the stock: available-to-promise per line, and the reservation of a whole order, all lines or
/// none. An order's products are locked together in id order, so two orders naming the same products lock them in the
/// same order and never deadlock; the reservation itself refuses what is not available, so no two orders get the same
/// last unit.
/// </summary>
public sealed class SalesStock(IStockReservations reservations, IStockAvailability availability)
{
    public async Task<SalesLineAvailabilityDto> AvailabilityAsync(SalesOrder order, SalesOrderLine line, string productCode, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var outlook = await availability.GetOutlookAsync(line.ProductId, order.WarehouseId, cancellationToken);
        var ownReservation = order.IsOpen ? line.ReservedQuantity : 0m;
        var availableNow = outlook.Level.Available + ownReservation;
        var byPromised = outlook.AvailableBy(line.PromisedDate) + ownReservation;
        var needed = line.OpenQuantity;
        var shortNow = Math.Max(0m, needed - availableNow);
        var coveredOn = outlook.CoveredOn(needed, availableNow, ownReservation, today);
        return new SalesLineAvailabilityDto(line.LineNumber, productCode, needed, availableNow, byPromised, shortNow, line.PromisedDate, coveredOn);
    }

    /// <summary>
    /// The first day what a line needs is there: today when it is available now, else the first day open supply on
    /// order brings enough; null when no supply covers it. A short line covered after its promised date is the order
    /// page's late-supply warning (and the tracking board's).
    /// </summary>
    public async Task<DateOnly?> CoveredOnAsync(Guid productId, Guid warehouseId, decimal needed, decimal availableNow, decimal ownReservation, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        if (needed - availableNow <= 0m) return today;
        return (await availability.GetOutlookAsync(productId, warehouseId, cancellationToken)).CoveredOn(needed, availableNow, ownReservation, today);
    }

    /// <summary>
    /// Reserves what every line still has open, all lines in one go (their products locked together in id order). When
    /// some line is short nothing is reserved and the short lines come back, in product order.
    /// </summary>
    public async Task<IReadOnlyList<SalesOrderLine>> TryReserveAsync(SalesOrder order, CancellationToken cancellationToken = default)
    {
        var shortLines = (await reservations.TryReserveAllAsync([.. order.Lines.Select(line => Request(order, line, line.OpenQuantity))], cancellationToken)).ToHashSet();
        return [.. order.Lines.Where(l => shortLines.Contains(l.LineNumber)).OrderBy(l => l.ProductId).ThenBy(l => l.LineNumber)];
    }

    /// <summary>
    /// Confirmation with a back order: every line reserves as much of what it has open as is available (in product
    /// order, like <see cref="TryReserveAsync"/>). Returns what each line holds, by line number.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, decimal>> ReserveAvailableAsync(SalesOrder order, CancellationToken cancellationToken = default)
    {
        var reserved = new Dictionary<int, decimal>();
        foreach (var line in order.Lines.OrderBy(l => l.ProductId).ThenBy(l => l.LineNumber))
        {
            reserved[line.LineNumber] = await reservations.ReserveAvailableAsync(Request(order, line, line.OpenQuantity), cancellationToken);
        }
        return reserved;
    }

    /// <summary>
    /// Reserves as much of the back-ordered lines' waiting quantity as is available now (in product order); returns
    /// what each line got more. The caller records it on the order.
    /// </summary>
    public async Task<IReadOnlyList<(int LineNumber, decimal Quantity)>> ReserveBackOrdersAsync(SalesOrder order, IEnumerable<SalesOrderLine> lines,
        CancellationToken cancellationToken = default)
    {
        var got = new List<(int, decimal)>();
        foreach (var line in lines.Where(l => l.BackOrderedQuantity > 0m).OrderBy(l => l.ProductId).ThenBy(l => l.LineNumber))
        {
            var holds = await reservations.ReserveAvailableAsync(Request(order, line, line.OpenQuantity), cancellationToken);
            var more = Math.Min(line.BackOrderedQuantity, holds - line.ReservedQuantity);
            if (more > 0m) got.Add((line.LineNumber, more));
        }
        return got;
    }

    /// <summary>Holds what the line has reserved (0 releases it): called after a delivery shipped part of it. A back-ordered rest is not held.</summary>
    public Task ReserveAsync(SalesOrder order, SalesOrderLine line, CancellationToken cancellationToken = default) =>
        reservations.ReserveAsync(Request(order, line, line.ReservedQuantity), cancellationToken);

    private static StockReservationRequest Request(SalesOrder order, SalesOrderLine line, decimal quantity) => new()
    {
        SourceType = SalesConsts.OrderSource, SourceId = order.Id, SourceNumber = order.Number, SourceLine = line.LineNumber,
        ProductId = line.ProductId, WarehouseId = order.WarehouseId, Quantity = quantity, RequiredOn = line.PromisedDate,
    };

    public Task ReleaseAllAsync(SalesOrder order, CancellationToken cancellationToken = default) =>
        reservations.ReleaseAllAsync(SalesConsts.OrderSource, order.Id, cancellationToken);

    /// <summary>The refusal a user sees for a short line: needed, available, short and the date open supply would cover it.</summary>
    public static BusinessException Shortage(SalesOrder order, SalesOrderLine line, SalesLineAvailabilityDto atp)
    {
        var field = SalesRules.Field(order.Lines.ToList().IndexOf(line), "Quantity");
        var (needed, available, shortBy) = (Plain(atp.Needed), Plain(Math.Max(0m, atp.AvailableNow)), Plain(atp.ShortQuantity));
        return atp.CoveredOn is { } day
            ? BusinessException.ForField(field, SalesErrorCodes.InsufficientStock, atp.ProductCode, needed, available, shortBy, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : BusinessException.ForField(field, SalesErrorCodes.InsufficientStockNoSupply, atp.ProductCode, needed, available, shortBy);
    }

    /// <summary>A quantity as people write it: 25, not the stored 25.0000.</summary>
    private static decimal Plain(decimal quantity) => quantity / 1.0000000000000000000000000000m;
}
