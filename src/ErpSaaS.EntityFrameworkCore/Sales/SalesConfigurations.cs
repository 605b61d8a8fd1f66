using ErpSaaS.Catalog;
using ErpSaaS.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Sales;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>, IEntityTypeConfiguration<SalesOrderLine>, IEntityTypeConfiguration<SalesOrderEvent>
{
    public void Configure(EntityTypeBuilder<SalesOrder> builder)
    {
        builder.ToTable("sales_orders");
        builder.Property(o => o.TenantId).IsRequired();
        builder.Property(o => o.Number).HasMaxLength(SalesConsts.MaxNumberLength).IsRequired();
        builder.Property(o => o.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(o => o.ExchangeRate).HasPrecision(SalesConsts.ExchangeRatePrecision, SalesConsts.ExchangeRateScale);
        builder.Property(o => o.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
        builder.Property(o => o.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.RequestId }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.CustomerId, o.Status });
        builder.HasIndex(o => new { o.TenantId, o.CreatedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(o => o.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.IsDraft);
        builder.Ignore(o => o.IsOpen);
        builder.Ignore(o => o.MaxDiscountPercent);
        builder.Ignore(o => o.UninvoicedCommitment);
        builder.Ignore(o => o.BaseTotalAmount);
        builder.Ignore(o => o.BackOrderedQuantity);
        builder.Ignore(o => o.IsBackOrdered);
    }

    public void Configure(EntityTypeBuilder<SalesOrderLine> builder)
    {
        builder.ToTable("sales_order_lines");
        // Ids are made in code (UUID v7): a line added to a loaded order is new, not an existing row to update.
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.DeliveredQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.ReturnedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.InvoicedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.BackOrderedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, SalesConsts.UnitPriceScale);
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Property(l => l.TaxRate).HasPrecision(5, SalesConsts.TaxRateScale);
        builder.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.OpenQuantity);
        builder.Ignore(l => l.ToInvoiceQuantity);
        builder.Ignore(l => l.ReservedQuantity);
    }

    public void Configure(EntityTypeBuilder<SalesOrderEvent> builder) => SalesEventColumns.Configure(builder, "sales_order_events");
}

