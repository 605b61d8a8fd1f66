using ErpSaaS.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Numbering;

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.ToTable("document_sequences");
        builder.Property(s => s.TenantId).IsRequired();
        builder.Property(s => s.DocumentType).HasMaxLength(64);
        builder.Property(s => s.PeriodKey).HasMaxLength(16);
        builder.HasKey(s => new { s.TenantId, s.DocumentType, s.PeriodKey });
    }
}
