using ErpSaaS.Auditing;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory;

/// <summary>
/// Stock one source line expects to bring into a warehouse by a date: a purchase order line (on order) or a planned
/// or released production order (planned). Counted in the warehouse totals' on-order and planned quantities and in
/// availability by date. Written only by <see cref="IStockSupplies"/>.
/// </summary>
public sealed class StockSupply : Entity, IMultiTenant, INotAudited
{
    private StockSupply() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public StockSupplyKind Kind { get; private set; }
    public decimal Quantity { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string SourceType { get; private set; } = null!;
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = null!;
    public int SourceLine { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
}
