using ErpSaaS.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Settings;

internal sealed class TenantSettingConfiguration : IEntityTypeConfiguration<TenantSetting>
{
    public void Configure(EntityTypeBuilder<TenantSetting> builder)
    {
        builder.ToTable("tenant_settings");
        builder.Property(s => s.Name).HasMaxLength(128).IsRequired();
        builder.Property(s => s.Value).HasMaxLength(ErpSettings.MaxValueLength).IsRequired();
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique().AreNullsDistinct(false);
    }
}
