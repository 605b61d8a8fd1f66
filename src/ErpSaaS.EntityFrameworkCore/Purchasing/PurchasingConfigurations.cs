using ErpSaaS.Catalog;
using ErpSaaS.Purchasing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Purchasing;

internal sealed class PurchaseOrderConfiguration
    : IEntityTypeConfiguration<PurchaseOrder>, IEntityTypeConfiguration<PurchaseOrderLine>, IEntityTypeConfiguration<PurchaseOrderEvent>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> builder)
    {
        builder.MapDocumentHeader("purchase_orders", PurchasingConsts.MaxNumberLength);
        builder.Property(o => o.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(o => o.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.HasIndex(o => new { o.TenantId, o.SupplierId });
        builder.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(o => o.AmendsOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(o => o.Lines, l => l.OrderId);
        builder.MapOwnedRows(o => o.Timeline, e => e.DocumentId);
        builder.Ignore(o => o.IsOpen);
    }

    public void Configure(EntityTypeBuilder<PurchaseOrderLine> builder)
    {
        builder.MapDocumentLine("purchase_order_lines", l => new { l.OrderId, l.LineNumber });
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.TaxRate).HasPrecision(18, PurchasingConsts.RateScale);
        builder.Property(l => l.ReceivedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.InvoicedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.ReturnedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.HasOne<TaxRate>().WithMany().HasForeignKey(l => l.TaxRateId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.GrossAmount);
        builder.Ignore(l => l.OpenQuantity);
        builder.Ignore(l => l.BaseUnitPrice);
        builder.Ignore(l => l.InvoiceableQuantity);
    }

    public void Configure(EntityTypeBuilder<PurchaseOrderEvent> builder) => builder.MapTimelineStep("purchase_order_events", PurchasingConsts.MaxReasonLength);
}

internal sealed class GoodsReceiptConfiguration
    : IEntityTypeConfiguration<GoodsReceipt>, IEntityTypeConfiguration<GoodsReceiptLine>, IEntityTypeConfiguration<GoodsReceiptEvent>
{
    public void Configure(EntityTypeBuilder<GoodsReceipt> builder)
    {
        builder.MapDocumentHeader("goods_receipts", PurchasingConsts.MaxNumberLength);
        builder.Property(r => r.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.HasIndex(r => new { r.TenantId, r.PurchaseOrderId });
        builder.HasIndex(r => new { r.TenantId, r.SupplierId, r.ReceivedOn });
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(r => r.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.QuarantineWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(r => r.Lines, l => l.ReceiptId);
        builder.MapOwnedRows(r => r.Timeline, e => e.DocumentId);
    }

    public void Configure(EntityTypeBuilder<GoodsReceiptLine> builder)
    {
        builder.MapDocumentLine("goods_receipt_lines", l => new { l.ReceiptId, l.LineNumber });
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.AcceptedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.RejectedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseAccepted).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseRejected).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseReturned).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.RejectReason).HasMaxLength(PurchasingConsts.MaxReasonLength);
        builder.Property(l => l.BatchNumber).HasMaxLength(ErpSaaS.Inventory.Documents.StockDocumentConsts.MaxBatchNumberLength);
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.Ignore(l => l.ReceivedQuantity);
        builder.Ignore(l => l.BaseQuarantined);
        builder.Ignore(l => l.BaseReturnable);
    }

    public void Configure(EntityTypeBuilder<GoodsReceiptEvent> builder) => builder.MapTimelineStep("goods_receipt_events", PurchasingConsts.MaxReasonLength);
}

internal sealed class PurchaseRequisitionConfiguration
    : IEntityTypeConfiguration<PurchaseRequisition>, IEntityTypeConfiguration<PurchaseRequisitionLine>, IEntityTypeConfiguration<PurchaseRequisitionEvent>
{
    public void Configure(EntityTypeBuilder<PurchaseRequisition> builder)
    {
        builder.MapDocumentHeader("purchase_requisitions", PurchasingConsts.MaxNumberLength);
        builder.Property(r => r.SourceType).HasMaxLength(32);
        builder.Property(r => r.SourceNumber).HasMaxLength(PurchasingConsts.MaxNumberLength);
        builder.HasIndex(r => new { r.TenantId, r.SourceType, r.SourceId, r.SourceLine }).IsUnique().HasDatabaseName("ix_purchase_requisitions_tenant_id_source");
        builder.Property(r => r.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(r => r.Lines, l => l.RequisitionId);
        builder.MapOwnedRows(r => r.Timeline, e => e.DocumentId);
    }

    public void Configure(EntityTypeBuilder<PurchaseRequisitionLine> builder)
    {
        builder.MapDocumentLine("purchase_requisition_lines", l => new { l.RequisitionId, l.LineNumber });
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.Reason).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PurchaseRequisitionEvent> builder) => builder.MapTimelineStep("purchase_requisition_events", PurchasingConsts.MaxReasonLength);
}

