using ErpSaaS.Catalog;
using ErpSaaS.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

// The stock tables are written by raw SQL in StockLedger/StockReservations (the hot path); EF maps them for reads,
// the verification and the schema-drift check. Bins are keys, not foreign keys: "no bin" is the zero uuid.

internal sealed class StockLedgerEntryConfiguration : IEntityTypeConfiguration<StockLedgerEntry>
{
    public void Configure(EntityTypeBuilder<StockLedgerEntry> builder)
    {
        builder.ToTable("stock_ledger_entries");
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.BatchNumber).HasMaxLength(StockConsts.MaxBatchNumberLength).IsRequired();
        builder.Property(e => e.Quantity).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(e => e.SourceType).HasMaxLength(StockConsts.MaxSourceTypeLength).IsRequired();
        builder.Property(e => e.SourceNumber).HasMaxLength(StockConsts.MaxSourceNumberLength).IsRequired();
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        // The pool's history in posting order: running figures, backdated revaluation, value at a date.
        builder.HasIndex(e => new { e.TenantId, e.ProductId, e.ValuationKey, e.PostedAt, e.Sequence });
        builder.HasIndex(e => new { e.TenantId, e.SourceType, e.SourceId });
        // No foreign keys here: each would bring an index of its own that only a delete of a product or warehouse
        // (never done: they are deactivated) would use. Postings check both exist.
    }
}

internal sealed class StockEntryValuationConfiguration : IEntityTypeConfiguration<StockEntryValuation>
{
    public void Configure(EntityTypeBuilder<StockEntryValuation> builder)
    {
        // A backdated receipt rewrites every later entry's valuation (a million rows for a busy product): narrow rows
        // with room left on their page and no index on what changes, so each update stays on its page and touches no
        // index (measured: ~240 s rewriting the wide ledger rows, a few seconds here). No foreign key to the ledger:
        // both rows are written by one statement, and neither is ever deleted.
        builder.ToTable("stock_entry_valuations");
        builder.HasStorageParameter("fillfactor", 70);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.TenantId).IsRequired();
        builder.Property(v => v.UnitCost).HasPrecision(18, StockConsts.UnitCostScale);
        builder.Property(v => v.QuantityAfter).HasPrecision(18, StockConsts.QuantityScale);
    }
}

