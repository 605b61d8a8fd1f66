using ErpSaaS.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    /// <summary>Code, name and specification in lower case, kept by PostgreSQL, so a search matches one column (migration 0012).</summary>
    public const string SearchText = "SearchText";

    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.Property(p => p.TenantId).IsRequired();
        builder.Property(p => p.Code).HasMaxLength(ProductConsts.MaxCodeLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(ProductConsts.MaxNameLength).IsRequired();
        builder.Property(p => p.Specification).HasMaxLength(ProductConsts.MaxSpecificationLength);
        builder.Property(p => p.BaseUnit).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        foreach (var quantity in new[] { nameof(Product.SafetyStock), nameof(Product.ReorderPoint), nameof(Product.ReorderQuantity), nameof(Product.MaximumStock) })
        {
            builder.Property(quantity).HasPrecision(18, ProductConsts.QuantityScale);
        }
        builder.Property(p => p.StandardCost).HasPrecision(18, ProductConsts.PriceScale);
        builder.Property(p => p.SalePrice).HasPrecision(18, ProductConsts.PriceScale);
        builder.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.Property<string>(SearchText).HasComputedColumnSql("lower((((code)::text || ' ') || (name)::text) || ' ' || coalesce(specification, ''))", stored: true);
        // A search walks the company's catalog in code order through this index alone (migration 0035).
        builder.HasIndex(p => new { p.TenantId, p.Code }).IsUnique().IncludeProperties(nameof(Product.Id), nameof(Product.Name), SearchText);
        builder.HasIndex(p => new { p.TenantId, p.Name });
        builder.HasIndex(p => new { p.TenantId, p.IsActive });
        builder.HasOne<ProductCategory>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TaxRate>().WithMany().HasForeignKey(p => p.TaxRateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(p => p.DefaultWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Barcodes).WithOne().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.UnitConversions).WithOne().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Barcodes).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Navigation(p => p.UnitConversions).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(p => p.DomainEvents);
        builder.Ignore(p => p.IsStocked);
        builder.Ignore(p => p.Units);
    }
}

internal sealed class ProductBarcodeConfiguration : IEntityTypeConfiguration<ProductBarcode>
{
    public void Configure(EntityTypeBuilder<ProductBarcode> builder)
    {
        builder.ToTable("product_barcodes");
        // Ids are set by the entity (UUID v7): a barcode added to a loaded product must be inserted, not taken for an existing row.
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.TenantId).IsRequired();
        builder.Property(b => b.Code).HasMaxLength(ProductConsts.MaxBarcodeLength).IsRequired();
        // One barcode, one product in the company: a scan must never be ambiguous.
        builder.HasIndex(b => new { b.TenantId, b.Code }).IsUnique();
    }
}

internal sealed class ProductUnitConversionConfiguration : IEntityTypeConfiguration<ProductUnitConversion>
{
    public void Configure(EntityTypeBuilder<ProductUnitConversion> builder)
    {
        builder.ToTable("product_unit_conversions");
        // Ids are set by the entity (UUID v7): a conversion added to a loaded product must be inserted, not taken for an existing row.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TenantId).IsRequired();
        builder.Property(c => c.UnitCode).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(c => c.Factor).HasPrecision(18, ProductConsts.FactorScale);
        builder.HasIndex(c => new { c.ProductId, c.UnitCode }).IsUnique();
    }
}

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> builder)
    {
        builder.ToTable("product_categories");
        builder.Property(c => c.TenantId).IsRequired();
        builder.Property(c => c.Code).HasMaxLength(ProductCategoryConsts.MaxCodeLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(ProductCategoryConsts.MaxNameLength).IsRequired();
        builder.Property(c => c.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
        builder.HasOne<ProductCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class UnitOfMeasureConfiguration : IEntityTypeConfiguration<UnitOfMeasure>
{
    public void Configure(EntityTypeBuilder<UnitOfMeasure> builder)
    {
        builder.ToTable("units_of_measure");
        builder.Property(u => u.TenantId).IsRequired();
        builder.Property(u => u.Code).HasMaxLength(UnitOfMeasureConsts.MaxCodeLength).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(UnitOfMeasureConsts.MaxNameLength).IsRequired();
        builder.Property(u => u.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(u => new { u.TenantId, u.Code }).IsUnique();
        builder.Ignore(u => u.DomainEvents);
    }
}

internal sealed class TaxRateConfiguration : IEntityTypeConfiguration<TaxRate>
{
    public void Configure(EntityTypeBuilder<TaxRate> builder)
    {
        builder.ToTable("tax_rates");
        builder.Property(t => t.TenantId).IsRequired();
        builder.Property(t => t.Code).HasMaxLength(TaxRateConsts.MaxCodeLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(TaxRateConsts.MaxNameLength).IsRequired();
        builder.Property(t => t.Rate).HasPrecision(9, TaxRateConsts.RateScale);
        builder.Property(t => t.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(t => new { t.TenantId, t.Code }).IsUnique();
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class WarehouseLocationConfiguration : IEntityTypeConfiguration<WarehouseLocation>
{
    public void Configure(EntityTypeBuilder<WarehouseLocation> builder)
    {
        builder.ToTable("warehouse_locations");
        builder.Property(l => l.TenantId).IsRequired();
        builder.Property(l => l.Code).HasMaxLength(WarehouseLocationConsts.MaxCodeLength).IsRequired();
        builder.Property(l => l.Name).HasMaxLength(WarehouseLocationConsts.MaxNameLength).IsRequired();
        builder.Property(l => l.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(l => new { l.TenantId, l.WarehouseId, l.Code }).IsUnique();
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.DomainEvents);
    }
}
