using ErpSaaS.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Billing;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.Property(s => s.StripeCustomerId).HasMaxLength(BillingConsts.MaxExternalIdLength);
        builder.Property(s => s.StripeSubscriptionId).HasMaxLength(BillingConsts.MaxExternalIdLength);
        builder.Property(s => s.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(s => s.TenantId).IsUnique();
        builder.HasIndex(s => s.StripeCustomerId);
        builder.HasIndex(s => s.StripeSubscriptionId);
        builder.Ignore(s => s.DomainEvents);
    }
}

internal sealed class BillingInvoiceConfiguration : IEntityTypeConfiguration<BillingInvoice>
{
    public void Configure(EntityTypeBuilder<BillingInvoice> builder)
    {
        builder.ToTable("billing_invoices");
        builder.Property(i => i.Number).HasMaxLength(BillingConsts.MaxReferenceLength).IsRequired();
        builder.Property(i => i.ExternalId).HasMaxLength(BillingConsts.MaxExternalIdLength);
        builder.Property(i => i.Currency).HasMaxLength(3).IsRequired();
        builder.Property(i => i.HostedUrl).HasMaxLength(1024);
        builder.HasIndex(i => new { i.TenantId, i.CreatedAt });
        builder.HasIndex(i => i.ExternalId).IsUnique();
    }
}

internal sealed class BankTransferOrderConfiguration : IEntityTypeConfiguration<BankTransferOrder>
{
    public void Configure(EntityTypeBuilder<BankTransferOrder> builder)
    {
        builder.ToTable("bank_transfer_orders");
        builder.Property(o => o.Reference).HasMaxLength(BillingConsts.MaxReferenceLength).IsRequired();
        builder.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        builder.Property(o => o.BankReference).HasMaxLength(BillingConsts.MaxReferenceLength);
        builder.HasIndex(o => o.Reference).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.CreatedAt });
        builder.HasIndex(o => o.Status);
    }
}

internal sealed class StripeWebhookEventConfiguration : IEntityTypeConfiguration<StripeWebhookEvent>
{
    public void Configure(EntityTypeBuilder<StripeWebhookEvent> builder)
    {
        builder.ToTable("stripe_webhook_events");
        builder.Property(e => e.EventId).HasMaxLength(BillingConsts.MaxExternalIdLength).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(128).IsRequired();
        builder.Property(e => e.Payload).HasColumnType("jsonb").IsRequired();
        builder.Property(e => e.Result).HasMaxLength(2000);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.Status, e.ReceivedAt });
        builder.HasIndex(e => new { e.TenantId, e.ReceivedAt });
    }
}

internal sealed class SubscriptionReminderConfiguration : IEntityTypeConfiguration<SubscriptionReminder>
{
    public void Configure(EntityTypeBuilder<SubscriptionReminder> builder)
    {
        builder.ToTable("subscription_reminders");
        builder.Property(r => r.Kind).HasMaxLength(SubscriptionReminder.MaxKindLength).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.Kind, r.DueAt }).IsUnique();
    }
}
