using ErpSaaS.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.ToTable("warehouses");
        builder.Property(w => w.TenantId).IsRequired();
        builder.Property(w => w.Code).HasMaxLength(WarehouseConsts.MaxCodeLength).IsRequired();
        builder.Property(w => w.Name).HasMaxLength(WarehouseConsts.MaxNameLength).IsRequired();
        builder.Property(w => w.Address).HasMaxLength(WarehouseConsts.MaxAddressLength);
        builder.Property(w => w.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(w => new { w.TenantId, w.Code }).IsUnique();
        builder.Ignore(w => w.DomainEvents);
    }
}
