using ErpSaaS.Auditing;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory;

/// <summary>
/// Stock promised to one line of a source document (a confirmed sales order line, a production order's material):
/// counted in the balances' reserved quantity until released. One reservation per source line; reserving the line
/// again changes its quantity. Written only by <see cref="IStockReservations"/>.
/// </summary>
public sealed class StockReservation : Entity, IMultiTenant, INotAudited
{
    private StockReservation() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public Guid LocationId { get; private set; }
    public string BatchNumber { get; private set; } = StockConsts.NoBatch;
    public decimal Quantity { get; private set; }

    /// <summary>When the stock is needed (the order's delivery date); null = now.</summary>
    public DateOnly? RequiredOn { get; private set; }
    public string SourceType { get; private set; } = null!;
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = null!;
    public int SourceLine { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? UserId { get; private set; }
}