internal sealed class SalesDeliveryConfiguration : IEntityTypeConfiguration<SalesDelivery>, IEntityTypeConfiguration<SalesDeliveryLine>, IEntityTypeConfiguration<SalesDeliveryEvent>
{
    public void Configure(EntityTypeBuilder<SalesDelivery> builder)
    {
        builder.ToTable("sales_deliveries");
        builder.Property(d => d.TenantId).IsRequired();
        builder.Property(d => d.Number).HasMaxLength(SalesConsts.MaxNumberLength).IsRequired();
        builder.Property(d => d.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
        builder.Property(d => d.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(d => new { d.TenantId, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.RequestId }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.OrderId });
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(d => d.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(d => d.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(d => d.DomainEvents);
        builder.Ignore(d => d.IsDraft);
    }

    public void Configure(EntityTypeBuilder<SalesDeliveryLine> builder)
    {
        builder.ToTable("sales_delivery_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.BatchNumber).HasMaxLength(64);
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.PickedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.ReturnedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.InvoicedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.PostedUnitCost).HasPrecision(18, SalesConsts.UnitPriceScale);
        builder.HasIndex(l => new { l.DeliveryId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.ToInvoiceQuantity);
    }

    public void Configure(EntityTypeBuilder<SalesDeliveryEvent> builder) => SalesEventColumns.Configure(builder, "sales_delivery_events");
}

internal sealed class SalesReturnConfiguration : IEntityTypeConfiguration<SalesReturn>, IEntityTypeConfiguration<SalesReturnLine>, IEntityTypeConfiguration<SalesReturnEvent>
{
    public void Configure(EntityTypeBuilder<SalesReturn> builder)
    {
        builder.ToTable("sales_returns");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.Number).HasMaxLength(SalesConsts.MaxNumberLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Destination).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Reason).HasMaxLength(SalesConsts.MaxCommentLength).IsRequired();
        builder.Property(r => r.CreditedAmount).HasPrecision(18, SalesConsts.AmountScale);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.RequestId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.DeliveryId });
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt });
        builder.HasOne<SalesDelivery>().WithMany().HasForeignKey(r => r.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(r => r.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(r => r.DomainEvents);
    }

    public void Configure(EntityTypeBuilder<SalesReturnLine> builder)
    {
        builder.ToTable("sales_return_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.BatchNumber).HasMaxLength(64);
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.UnitCost).HasPrecision(18, SalesConsts.UnitPriceScale);
        builder.HasIndex(l => new { l.ReturnId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SalesReturnEvent> builder) => SalesEventColumns.Configure(builder, "sales_return_events");
}

internal sealed class SalesInvoiceConfiguration :
    IEntityTypeConfiguration<SalesInvoice>, IEntityTypeConfiguration<SalesInvoiceLine>, IEntityTypeConfiguration<SalesReceipt>, IEntityTypeConfiguration<SalesInvoiceEvent>
{
    public void Configure(EntityTypeBuilder<SalesInvoice> builder)
    {
        builder.ToTable("sales_invoices");
        builder.Property(i => i.TenantId).IsRequired();
        builder.Property(i => i.Number).HasMaxLength(SalesConsts.MaxNumberLength).IsRequired();
        builder.Property(i => i.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(i => i.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.CustomerId, i.Status });
        builder.HasIndex(i => new { i.TenantId, i.OrderId });
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesDelivery>().WithMany().HasForeignKey(i => i.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(i => i.Receipts).WithOne().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Receipts).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(i => i.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(i => i.DomainEvents);
        builder.Ignore(i => i.OpenAmount);
    }

    public void Configure(EntityTypeBuilder<SalesInvoiceLine> builder)
    {
        builder.ToTable("sales_invoice_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.HasIndex(l => new { l.InvoiceId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SalesReceipt> builder)
    {
        builder.ToTable("sales_receipts");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.Reference).HasMaxLength(SalesConsts.MaxReferenceLength);
        builder.Property(r => r.UserName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<SalesInvoiceEvent> builder) => SalesEventColumns.Configure(builder, "sales_invoice_events");
}

internal sealed class SalesQuotationConfiguration :
    IEntityTypeConfiguration<SalesQuotation>, IEntityTypeConfiguration<SalesQuotationLine>, IEntityTypeConfiguration<SalesQuotationEvent>
{
    public void Configure(EntityTypeBuilder<SalesQuotation> builder)
    {
        builder.ToTable("sales_quotations");
        builder.Property(q => q.TenantId).IsRequired();
        builder.Property(q => q.Number).HasMaxLength(SalesConsts.MaxNumberLength).IsRequired();
        builder.Property(q => q.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(q => q.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
        builder.Property(q => q.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(q => new { q.TenantId, q.Number }).IsUnique();
        builder.HasIndex(q => new { q.TenantId, q.RequestId }).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(q => q.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(q => q.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(q => q.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuotationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(q => q.Timeline).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(q => q.DomainEvents);
    }

    public void Configure(EntityTypeBuilder<SalesQuotationLine> builder)
    {
        builder.ToTable("sales_quotation_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, SalesConsts.UnitPriceScale);
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Property(l => l.TaxRate).HasPrecision(5, SalesConsts.TaxRateScale);
        builder.HasIndex(l => new { l.QuotationId, l.LineNumber }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SalesQuotationEvent> builder) => SalesEventColumns.Configure(builder, "sales_quotation_events");
}

internal static class SalesEventColumns
{
    public static void Configure<TEvent>(EntityTypeBuilder<TEvent> builder, string table) where TEvent : SalesEvent
    {
        builder.ToTable(table);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.Status).HasMaxLength(32).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
    }
}
