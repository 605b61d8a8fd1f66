using System.Text.Json;
using ErpSaaS.ImportExport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.ImportExport;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.Property(j => j.TenantId).IsRequired();
        builder.Property(j => j.Kind).HasMaxLength(ImportExportConsts.MaxKindLength).IsRequired();
        builder.Property(j => j.FileName).HasMaxLength(ImportExportConsts.MaxFileNameLength).IsRequired();
        builder.Property(j => j.FailureCode).HasMaxLength(128);
        builder.Property(j => j.CreatedByName).HasMaxLength(256);
        builder.Property(j => j.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt });
        builder.HasMany<ImportJobRow>().WithOne().HasForeignKey(r => r.ImportJobId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(j => j.DomainEvents);
        builder.Ignore(j => j.IsRunning);
    }
}

internal sealed class ImportJobRowConfiguration : IEntityTypeConfiguration<ImportJobRow>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ImportJobRow> builder)
    {
        builder.ToTable("import_job_rows");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.Key).HasMaxLength(ImportExportConsts.MaxRowKeyLength);
        builder.Property(r => r.Label).HasMaxLength(ImportExportConsts.MaxRowLabelLength);
        // Rows are written once and read for the preview: the errors travel as one JSON document per row.
        builder.Property(r => r.Errors).HasColumnType("jsonb").HasConversion(
            errors => Serialize(errors),
            json => Deserialize(json),
            new ValueComparer<IReadOnlyList<ImportRowError>>((a, b) => Serialize(a!) == Serialize(b!), e => Serialize(e).GetHashCode(StringComparison.Ordinal), e => e));
        builder.HasIndex(r => new { r.ImportJobId, r.RowNumber });
    }

    private static string Serialize(IReadOnlyList<ImportRowError> errors) => JsonSerializer.Serialize(errors, Json);

    private static IReadOnlyList<ImportRowError> Deserialize(string json) => JsonSerializer.Deserialize<List<ImportRowError>>(json, Json) ?? [];
}
