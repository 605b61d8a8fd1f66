using ErpSaaS.Inventory.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Alerts;

internal sealed class StockAlertDigestConfiguration : IEntityTypeConfiguration<StockAlertDigest>
{
    public void Configure(EntityTypeBuilder<StockAlertDigest> builder)
    {
        builder.ToTable("stock_alert_digests");
        builder.Property(d => d.TenantId).IsRequired();
        builder.HasIndex(d => new { d.TenantId, d.DigestDate }).IsUnique();
    }
}
