using ErpSaaS.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Auditing;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("audit_logs");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.HttpMethod).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Url).HasMaxLength(2048).IsRequired();
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.HasIndex(a => new { a.TenantId, a.ExecutedAt });
        // The top bar's "recent activity" lists the signed-in user's own latest requests.
        builder.HasIndex(a => new { a.TenantId, a.UserId, a.ExecutedAt });
    }
}

internal sealed class EntityChangeConfiguration : IEntityTypeConfiguration<EntityChange>
{
    public void Configure(EntityTypeBuilder<EntityChange> builder)
    {
        builder.ToTable("entity_changes");
        builder.Property(c => c.EntityType).HasMaxLength(128).IsRequired();
        builder.Property(c => c.EntityId).HasMaxLength(128).IsRequired();
        builder.Property(c => c.PropertyChanges).HasColumnType("jsonb").IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.ChangedAt });
        builder.HasIndex(c => new { c.TenantId, c.EntityType, c.EntityId });
        builder.HasIndex(c => c.AuditLogId);
    }
}
