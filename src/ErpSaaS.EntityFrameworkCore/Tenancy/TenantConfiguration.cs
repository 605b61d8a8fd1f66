using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Tenancy;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.Property(t => t.Name).HasMaxLength(TenantConsts.MaxNameLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(TenantConsts.MaxSlugLength).IsRequired();
        builder.Property(t => t.ConnectionString).HasMaxLength(TenantConsts.MaxConnectionStringLength);
        builder.Property(t => t.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => t.Status);
        builder.Ignore(t => t.DomainEvents);
    }
}
