using ErpSaaS.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

internal sealed class CurrencyConfiguration : IEntityTypeConfiguration<Currency>
{
    public void Configure(EntityTypeBuilder<Currency> builder)
    {
        builder.ToTable("currencies");
        builder.Property(c => c.TenantId).IsRequired();
        builder.Property(c => c.Code).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(CurrencyConsts.MaxNameLength).IsRequired();
        builder.Property(c => c.Symbol).HasMaxLength(CurrencyConsts.MaxSymbolLength).IsRequired();
        builder.Property(c => c.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.ToTable("exchange_rates");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(r => r.BaseCurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(r => r.Rate).HasPrecision(CurrencyConsts.RatePrecision, CurrencyConsts.RateScale);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        // One rate per currency and day; "the rate on day D" reads this index backwards from D.
        builder.HasIndex(r => new { r.TenantId, r.CurrencyCode, r.BaseCurrencyCode, r.EffectiveDate }).IsUnique()
            .HasDatabaseName("ix_exchange_rates_tenant_id_currency_base_date");
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.Property(c => c.TenantId).IsRequired();
        builder.Property(c => c.Code).HasMaxLength(PartnerConsts.MaxCodeLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(PartnerConsts.MaxNameLength).IsRequired();
        builder.Property(c => c.TaxId).HasMaxLength(PartnerConsts.MaxTaxIdLength);
        builder.Property(c => c.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(c => c.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
        builder.HasOne<PriceList>().WithMany().HasForeignKey(c => c.PriceListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Addresses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> builder)
    {
        builder.ToTable("customer_contacts");
        ContactColumns.Configure(builder);
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> builder)
    {
        builder.ToTable("customer_addresses");
        // Ids are made by the entity (UUID v7): an address added to a loaded customer is new, not a row to update.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.TenantId).IsRequired();
        builder.Property(a => a.Text).HasMaxLength(PartnerConsts.MaxAddressLength).IsRequired();
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.ToTable("suppliers");
        builder.Property(s => s.TenantId).IsRequired();
        builder.Property(s => s.Code).HasMaxLength(PartnerConsts.MaxCodeLength).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(PartnerConsts.MaxNameLength).IsRequired();
        builder.Property(s => s.TaxId).HasMaxLength(PartnerConsts.MaxTaxIdLength);
        builder.Property(s => s.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(s => s.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(s => new { s.TenantId, s.Code }).IsUnique();
        builder.HasMany(s => s.Contacts).WithOne().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.DomainEvents);
    }
}

internal sealed class SupplierContactConfiguration : IEntityTypeConfiguration<SupplierContact>
{
    public void Configure(EntityTypeBuilder<SupplierContact> builder)
    {
        builder.ToTable("supplier_contacts");
        ContactColumns.Configure(builder);
    }
}

internal sealed class SupplierProductConfiguration : IEntityTypeConfiguration<SupplierProduct>
{
    public void Configure(EntityTypeBuilder<SupplierProduct> builder)
    {
        builder.ToTable("supplier_products");
        builder.Property(p => p.TenantId).IsRequired();
        builder.Property(p => p.SupplierProductCode).HasMaxLength(SupplierProductConsts.MaxSupplierProductCodeLength);
        builder.Property(p => p.Price).HasPrecision(18, PriceListConsts.UnitPriceScale);
        builder.Property(p => p.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(p => p.MinimumOrderQuantity).HasPrecision(18, PriceListConsts.QuantityScale);
        builder.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(p => new { p.TenantId, p.SupplierId, p.ProductId }).IsUnique();
        // At most one preferred supplier per product, whatever happens between two saves.
        builder.HasIndex(p => new { p.TenantId, p.ProductId }).IsUnique().HasFilter("is_preferred").HasDatabaseName("ix_supplier_products_preferred");
        builder.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.DomainEvents);
    }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> builder)
    {
        builder.ToTable("price_lists");
        builder.Property(p => p.TenantId).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(PriceListConsts.MaxNameLength).IsRequired();
        builder.Property(p => p.CurrencyCode).HasMaxLength(CurrencyConsts.CodeLength).IsRequired();
        builder.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PriceListId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.DomainEvents);
    }
}

internal sealed class PriceListLineConfiguration : IEntityTypeConfiguration<PriceListLine>
{
    public void Configure(EntityTypeBuilder<PriceListLine> builder)
    {
        builder.ToTable("price_list_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.MinimumQuantity).HasPrecision(18, PriceListConsts.QuantityScale);
        builder.Property(l => l.UnitPrice).HasPrecision(18, PriceListConsts.UnitPriceScale);
        builder.HasIndex(l => new { l.PriceListId, l.ProductId, l.MinimumQuantity }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class ContactColumns
{
    public static void Configure<TContact>(EntityTypeBuilder<TContact> builder) where TContact : PartnerContact
    {
        // Ids are made by the entity (UUID v7): a contact added to a loaded partner is new, not a row to update.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TenantId).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(PartnerConsts.MaxContactNameLength).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(PartnerConsts.MaxContactPhoneLength);
        builder.Property(c => c.Email).HasMaxLength(PartnerConsts.MaxContactEmailLength);
        builder.Property(c => c.Role).HasMaxLength(PartnerConsts.MaxContactRoleLength);
    }
}
