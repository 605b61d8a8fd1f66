using ErpSaaS.Common;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Billing;

/// <summary>One line of "usage against the plan": something counted now against the plan's limit (null limit: not limited).</summary>
public sealed record UsageRowDto(string TextKey, int Used, int? Limit)
{
    public int Percent => Limit is > 0 and var limit ? (int)Math.Min(100, Math.Round(Used * 100m / limit)) : 0;
    public bool AtLimit => Limit is { } limit && Used >= limit;
}

public sealed record SubscriptionDto(
    Guid PlanId, BillingInterval Interval, SubscriptionStatus Status, PaymentProvider Provider, DateTimeOffset? TrialEndsAt,
    DateTimeOffset? CurrentPeriodStart, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd,
    string? StripeCustomerId, string? StripeSubscriptionId);

/// <summary>A plan as the comparison table shows it: prices and every feature value.</summary>
public sealed record PlanComparisonDto(
    Guid Id, string Code, string NameEn, string NameZh, decimal MonthlyPrice, decimal YearlyPrice, string Currency,
    IReadOnlyDictionary<string, string> Features)
{
    public string Name(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;
    public decimal PriceFor(BillingInterval interval) => interval == BillingInterval.Yearly ? YearlyPrice : MonthlyPrice;
}

public sealed record BillingInvoiceDto(
    Guid Id, Guid TenantId, string TenantName, string Number, PaymentProvider Provider, decimal Amount, string Currency,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, BillingInvoiceStatus Status, DateTimeOffset? PaidAt, string? HostedUrl,
    DateTimeOffset CreatedAt);

public sealed record BankTransferOrderDto(
    Guid Id, Guid TenantId, string TenantName, string Reference, Guid PlanId, string PlanNameEn, string PlanNameZh,
    BillingInterval Interval, decimal Amount, string Currency, BankTransferStatus Status, DateTimeOffset CreatedAt,
    decimal? PaidAmount, DateOnly? PaidOn, string? BankReference)
{
    public string PlanName(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? PlanNameZh : PlanNameEn;
}

/// <summary>Our account the company transfers to (configuration "Billing:BankTransfer").</summary>
public sealed class BankTransferOptions
{
    public const string Section = "Billing:BankTransfer";
    public string AccountName { get; set; } = string.Empty;
    public string BankName { get; set; } = string.Empty;
    public string AccountNumber { get; set; } = string.Empty;
}

/// <summary>What the company needs to pay by bank transfer: the reference to write on it, the amount and our account.</summary>
public sealed record BankTransferInstructionsDto(
    Guid OrderId, string Reference, decimal Amount, string Currency, string AccountName, string BankName, string AccountNumber);

/// <summary>The tenant's billing page.</summary>
public sealed record BillingOverviewDto(
    TenantStatus TenantStatus, Guid CurrentPlanId, SubscriptionDto? Subscription, IReadOnlyList<UsageRowDto> Usage,
    IReadOnlyList<PlanComparisonDto> Plans, IReadOnlyList<BillingInvoiceDto> Invoices, IReadOnlyList<BankTransferOrderDto> PendingTransfers,
    BankTransferOptions BankAccount, bool CheckoutAvailable);

/// <summary>The tenant's own billing: what it pays, what it uses, how to upgrade and pay.</summary>
public interface IBillingAppService
{
    Task<BillingOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default);
    Task<BankTransferInstructionsDto> StartBankTransferAsync(Guid planId, BillingInterval interval, CancellationToken cancellationToken = default);
    Task CancelBankTransferAsync(Guid orderId, CancellationToken cancellationToken = default);
    Task<Uri> StartCheckoutAsync(Guid planId, BillingInterval interval, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken = default);
    Task<Uri> StartPortalAsync(Uri returnUrl, CancellationToken cancellationToken = default);
}

public sealed class PaymentListQuery : PageRequest
{
    /// <summary>Part of the reference or the tenant's name.</summary>
    public string? Search { get; set; }
    public BankTransferStatus? Status { get; set; } = BankTransferStatus.Pending;
}

public sealed record MarkPaidInput(decimal Amount, DateOnly PaidOn, string? BankReference);

/// <summary>A tenant's billing as the operator sees it on the tenant's page.</summary>
public sealed record TenantBillingDto(
    SubscriptionDto? Subscription, IReadOnlyList<UsageRowDto> Usage, IReadOnlyList<BillingInvoiceDto> Invoices,
    IReadOnlyList<BankTransferOrderDto> Transfers);

/// <summary>The operator's side of billing: confirming bank transfers, invoices, a tenant's billing.</summary>
public interface IBillingAdminAppService
{
    Task<PagedResult<BankTransferOrderDto>> GetTransfersAsync(PaymentListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<BankTransferOrderDto>> ExportTransfersAsync(PaymentListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<BillingInvoiceDto>> GetRecentInvoicesAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>The money arrived: the order is paid, the subscription active for one interval, an invoice recorded — at once.</summary>
    Task<BillingInvoiceDto> MarkPaidAsync(Guid orderId, MarkPaidInput input, CancellationToken cancellationToken = default);

    Task<TenantBillingDto> GetTenantBillingAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>The operator's figures: tenants by status, MRR, 90-day trial→paid conversion, 12 weeks of sign-ups and conversions.</summary>
    Task<BillingFiguresDto> GetFiguresAsync(CancellationToken cancellationToken = default);
}

/// <param name="Mrr">Monthly recurring revenue in CNY: monthly prices plus yearly prices / 12 of active subscriptions.</param>
/// <param name="ConversionRate">Of the tenants created in the last 90 days, the share that paid (0–1).</param>
public sealed record BillingFiguresDto(
    IReadOnlyDictionary<TenantStatus, int> TenantsByStatus, decimal Mrr,
    int CreatedLast90Days, int PaidLast90Days, decimal ConversionRate, IReadOnlyList<WeekFigureDto> Weeks);

/// <summary>One week (starting Monday, UTC): tenants created, and tenants whose first payment fell in it.</summary>
public sealed record WeekFigureDto(DateOnly WeekStart, int NewTenants, int Conversions);

/// <summary>The one-time sign-in link as a tenant's admin: <c>/account/impersonate?userId=&amp;code=</c> on the tenant's subdomain.</summary>
public sealed record ImpersonationLinkDto(Guid TenantId, string Slug, Guid UserId, string Code);

/// <summary>The operator's support access: signing in as a tenant's admin, with a reason kept in the tenant's audit trail.</summary>
public interface IImpersonationAppService
{
    Task<ImpersonationLinkDto> StartAsync(Guid tenantId, string? reason, CancellationToken cancellationToken = default);
}

/// <summary>A plan in the operator's list.</summary>
public sealed record PlanListItemDto(Guid Id, string Code, string NameEn, string NameZh, decimal MonthlyPrice, decimal YearlyPrice,
    string Currency, bool IsVisible, bool IsTrial, int SortOrder)
{
    public string Name(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;
}

/// <summary>
/// What the operator edits on a plan. <see cref="Features"/> holds every feature's value by name ("true"/"false" or a
/// whole number); a boolean feature missing from it is off.
/// </summary>
public sealed class PlanEditInput
{
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public decimal MonthlyPrice { get; set; }
    public decimal YearlyPrice { get; set; }
    public string? StripeMonthlyPriceId { get; set; }
    public string? StripeYearlyPriceId { get; set; }
    public bool IsVisible { get; set; }
    public int SortOrder { get; set; }
    public Dictionary<string, string?> Features { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The operator's plans editor: names, prices, Stripe price ids, visibility, order and feature values.</summary>
public interface IPlanAdminAppService
{
    Task<IReadOnlyList<PlanListItemDto>> GetListAsync(CancellationToken cancellationToken = default);
    Task<(string Code, PlanEditInput Input)> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, PlanEditInput input, CancellationToken cancellationToken = default);
}
