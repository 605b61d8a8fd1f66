using ErpSaaS.Catalog;
using ErpSaaS.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Sales;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>, IEntityTypeConfiguration<SalesOrderLine>, IEntityTypeConfiguration<SalesOrderEvent>
{
    public void Configure(EntityTypeBuilder<SalesOrder> builder)
    {
        builder.MapDocumentHeader("sales_orders", SalesConsts.MaxNumberLength);
        builder.Property(o => o.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(o => o.ExchangeRate).HasPrecision(SalesConsts.ExchangeRatePrecision, SalesConsts.ExchangeRateScale);
        builder.Property(o => o.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
        builder.HasIndex(o => new { o.TenantId, o.CustomerId, o.Status });
        builder.HasIndex(o => new { o.TenantId, o.CreatedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(o => o.AmendsOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(o => o.Lines, l => l.OrderId);
        builder.MapOwnedRows(o => o.Timeline, e => e.DocumentId);
        builder.Ignore(o => o.IsDraft);
        builder.Ignore(o => o.IsOpen);
        builder.Ignore(o => o.MaxDiscountPercent);
        builder.Ignore(o => o.UninvoicedCommitment);
        builder.Ignore(o => o.BaseTotalAmount);
        builder.Ignore(o => o.BackOrderedQuantity);
        builder.Ignore(o => o.IsBackOrdered);
        builder.Ignore(o => o.IsAmendable);
    }

    public void Configure(EntityTypeBuilder<SalesOrderLine> builder)
    {
        builder.MapDocumentLine("sales_order_lines", l => new { l.OrderId, l.LineNumber });
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
        builder.MapDocumentHeader("sales_deliveries", SalesConsts.MaxNumberLength);
        builder.Property(d => d.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
        builder.HasIndex(d => new { d.TenantId, d.OrderId });
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(d => d.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(d => d.Lines, l => l.DeliveryId);
        builder.MapOwnedRows(d => d.Timeline, e => e.DocumentId);
        builder.Ignore(d => d.IsDraft);
    }

    public void Configure(EntityTypeBuilder<SalesDeliveryLine> builder)
    {
        builder.MapDocumentLine("sales_delivery_lines", l => new { l.DeliveryId, l.LineNumber });
        builder.Property(l => l.BatchNumber).HasMaxLength(64);
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.PickedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.ReturnedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.InvoicedQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.PostedUnitCost).HasPrecision(18, SalesConsts.UnitPriceScale);
        builder.Ignore(l => l.ToInvoiceQuantity);
    }

    public void Configure(EntityTypeBuilder<SalesDeliveryEvent> builder) => SalesEventColumns.Configure(builder, "sales_delivery_events");
}

internal sealed class SalesReturnConfiguration : IEntityTypeConfiguration<SalesReturn>, IEntityTypeConfiguration<SalesReturnLine>, IEntityTypeConfiguration<SalesReturnEvent>
{
    public void Configure(EntityTypeBuilder<SalesReturn> builder)
    {
        builder.MapDocumentHeader("sales_returns", SalesConsts.MaxNumberLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Destination).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Reason).HasMaxLength(SalesConsts.MaxCommentLength).IsRequired();
        builder.Property(r => r.CreditedAmount).HasPrecision(18, SalesConsts.AmountScale);
        builder.HasIndex(r => new { r.TenantId, r.DeliveryId });
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt });
        builder.HasOne<SalesDelivery>().WithMany().HasForeignKey(r => r.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(r => r.Lines, l => l.ReturnId);
        builder.MapOwnedRows(r => r.Timeline, e => e.DocumentId);
    }

    public void Configure(EntityTypeBuilder<SalesReturnLine> builder)
    {
        builder.MapDocumentLine("sales_return_lines", l => new { l.ReturnId, l.LineNumber });
        builder.Property(l => l.BatchNumber).HasMaxLength(64);
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.UnitCost).HasPrecision(18, SalesConsts.UnitPriceScale);
    }

    public void Configure(EntityTypeBuilder<SalesReturnEvent> builder) => SalesEventColumns.Configure(builder, "sales_return_events");
}

internal sealed class SalesInvoiceConfiguration :
    IEntityTypeConfiguration<SalesInvoice>, IEntityTypeConfiguration<SalesInvoiceLine>, IEntityTypeConfiguration<SalesReceipt>, IEntityTypeConfiguration<SalesInvoiceEvent>
{
    public void Configure(EntityTypeBuilder<SalesInvoice> builder)
    {
        builder.MapDocumentHeader("sales_invoices", SalesConsts.MaxNumberLength, idempotentCreate: false);
        builder.Property(i => i.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.HasIndex(i => new { i.TenantId, i.CustomerId, i.Status });
        builder.HasIndex(i => new { i.TenantId, i.OrderId });
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesDelivery>().WithMany().HasForeignKey(i => i.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(i => i.Lines, l => l.InvoiceId);
        builder.MapOwnedRows(i => i.Receipts, r => r.InvoiceId);
        builder.MapOwnedRows(i => i.Timeline, e => e.DocumentId);
        builder.Ignore(i => i.OpenAmount);
    }

    public void Configure(EntityTypeBuilder<SalesInvoiceLine> builder)
    {
        builder.MapDocumentLine("sales_invoice_lines", l => new { l.InvoiceId, l.LineNumber });
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
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
        builder.MapDocumentHeader("sales_quotations", SalesConsts.MaxNumberLength);
        builder.Property(q => q.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(q => q.Comment).HasMaxLength(SalesConsts.MaxCommentLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(q => q.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(q => q.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(q => q.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.MapOwnedRows(q => q.Lines, l => l.QuotationId);
        builder.MapOwnedRows(q => q.Timeline, e => e.DocumentId);
    }

    public void Configure(EntityTypeBuilder<SalesQuotationLine> builder)
    {
        builder.MapDocumentLine("sales_quotation_lines", l => new { l.QuotationId, l.LineNumber });
        builder.Property(l => l.Unit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.BaseQuantity).HasPrecision(18, SalesConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, SalesConsts.UnitPriceScale);
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Property(l => l.TaxRate).HasPrecision(5, SalesConsts.TaxRateScale);
    }

    public void Configure(EntityTypeBuilder<SalesQuotationEvent> builder) => SalesEventColumns.Configure(builder, "sales_quotation_events");
}

internal static class SalesEventColumns
{
    public static void Configure<TEvent>(EntityTypeBuilder<TEvent> builder, string table) where TEvent : SalesEvent
    {
        builder.MapTimelineStep(table, SalesConsts.MaxCommentLength);
        builder.Property(e => e.Status).HasMaxLength(32).IsRequired();
    }
}
