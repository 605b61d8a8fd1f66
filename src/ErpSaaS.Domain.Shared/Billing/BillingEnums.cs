namespace ErpSaaS.Billing;

public enum BillingInterval
{
    Monthly = 0,
    Yearly = 1,
}

/// <summary>Where a subscription stands with its payments; the tenant's status follows from it (see TenantLifecycle).</summary>
public enum SubscriptionStatus
{
    Trialing = 0,
    Active = 1,
    PastDue = 2,
    Canceled = 3,
}

public enum PaymentProvider
{
    None = 0,
    Stripe = 1,
    BankTransfer = 2,
}

public enum BankTransferStatus
{
    Pending = 0,
    Paid = 1,
    Cancelled = 2,
}

public enum BillingInvoiceStatus
{
    Open = 0,
    Paid = 1,
    Void = 2,
    Uncollectible = 3,
}

public enum WebhookEventStatus
{
    Received = 0,
    Processed = 1,
    Failed = 2,
    Ignored = 3,
}

public static class BillingConsts
{
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromDays(7);
    public const int MaxExternalIdLength = 255;
    public const int MaxReferenceLength = 64;
    public const string Currency = "CNY";

    /// <summary>How long the operator's one-time sign-in link as a tenant's admin stays valid.</summary>
    public static readonly TimeSpan ImpersonationLinkLifetime = TimeSpan.FromMinutes(2);
    public const int MaxImpersonationReasonLength = 500;
}
