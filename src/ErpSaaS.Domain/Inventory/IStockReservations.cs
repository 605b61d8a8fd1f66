namespace ErpSaaS.Inventory;

/// <summary>Stock to promise to one source line; see <see cref="IStockReservations.ReserveAsync"/>.</summary>
public sealed record StockReservationRequest
{
    public required string SourceType { get; init; }
    public required Guid SourceId { get; init; }
    public required string SourceNumber { get; init; }
    public required int SourceLine { get; init; }
    public required Guid ProductId { get; init; }
    public required Guid WarehouseId { get; init; }

    /// <summary>A bin and/or batch when the line needs that very stock; otherwise the reservation holds the warehouse's stock.</summary>
    public Guid? LocationId { get; init; }
    public string? BatchNumber { get; init; }

    /// <summary>The quantity the line holds from now on, in the base unit (not an increment).</summary>
    public required decimal Quantity { get; init; }

    /// <summary>When the stock is needed; null = now.</summary>
    public DateOnly? RequiredOn { get; init; }
}

/// <summary>
/// Reservations for other modules (an SO reserves stock, 防超卖). Call inside the caller's transaction
/// (<c>IUnitOfWork.InTransactionAsync</c>). A reservation takes the (product, warehouse) totals' row lock and succeeds
/// only while the warehouse's available quantity (on hand − reserved) covers it, so two concurrent reservations can
/// never both take the same last unit; a refused one throws <c>InventoryErrorCodes.InsufficientStock</c>.
/// </summary>
public interface IStockReservations
{
    /// <summary>
    /// Sets the quantity reserved for a source line (creating, growing or shrinking its reservation; 0 releases it).
    /// Shrinking never fails; growing needs the extra quantity available. The company's "allow negative stock"
    /// setting does not apply: a promise is only made on stock that is there.
    /// </summary>
    Task ReserveAsync(StockReservationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the quantities of several lines of one source document at once, all or nothing, as <see cref="ReserveAsync"/>
    /// would line by line: every product's lock is taken in one round trip (in id order) and the reservations are
    /// written in one more. Returns the source lines the available stock could not cover; when there is any, nothing
    /// was changed. A request that is invalid (product not stocked, warehouse unavailable …) throws as in ReserveAsync.
    /// </summary>
    Task<IReadOnlyList<int>> TryReserveAllAsync(IReadOnlyList<StockReservationRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ReserveAsync"/>, but where the warehouse cannot cover <see cref="StockReservationRequest.Quantity"/>
    /// the line holds as much as is available (never less than it held already, never more than asked) instead of
    /// being refused. Returns the quantity the line holds now. A back order reserves what is there this way.
    /// </summary>
    Task<decimal> ReserveAvailableAsync(StockReservationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Releases the reservation of one source line, if it has one.</summary>
    Task ReleaseAsync(string sourceType, Guid sourceId, int sourceLine, CancellationToken cancellationToken = default);

    /// <summary>Releases every reservation of a source document (cancelled or fully delivered).</summary>
    Task ReleaseAllAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default);
}

/// <summary>Incoming stock a source line expects; see <see cref="IStockSupplies.ExpectAsync"/>.</summary>
public sealed record StockSupplyRequest
{
    public required string SourceType { get; init; }
    public required Guid SourceId { get; init; }
    public required string SourceNumber { get; init; }
    public required int SourceLine { get; init; }
    public required Guid ProductId { get; init; }
    public required Guid WarehouseId { get; init; }
    public required StockSupplyKind Kind { get; init; }

    /// <summary>The quantity still expected, in the base unit (not an increment); 0 ends the expectation.</summary>
    public required decimal Quantity { get; init; }
    public required DateOnly DueOn { get; init; }
}

/// <summary>Stock of a product that came into a warehouse by a posting (see <see cref="IStockArrivalHandler"/>).</summary>
public sealed record StockArrival(Guid ProductId, Guid WarehouseId);

/// <summary>
/// Told by the stock ledger, inside the posting's transaction and while the posting still holds its products' locks,
/// that stock came into warehouses (a goods receipt, a transfer in, a positive adjustment or count, a return). Other
/// modules promise waiting demand on it here (sales reserves its back orders), atomically with the posting; a
/// handler reserves through <see cref="IStockReservations"/> and never posts to the ledger itself.
/// </summary>
public interface IStockArrivalHandler
{
    Task ArrivedAsync(string sourceType, string sourceNumber, IReadOnlyList<StockArrival> arrivals, CancellationToken cancellationToken = default);
}

/// <summary>
/// Where purchasing (on order) and production (planned) tell the stock what is coming and when, in their own
/// transaction; the warehouse totals' on-order and planned quantities follow, and availability by date counts it.
/// </summary>
public interface IStockSupplies
{
    /// <summary>Sets what a source line still expects (a partial receipt lowers it; 0 removes it).</summary>
    Task ExpectAsync(StockSupplyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes everything a source document expected (cancelled, closed).</summary>
    Task CancelAllAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default);
}
