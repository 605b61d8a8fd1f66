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
        builder.ToTable("purchase_orders");
        builder.Property(o => o.TenantId).IsRequired();
        builder.Property(o => o.Number).HasMaxLength(PurchasingConsts.MaxNumberLength).IsRequired();
        builder.Property(o => o.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(o => o.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.Property(o => o.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.RequestId }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.SupplierId });
        builder.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(o => o.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.IsOpen);
    }

    public void Configure(EntityTypeBuilder<PurchaseOrderLine> builder)
    {
        builder.ToTable("purchase_order_lines");
        // Ids are made in code (UUID v7): a line added to a loaded order is new, not an existing row to update.
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.TaxRate).HasPrecision(18, PurchasingConsts.RateScale);
        builder.Property(l => l.ReceivedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.InvoicedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.ReturnedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TaxRate>().WithMany().HasForeignKey(l => l.TaxRateId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.GrossAmount);
        builder.Ignore(l => l.OpenQuantity);
        builder.Ignore(l => l.BaseUnitPrice);
        builder.Ignore(l => l.InvoiceableQuantity);
    }

    public void Configure(EntityTypeBuilder<PurchaseOrderEvent> builder)
    {
        builder.ToTable("purchase_order_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(PurchasingConsts.MaxReasonLength);
    }
}

internal sealed class GoodsReceiptConfiguration
    : IEntityTypeConfiguration<GoodsReceipt>, IEntityTypeConfiguration<GoodsReceiptLine>, IEntityTypeConfiguration<GoodsReceiptEvent>
{
    public void Configure(EntityTypeBuilder<GoodsReceipt> builder)
    {
        builder.ToTable("goods_receipts");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.Number).HasMaxLength(PurchasingConsts.MaxNumberLength).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.RequestId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.PurchaseOrderId });
        builder.HasIndex(r => new { r.TenantId, r.SupplierId, r.ReceivedOn });
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(r => r.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.QuarantineWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReceiptId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(r => r.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(r => r.DomainEvents);
    }

    public void Configure(EntityTypeBuilder<GoodsReceiptLine> builder)
    {
        builder.ToTable("goods_receipt_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.AcceptedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.RejectedQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseAccepted).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseRejected).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseReturned).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.RejectReason).HasMaxLength(PurchasingConsts.MaxReasonLength);
        builder.Property(l => l.BatchNumber).HasMaxLength(ErpSaaS.Inventory.Documents.StockDocumentConsts.MaxBatchNumberLength);
        builder.HasIndex(l => new { l.ReceiptId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.ReceivedQuantity);
        builder.Ignore(l => l.BaseQuarantined);
        builder.Ignore(l => l.BaseReturnable);
    }

    public void Configure(EntityTypeBuilder<GoodsReceiptEvent> builder)
    {
        builder.ToTable("goods_receipt_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(PurchasingConsts.MaxReasonLength);
    }
}

internal sealed class PurchaseRequisitionConfiguration
    : IEntityTypeConfiguration<PurchaseRequisition>, IEntityTypeConfiguration<PurchaseRequisitionLine>, IEntityTypeConfiguration<PurchaseRequisitionEvent>
{
    public void Configure(EntityTypeBuilder<PurchaseRequisition> builder)
    {
        builder.ToTable("purchase_requisitions");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.SourceType).HasMaxLength(32);
        builder.Property(r => r.SourceNumber).HasMaxLength(PurchasingConsts.MaxNumberLength);
        builder.HasIndex(r => new { r.TenantId, r.SourceType, r.SourceId, r.SourceLine }).IsUnique().HasDatabaseName("ix_purchase_requisitions_tenant_id_source");
        builder.Property(r => r.Number).HasMaxLength(PurchasingConsts.MaxNumberLength).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.RequestId }).IsUnique();
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RequisitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(r => r.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(r => r.DomainEvents);
    }

    public void Configure(EntityTypeBuilder<PurchaseRequisitionLine> builder)
    {
        builder.ToTable("purchase_requisition_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.Reason).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.HasIndex(l => new { l.RequisitionId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PurchaseRequisitionEvent> builder)
    {
        builder.ToTable("purchase_requisition_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(PurchasingConsts.MaxReasonLength);
    }
}

internal sealed class PurchaseInvoiceConfiguration
    : IEntityTypeConfiguration<PurchaseInvoice>, IEntityTypeConfiguration<PurchaseInvoiceLine>, IEntityTypeConfiguration<PurchaseInvoiceEvent>,
        IEntityTypeConfiguration<PurchasePayment>
{
    public void Configure(EntityTypeBuilder<PurchaseInvoice> builder)
    {
        builder.ToTable("purchase_invoices");
        builder.Property(i => i.TenantId).IsRequired();
        builder.Property(i => i.Number).HasMaxLength(PurchasingConsts.MaxNumberLength).IsRequired();
        builder.Property(i => i.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(i => i.SupplierReference).HasMaxLength(PurchasingConsts.MaxReferenceLength);
        builder.Property(i => i.Comment).HasMaxLength(PurchasingConsts.MaxCommentLength);
        builder.Property(i => i.PaidAmount).HasPrecision(18, PurchasingConsts.AmountScale);
        builder.Property(i => i.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.RequestId }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.PurchaseOrderId });
        builder.HasIndex(i => new { i.TenantId, i.SupplierId });
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(i => i.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(i => i.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(i => i.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Payments).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(i => i.DomainEvents);
        builder.Ignore(i => i.OpenAmount);
        builder.Ignore(i => i.PendingPaymentAmount);
    }

    public void Configure(EntityTypeBuilder<PurchaseInvoiceLine> builder)
    {
        builder.ToTable("purchase_invoice_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.OrderUnitPrice).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.TaxRate).HasPrecision(18, PurchasingConsts.RateScale);
        builder.Property(l => l.PriceVariancePercent).HasPrecision(18, 2);
        builder.HasIndex(l => new { l.InvoiceId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PurchaseInvoiceEvent> builder)
    {
        builder.ToTable("purchase_invoice_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(PurchasingConsts.MaxReasonLength);
    }

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
        builder.ToTable("purchase_returns");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.Number).HasMaxLength(PurchasingConsts.MaxNumberLength).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(PurchasingConsts.MaxReasonLength).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.TotalValue).HasPrecision(18, PurchasingConsts.AmountScale);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.RequestId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.GoodsReceiptId });
        builder.HasIndex(r => new { r.TenantId, r.SupplierId, r.ReturnedOn });
        builder.HasOne<GoodsReceipt>().WithMany().HasForeignKey(r => r.GoodsReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PurchaseOrder>().WithMany().HasForeignKey(r => r.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(r => r.DomainEvents);
    }

    public void Configure(EntityTypeBuilder<PurchaseReturnLine> builder)
    {
        builder.ToTable("purchase_return_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.BatchNumber).HasMaxLength(ErpSaaS.Inventory.Documents.StockDocumentConsts.MaxBatchNumberLength);
        builder.Property(l => l.Quantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, PurchasingConsts.QuantityScale);
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.Value).HasPrecision(18, PurchasingConsts.AmountScale);
        builder.HasIndex(l => new { l.ReturnId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
