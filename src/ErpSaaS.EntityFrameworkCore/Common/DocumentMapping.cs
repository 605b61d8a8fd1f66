using System.Linq.Expressions;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// The mapping every numbered business document shares, whether it buys, sells or moves stock: a header with a number
/// unique in the company, the request id that turns a double-submitted form into one document, optimistic concurrency
/// on xmin; lines and timeline steps that live and die with the header and always load with it.
/// </summary>
internal static class DocumentMapping
{
    private const string TenantId = nameof(IMultiTenant.TenantId);
    private const int MaxUserNameLength = 256;

    public static EntityTypeBuilder<TDocument> MapDocumentHeader<TDocument>(
        this EntityTypeBuilder<TDocument> builder, string table, int maxNumberLength, bool idempotentCreate = true)
        where TDocument : AggregateRoot, IMultiTenant
    {
        builder.ToTable(table);
        builder.Property(TenantId).IsRequired();
        builder.Property("Number").HasMaxLength(maxNumberLength).IsRequired();
        builder.Property(d => d.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(TenantId, "Number").IsUnique();
        if (idempotentCreate) builder.HasIndex(TenantId, "RequestId").IsUnique();
        builder.Ignore(d => d.DomainEvents);
        return builder;
    }

    /// <summary>Rows that belong to one document (lines, timeline steps, payments): deleted with it, loaded with it.</summary>
    public static EntityTypeBuilder<TDocument> MapOwnedRows<TDocument, TRow>(
        this EntityTypeBuilder<TDocument> builder, Expression<Func<TDocument, IEnumerable<TRow>?>> rows, Expression<Func<TRow, object?>> documentId)
        where TDocument : class
        where TRow : class
    {
        builder.HasMany(rows).WithOne().HasForeignKey(documentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(rows).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        return builder;
    }

    /// <summary>A document line of one product, numbered within its document.</summary>
    public static EntityTypeBuilder<TLine> MapDocumentLine<TLine>(
        this EntityTypeBuilder<TLine> builder, string table, Expression<Func<TLine, object?>> documentAndLineNumber)
        where TLine : Entity, IMultiTenant
    {
        builder.ToTable(table);
        // Ids are made in code (UUID v7): a line added to a loaded document is new, not an existing row to update.
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(TenantId).IsRequired();
        builder.HasIndex(documentAndLineNumber).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey("ProductId").OnDelete(DeleteBehavior.Restrict);
        return builder;
    }

    /// <summary>One step of a document's timeline: who, when, and the comment they left.</summary>
    public static EntityTypeBuilder<TEvent> MapTimelineStep<TEvent>(this EntityTypeBuilder<TEvent> builder, string table, int maxCommentLength)
        where TEvent : Entity, IMultiTenant
    {
        builder.ToTable(table);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(TenantId).IsRequired();
        builder.Property("UserName").HasMaxLength(MaxUserNameLength);
        builder.Property("Comment").HasMaxLength(maxCommentLength);
        return builder;
    }
}
