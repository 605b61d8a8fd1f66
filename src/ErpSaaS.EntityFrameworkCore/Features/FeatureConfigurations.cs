using ErpSaaS.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Features;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.Property(p => p.Code).HasMaxLength(Plan.MaxCodeLength).IsRequired();
        builder.Property(p => p.NameEn).HasMaxLength(Plan.MaxNameLength).IsRequired();
        builder.Property(p => p.NameZh).HasMaxLength(Plan.MaxNameLength).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.StripeMonthlyPriceId).HasMaxLength(ErpSaaS.Billing.BillingConsts.MaxExternalIdLength);
        builder.Property(p => p.StripeYearlyPriceId).HasMaxLength(ErpSaaS.Billing.BillingConsts.MaxExternalIdLength);
        builder.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasMany(p => p.FeatureValues).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.FeatureValues).HasField("_featureValues").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.DomainEvents);
    }
}

internal sealed class PlanFeatureValueConfiguration : IEntityTypeConfiguration<PlanFeatureValue>
{
    public void Configure(EntityTypeBuilder<PlanFeatureValue> builder)
    {
        builder.ToTable("plan_feature_values");
        builder.Property(v => v.Name).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Value).HasMaxLength(64).IsRequired();
        builder.HasIndex(v => new { v.PlanId, v.Name }).IsUnique();
    }
}

internal sealed class TenantFeatureOverrideConfiguration : IEntityTypeConfiguration<TenantFeatureOverride>
{
    public void Configure(EntityTypeBuilder<TenantFeatureOverride> builder)
    {
        builder.ToTable("tenant_feature_overrides");
        builder.Property(v => v.Name).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Value).HasMaxLength(64).IsRequired();
        builder.HasIndex(v => new { v.TenantId, v.Name }).IsUnique();
    }
}
