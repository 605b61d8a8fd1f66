using ErpSaaS.Catalog;
using ErpSaaS.Inventory.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Documents;

/// <summary>
/// The four documents share one header table (stock_documents, told apart by kind): numbers, statuses, request ids and
/// the timeline are one thing for all of them. Each keeps its lines in a table of its own.
/// </summary>
internal sealed class StockDocumentConfiguration : IEntityTypeConfiguration<StockDocument>
{
    public void Configure(EntityTypeBuilder<StockDocument> builder)
    {
        builder.ToTable("stock_documents");
        builder.HasDiscriminator(d => d.Kind)
            .HasValue<OpeningBalance>(StockDocumentKind.Opening)
            .HasValue<StockTransfer>(StockDocumentKind.Transfer)
            .HasValue<StockAdjustment>(StockDocumentKind.Adjustment)
            .HasValue<StockCount>(StockDocumentKind.Count);
        builder.Property(d => d.TenantId).IsRequired();
        builder.Property(d => d.Number).HasMaxLength(StockDocumentConsts.MaxNumberLength).IsRequired();
        builder.Property(d => d.Comment).HasMaxLength(StockDocumentConsts.MaxCommentLength);
        builder.Property(d => d.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(d => new { d.TenantId, d.Kind, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.RequestId }).IsUnique();
        builder.MapOwnedRows(d => d.Timeline, e => e.DocumentId);
        builder.Ignore(d => d.DomainEvents);
        builder.Ignore(d => d.IsFinal);
    }
}

internal sealed class StockDocumentEventConfiguration : IEntityTypeConfiguration<StockDocumentEvent>
{
    public void Configure(EntityTypeBuilder<StockDocumentEvent> builder)
    {
        builder.MapTimelineStep("stock_document_events", StockDocumentConsts.MaxCommentLength);
    }
}

internal sealed class OpeningBalanceConfiguration : IEntityTypeConfiguration<OpeningBalance>, IEntityTypeConfiguration<OpeningBalanceLine>
{
    public void Configure(EntityTypeBuilder<OpeningBalance> builder)
    {
        builder.MapOwnedRows(d => d.Lines, l => l.DocumentId);
    }

    public void Configure(EntityTypeBuilder<OpeningBalanceLine> builder)
    {
        builder.MapDocumentLine("opening_balance_lines", l => new { l.DocumentId, l.LineNumber });
        builder.Property(l => l.BatchNumber).HasMaxLength(StockDocumentConsts.MaxBatchNumberLength);
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.UnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WarehouseLocation>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>, IEntityTypeConfiguration<StockTransferLine>
{
    public void Configure(EntityTypeBuilder<StockTransfer> builder)
    {
        builder.MapOwnedRows(d => d.Lines, l => l.DocumentId);
        builder.Ignore(d => d.CrossesWarehouses);
    }

    public void Configure(EntityTypeBuilder<StockTransferLine> builder)
    {
        builder.MapDocumentLine("stock_transfer_lines", l => new { l.DocumentId, l.LineNumber });
        builder.Property(l => l.BatchNumber).HasMaxLength(StockDocumentConsts.MaxBatchNumberLength);
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.PostedUnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.FromWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WarehouseLocation>().WithMany().HasForeignKey(l => l.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.ToWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WarehouseLocation>().WithMany().HasForeignKey(l => l.ToLocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>, IEntityTypeConfiguration<StockAdjustmentLine>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> builder)
    {
        builder.MapOwnedRows(d => d.Lines, l => l.DocumentId);
    }

    public void Configure(EntityTypeBuilder<StockAdjustmentLine> builder)
    {
        builder.MapDocumentLine("stock_adjustment_lines", l => new { l.DocumentId, l.LineNumber });
        builder.Property(l => l.BatchNumber).HasMaxLength(StockDocumentConsts.MaxBatchNumberLength);
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.UnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.Property(l => l.BaseUnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.Property(l => l.PostedUnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WarehouseLocation>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockCountConfiguration : IEntityTypeConfiguration<StockCount>, IEntityTypeConfiguration<StockCountLine>
{
    public void Configure(EntityTypeBuilder<StockCount> builder)
    {
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(c => c.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(d => d.Lines, l => l.DocumentId);
    }

    public void Configure(EntityTypeBuilder<StockCountLine> builder)
    {
        builder.MapDocumentLine("stock_count_lines", l => new { l.DocumentId, l.LineNumber });
        builder.Property(l => l.BatchNumber).HasMaxLength(StockDocumentConsts.MaxBatchNumberLength);
        builder.Property(l => l.BookQuantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.CountedQuantity).HasPrecision(18, StockDocumentConsts.QuantityScale);
        builder.Property(l => l.BookUnitCost).HasPrecision(18, StockDocumentConsts.UnitCostScale);
        builder.HasOne<WarehouseLocation>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.Variance);
        builder.Ignore(l => l.VarianceValue);
    }
}
