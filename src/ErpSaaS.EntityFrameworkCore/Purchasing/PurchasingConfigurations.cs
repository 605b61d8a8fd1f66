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
        builder.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TaxRate>().WithMany().HasForeignKey(l => l.TaxRateId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.GrossAmount);
        builder.Ignore(l => l.OpenQuantity);
        builder.Ignore(l => l.BaseUnitPrice);
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
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, PurchasingConsts.UnitPriceScale);
        builder.Property(l => l.RejectReason).HasMaxLength(PurchasingConsts.MaxReasonLength);
        builder.Property(l => l.BatchNumber).HasMaxLength(ErpSaaS.Inventory.Documents.StockDocumentConsts.MaxBatchNumberLength);
        builder.HasIndex(l => new { l.ReceiptId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.ReceivedQuantity);
        builder.Ignore(l => l.BaseQuarantined);
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