internal sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> builder)
    {
        builder.ToTable("stock_balances");
        builder.Property(b => b.TenantId).IsRequired();
        builder.Property(b => b.BatchNumber).HasMaxLength(StockConsts.MaxBatchNumberLength).IsRequired();
        builder.Property(b => b.OnHand).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(b => b.Reserved).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(b => b.Available).HasPrecision(18, StockConsts.QuantityScale).HasComputedColumnSql("on_hand - reserved", stored: true);
        // Carries the figures, so a search's per-product sums read the index alone (migration 0035).
        builder.HasIndex(b => new { b.TenantId, b.ProductId, b.WarehouseId, b.LocationId, b.BatchNumber }).IsUnique()
            .IncludeProperties(b => new { b.OnHand, b.Reserved, b.Value });
        builder.HasIndex(b => new { b.TenantId, b.WarehouseId }).IncludeProperties(b => new { b.ProductId, b.OnHand, b.Reserved, b.Value });
        // The stock inquiry's search by batch number reads only the balances that have a batch (migration 0017).
        builder.HasIndex(b => b.TenantId, "ix_stock_balances_batched").HasFilter("batch_number <> ''");
        // The stock-on-hand page sorted by on hand or by value (migration 0034).
        builder.HasIndex(b => new { b.TenantId, b.OnHand });
        builder.HasIndex(b => new { b.TenantId, b.Value });
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(b => b.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockWarehouseBalanceConfiguration : IEntityTypeConfiguration<StockWarehouseBalance>
{
    public void Configure(EntityTypeBuilder<StockWarehouseBalance> builder)
    {
        builder.ToTable("stock_warehouse_balances");
        builder.Property(b => b.TenantId).IsRequired();
        foreach (var quantity in new[] { nameof(StockWarehouseBalance.OnHand), nameof(StockWarehouseBalance.Reserved), nameof(StockWarehouseBalance.OnOrder), nameof(StockWarehouseBalance.Planned) })
        {
            builder.Property(quantity).HasPrecision(18, StockConsts.QuantityScale);
        }
        builder.Property(b => b.Available).HasPrecision(18, StockConsts.QuantityScale).HasComputedColumnSql("on_hand - reserved", stored: true);
        builder.HasIndex(b => new { b.TenantId, b.ProductId, b.WarehouseId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(b => b.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockValuationConfiguration : IEntityTypeConfiguration<StockValuation>
{
    public void Configure(EntityTypeBuilder<StockValuation> builder)
    {
        builder.ToTable("stock_valuations");
        builder.Property(v => v.TenantId).IsRequired();
        builder.Property(v => v.Quantity).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(v => v.LastUnitCost).HasPrecision(18, StockConsts.UnitCostScale);
        builder.HasIndex(v => new { v.TenantId, v.ProductId, v.ValuationKey }).IsUnique();
        // The pools whose entries still wait for their revalued figures (migration 0028): readers ask on every call.
        builder.HasIndex(v => v.TenantId, "ix_stock_valuations_pending").HasFilter("revalue_from IS NOT NULL");
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockCostLayerConfiguration : IEntityTypeConfiguration<StockCostLayer>
{
    public void Configure(EntityTypeBuilder<StockCostLayer> builder)
    {
        builder.ToTable("stock_cost_layers");
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(l => l.Remaining).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(l => l.UnitCost).HasPrecision(18, StockConsts.UnitCostScale);
        // Only open layers are ever read by an issue; consumed ones stay for the record.
        builder.HasIndex(l => new { l.TenantId, l.ProductId, l.ValuationKey, l.PostedAt, l.Sequence }).HasFilter("remaining > 0");
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        builder.ToTable("stock_reservations");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.BatchNumber).HasMaxLength(StockConsts.MaxBatchNumberLength).IsRequired();
        builder.Property(r => r.Quantity).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(r => r.SourceType).HasMaxLength(StockConsts.MaxSourceTypeLength).IsRequired();
        builder.Property(r => r.SourceNumber).HasMaxLength(StockConsts.MaxSourceNumberLength).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.SourceType, r.SourceId, r.SourceLine }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.ProductId, r.WarehouseId });
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockSupplyConfiguration : IEntityTypeConfiguration<StockSupply>
{
    public void Configure(EntityTypeBuilder<StockSupply> builder)
    {
        builder.ToTable("stock_supplies");
        builder.Property(s => s.TenantId).IsRequired();
        builder.Property(s => s.Quantity).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(s => s.SourceType).HasMaxLength(StockConsts.MaxSourceTypeLength).IsRequired();
        builder.Property(s => s.SourceNumber).HasMaxLength(StockConsts.MaxSourceNumberLength).IsRequired();
        builder.HasIndex(s => new { s.TenantId, s.SourceType, s.SourceId, s.SourceLine }).IsUnique();
        builder.HasIndex(s => new { s.TenantId, s.ProductId, s.WarehouseId, s.DueOn });
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockVerificationRunConfiguration : IEntityTypeConfiguration<StockVerificationRun>
{
    public void Configure(EntityTypeBuilder<StockVerificationRun> builder)
    {
        builder.ToTable("stock_verification_runs");
        builder.Property(r => r.TenantId).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.RanAt });
        builder.HasMany(r => r.Differences).WithOne().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Differences).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StockVerificationDifferenceConfiguration : IEntityTypeConfiguration<StockVerificationDifference>
{
    public void Configure(EntityTypeBuilder<StockVerificationDifference> builder)
    {
        builder.ToTable("stock_verification_differences");
        builder.Property(d => d.TenantId).IsRequired();
        builder.Property(d => d.BatchNumber).HasMaxLength(StockConsts.MaxBatchNumberLength).IsRequired();
        builder.Property(d => d.KeptQuantity).HasPrecision(18, StockConsts.QuantityScale);
        builder.Property(d => d.LedgerQuantity).HasPrecision(18, StockConsts.QuantityScale);
    }
}
