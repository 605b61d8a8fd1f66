using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;

namespace ErpSaaS.Purchasing;

/// <summary>
/// Accepted goods handed back to the supplier after a posted receipt (采购退货), with a reason. It is posted when made:
/// the stock leaves the receiving warehouse (valued by the ledger's pool, which equals the receipt's cost unless other
/// receipts moved the average), each line keeps the receipt's cost as what the supplier owes back, and the order has
/// that much less to be invoiced. Quantities are in the receipt line's unit; never more than accepted minus already returned.
/// </summary>
public sealed class PurchaseReturn : AggregateRoot, IMultiTenant
{
    private readonly List<PurchaseReturnLine> _lines = [];

    private PurchaseReturn() { }

    internal PurchaseReturn(string number, Guid requestId, GoodsReceipt receipt, string reason, PurchasingActor actor)
    {
        if (receipt.Status != GoodsReceiptStatus.Posted) throw new BusinessException(PurchasingErrorCodes.ReceiptNotPosted, receipt.Number);
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        GoodsReceiptId = receipt.Id;
        PurchaseOrderId = receipt.PurchaseOrderId;
        SupplierId = receipt.SupplierId;
        WarehouseId = receipt.WarehouseId;
        Reason = reason;
        ReturnedOn = actor.Today;
        PostedAt = actor.At;
        UserName = actor.UserName;
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public Guid RequestId { get; private set; }
    public Guid GoodsReceiptId { get; private set; }
    public Guid PurchaseOrderId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string Reason { get; private set; } = null!;
    public DateOnly ReturnedOn { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public string? UserName { get; private set; }
    public decimal TotalValue { get; private set; }
    public IReadOnlyList<PurchaseReturnLine> Lines => _lines;

    /// <summary>
    /// Checks each requested line against the receipt, books it on the receipt and the order, and returns what the
    /// ledger must issue; the caller posts it and then calls <see cref="CompletePosting"/>.
    /// </summary>
    internal StockPosting BeginPosting(GoodsReceipt receipt, PurchaseOrder order, IReadOnlyList<(int ReceiptLineNumber, decimal Quantity)> lines, PurchasingActor actor)
    {
        PurchasingRules.CheckLineCount(lines.Count);
        var movements = new List<StockMovement>();
        for (var index = 0; index < lines.Count; index++)
        {
            var (receiptLineNumber, quantity) = lines[index];
            var field = PurchasingRules.Field(index, "Quantity");
            var receiptLine = receipt.Lines.SingleOrDefault(l => l.LineNumber == receiptLineNumber)
                              ?? throw BusinessException.ForField(PurchasingRules.Field(index, "ReceiptLineNumber"), PurchasingErrorCodes.ReceiptLineUnknown, receiptLineNumber);
            if (quantity <= 0m || decimal.Round(quantity, PurchasingConsts.QuantityScale) != quantity)
            {
                throw BusinessException.ForField(field, PurchasingErrorCodes.QuantityMustBePositive);
            }
            // The receipt line's unit to base units: the same ratio the receipt used for its accepted quantity.
            var baseQuantity = receiptLine.AcceptedQuantity == 0m ? quantity
                : decimal.Round(quantity * receiptLine.BaseAccepted / receiptLine.AcceptedQuantity, PurchasingConsts.QuantityScale, MidpointRounding.AwayFromZero);
            if (receiptLine.AcceptedQuantity == 0m || baseQuantity > receiptLine.BaseReturnable)
            {
                var room = receiptLine.AcceptedQuantity == 0m ? 0m : receiptLine.BaseReturnable * receiptLine.AcceptedQuantity / receiptLine.BaseAccepted;
                throw BusinessException.ForField(field, PurchasingErrorCodes.OverReturn, receiptLineNumber,
                    PurchasingRules.Plain(decimal.Round(room, PurchasingConsts.QuantityScale)), receiptLine.Unit);
            }
            receiptLine.AddReturned(baseQuantity);
            order.Return(receiptLine.OrderLineNumber, baseQuantity, actor, Number);
            var line = new PurchaseReturnLine(Id, index + 1, receiptLine, quantity, baseQuantity);
            _lines.Add(line);
            movements.Add(new StockMovement
            {
                LineNumber = line.LineNumber, ProductId = line.ProductId, WarehouseId = WarehouseId, BatchNumber = receiptLine.BatchNumber,
                // The ledger costs every issue from its valuation pool (it refuses a given cost on an issue, so valuation
                // stays consistent); the receipt's cost is kept on the line as what the supplier owes back.
                Quantity = -baseQuantity,
            });
        }
        return new StockPosting(PurchasingConsts.PurchaseReturnSource, Id, Number, actor.At, movements);
    }

    internal void CompletePosting(IReadOnlyList<PostedMovement> posted)
    {
        foreach (var line in _lines) line.RecordPosted(-posted.Where(p => p.LineNumber == line.LineNumber).Sum(p => p.Value));
        TotalValue = _lines.Sum(l => l.Value);
    }
}

public sealed class PurchaseReturnLine : Entity, IMultiTenant
{
    private PurchaseReturnLine() { }

    internal PurchaseReturnLine(Guid returnId, int lineNumber, GoodsReceiptLine receiptLine, decimal quantity, decimal baseQuantity)
    {
        ReturnId = returnId;
        LineNumber = lineNumber;
        ReceiptLineNumber = receiptLine.LineNumber;
        OrderLineNumber = receiptLine.OrderLineNumber;
        ProductId = receiptLine.ProductId;
        Unit = receiptLine.Unit;
        BatchNumber = receiptLine.BatchNumber;
        Quantity = quantity;
        BaseQuantity = baseQuantity;
        BaseUnitCost = receiptLine.BaseUnitCost ?? 0m;
    }

    public Guid? TenantId { get; private set; }
    public Guid ReturnId { get; private set; }
    public int LineNumber { get; private set; }
    public int ReceiptLineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public string Unit { get; private set; } = null!;
    public string? BatchNumber { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal BaseQuantity { get; private set; }

    /// <summary>The receipt's cost of one base unit, in the company's currency: what the stock leaves at.</summary>
    public decimal BaseUnitCost { get; private set; }

    /// <summary>The value taken out of stock (positive), as the ledger's valuation posted it.</summary>
    public decimal Value { get; private set; }

    internal void RecordPosted(decimal value) => Value = value;
}