internal sealed class PurchaseInvoiceConfiguration
    : IEntityTypeConfiguration<PurchaseInvoice>, IEntityTypeConfiguration<PurchaseInvoiceLine>, IEntityTypeConfiguration<PurchaseInvoiceEvent>,
        IEntityTypeConfiguration<PurchasePayment>
{
    public void Configure(EntityTypeBuilder<PurchaseInvoice> builder)
    {
        builder.MapDocumentHeader("purchase_invoices", PurchasingConsts.MaxNumberLength);
        builder.Property(i => i.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(i => i.SupplierReference).HasMaxLength(PurchasingConsts.MaxReferenceLength);
        builder.Property(i => i.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.Property(i => i.PaidAmount).HasPrecision(18, PurchasingConsts.AmountScale);
        builder.HasIndex(i => new { i.TenantId, i.PurchaseOrderId });
        builder.HasIndex(i => new { i.TenantId, i.SupplierId });
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(i => i.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(i => i.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(i => i.Lines, l => l.InvoiceId);
        builder.MapOwnedRows(i => i.Timeline, e => e.DocumentId);
        builder.MapOwnedRows(i => i.Payments, p => p.InvoiceId);
        builder.Ignore(i => i.OpenAmount);
        builder.Ignore(i => i.PendingPaymentAmount);
    }

    public void Configure(EntityTypeBuilder<PurchaseInvoiceLine> builder)
    {
        builder.MapDocumentLine("purchase_invoice_lines", l => new { l.InvoiceId, l.LineNumber });
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.OrderUnitPrice).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.TaxRate).HasPrecision(18, PurchasingConsts.RateScale);
        builder.Property(l => l.PriceVariancePercent).HasPrecision(18, 2);
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
    }

    public void Configure(EntityTypeBuilder<PurchaseInvoiceEvent> builder) => builder.MapTimelineStep("purchase_invoice_events", PurchasingConsts.MaxReasonLength);

    public void Configure(EntityTypeBuilder<PurchasePayment> builder)
    {
        builder.ToTable("purchase_payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TenantId).IsRequired();
        builder.Property(p => p.Amount).HasPrecision(18, PurchasingConsts.AmountScale);
        builder.Property(p => p.Reference).HasMaxLength(PurchasingConsts.MaxReferenceLength);
        builder.Property(p => p.UserName).HasMaxLength(256);
        builder.Property(p => p.Number).HasMaxLength(PurchasingConsts.MaxPaymentNumberLength).IsRequired();
        builder.Property(p => p.RejectionReason).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.HasIndex(p => new { p.TenantId, p.PaidOn });
    }
}

internal sealed class PurchaseReturnConfiguration : IEntityTypeConfiguration<PurchaseReturn>, IEntityTypeConfiguration<PurchaseReturnLine>
{
    public void Configure(EntityTypeBuilder<PurchaseReturn> builder)
    {
        builder.MapDocumentHeader("purchase_returns", PurchasingConsts.MaxNumberLength);
        builder.Property(r => r.Reason).HasMaxLength(PurchasingConsts.MaxReasonLength).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.TotalValue).HasPrecision(18, PurchasingConsts.AmountScale);
        builder.HasIndex(r => new { r.TenantId, r.GoodsReceiptId });
        builder.HasIndex(r => new { r.TenantId, r.SupplierId, r.ReturnedOn });
        builder.HasOne<GoodsReceipt>().WithMany().HasForeignKey(r => r.GoodsReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(r => r.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(r => r.Lines, l => l.ReturnId);
    }

    public void Configure(EntityTypeBuilder<PurchaseReturnLine> builder)
    {
        builder.MapDocumentLine("purchase_return_lines", l => new { l.ReturnId, l.LineNumber });
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.BatchNumber).HasMaxLength(ErpSaaS.Inventory.Documents.StockDocumentConsts.MaxBatchNumberLength);
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.Value).HasPrecision(18, PurchasingConsts.AmountScale);
    }
}
