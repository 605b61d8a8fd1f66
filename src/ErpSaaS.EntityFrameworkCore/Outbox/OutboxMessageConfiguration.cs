using ErpSaaS.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.MaxTypeLength).IsRequired();
        builder.Property(m => m.Payload).HasColumnType("jsonb").IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Ignore(m => m.State);
        // The dispatcher's query: due, neither processed nor dead-lettered.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("processed_at IS NULL AND dead_lettered_at IS NULL");
        builder.HasIndex(m => new { m.TenantId, m.CreatedAt });
    }
}
