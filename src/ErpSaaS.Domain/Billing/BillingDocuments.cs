using ErpSaaS.Common;

namespace ErpSaaS.Billing;

/// <summary>An invoice of the platform to a tenant (from Stripe, or recorded when a bank transfer is confirmed).</summary>
public sealed class BillingInvoice : Entity, IHasCreationTime
{
    private BillingInvoice() { }

    public BillingInvoice(Guid tenantId, PaymentProvider provider, string number, decimal amount, string currency,
        DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset createdAt, string? externalId = null, string? hostedUrl = null)
    {
        TenantId = tenantId;
        Provider = provider;
        Number = number;
        Amount = amount;
        Currency = currency;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        CreatedAt = createdAt;
        ExternalId = externalId;
        HostedUrl = hostedUrl;
        Status = BillingInvoiceStatus.Open;
    }

    public Guid TenantId { get; private set; }
    public PaymentProvider Provider { get; private set; }
    public string Number { get; private set; } = null!;
    public string? ExternalId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = BillingConsts.Currency;
    public DateTimeOffset PeriodStart { get; private set; }
    public DateTimeOffset PeriodEnd { get; private set; }
    public BillingInvoiceStatus Status { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public string? HostedUrl { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void MarkPaid(DateTimeOffset at)
    {
        Status = BillingInvoiceStatus.Paid;
        PaidAt ??= at;
    }

    public void MarkStatus(BillingInvoiceStatus status, string? hostedUrl)
    {
        Status = status;
        HostedUrl = hostedUrl ?? HostedUrl;
    }
}

/// <summary>
/// 对公转账: an order to pay by bank transfer with a reference the company writes on the transfer; the operator
/// confirms it when the money arrives, which activates the subscription for the period.
/// </summary>
public sealed class BankTransferOrder : Entity, IHasCreationTime
{
    private BankTransferOrder() { }

    public BankTransferOrder(Guid tenantId, string reference, Guid planId, BillingInterval interval, decimal amount, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Reference = reference;
        PlanId = planId;
        Interval = interval;
        Amount = amount;
        CreatedAt = createdAt;
        Status = BankTransferStatus.Pending;
    }

    public Guid TenantId { get; private set; }
    public string Reference { get; private set; } = null!;
    public Guid PlanId { get; private set; }
    public BillingInterval Interval { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = BillingConsts.Currency;
    public BankTransferStatus Status { get; private set; }
    public decimal? PaidAmount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? BankReference { get; private set; }
    public Guid? ConfirmedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void ConfirmPaid(decimal amount, DateOnly paidOn, string bankReference, Guid confirmedBy)
    {
        if (Status != BankTransferStatus.Pending)
        {
            throw new BusinessException(Errors.ErrorCodes.BankTransferNotPending, Reference);
        }
        if (amount <= 0) throw BusinessException.ForField(nameof(PaidAmount), Errors.ErrorCodes.AmountMustBePositive);
        Status = BankTransferStatus.Paid;
        PaidAmount = amount;
        PaidOn = paidOn;
        BankReference = bankReference.Trim();
        ConfirmedByUserId = confirmedBy;
    }

    public void Cancel()
    {
        if (Status != BankTransferStatus.Pending)
        {
            throw new BusinessException(Errors.ErrorCodes.BankTransferNotPending, Reference);
        }
        Status = BankTransferStatus.Cancelled;
    }
}

/// <summary>A webhook event as received (stored once per event id), and what applying it did.</summary>
public sealed class StripeWebhookEvent : Entity
{
    private StripeWebhookEvent() { }

    public StripeWebhookEvent(string eventId, string type, string payload, DateTimeOffset created, DateTimeOffset receivedAt)
    {
        EventId = eventId;
        Type = type;
        Payload = payload;
        StripeCreatedAt = created;
        ReceivedAt = receivedAt;
        Status = WebhookEventStatus.Received;
    }

    public string EventId { get; private set; } = null!;
    public string Type { get; private set; } = null!;
    public string Payload { get; private set; } = null!;
    public DateTimeOffset StripeCreatedAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public Guid? TenantId { get; private set; }
    public WebhookEventStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public string? Result { get; private set; }

    public void Processed(Guid? tenantId, WebhookEventStatus status, string result, DateTimeOffset at)
    {
        TenantId = tenantId ?? TenantId;
        Status = status;
        Result = result.Length > 2000 ? result[..2000] : result;
        ProcessedAt = at;
        Attempts++;
    }

    /// <summary>The operator replays an event: it is applied again (idempotently) by the next run.</summary>
    public void Replay()
    {
        Status = WebhookEventStatus.Received;
        ProcessedAt = null;
    }
}

public interface IBillingRepository
{
    Task<Subscription?> FindSubscriptionAsync(Guid tenantId, CancellationToken cancellationToken = default);
    Task<Subscription?> FindSubscriptionByStripeAsync(string? customerId, string? subscriptionId, CancellationToken cancellationToken = default);
    void Add(Subscription subscription);
    void Add(BillingInvoice invoice);
    void Add(BankTransferOrder order);
    void Add(StripeWebhookEvent webhookEvent);
    Task<BillingInvoice?> FindInvoiceByExternalIdAsync(string externalId, CancellationToken cancellationToken = default);
    Task<BankTransferOrder?> FindBankTransferAsync(Guid id, CancellationToken cancellationToken = default);
    Task<StripeWebhookEvent?> FindWebhookEventAsync(string eventId, CancellationToken cancellationToken = default);
}
