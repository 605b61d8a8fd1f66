using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Billing;

/// <summary>The operator confirms bank transfers (对公转账) and sees every tenant's invoices and billing.</summary>
public sealed class BillingAdminAppService(
    IPermissionChecker permissions, IBillingQueries queries, IBillingRepository billing, IBillingInvoiceNumbers numbers,
    ICurrentUser currentUser, IUnitOfWork unitOfWork, IServiceScopeFactory scopes, TimeProvider clock) : IBillingAdminAppService
{
    public const int TenantRowCount = 20;

    public async Task<PagedResult<BankTransferOrderDto>> GetTransfersAsync(PaymentListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        query.ClampForScreen();
        return await queries.GetTransfersAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<BankTransferOrderDto>> ExportTransfersAsync(PaymentListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        query.ClampForExport();
        return (await queries.GetTransfersAsync(query, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<BillingInvoiceDto>> GetRecentInvoicesAsync(int count, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        return await queries.GetInvoicesAsync(null, Math.Clamp(count, 1, PageRequest.MaxPageSize), cancellationToken);
    }

    public async Task<BillingFiguresDto> GetFiguresAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        return await queries.GetFiguresAsync(clock.GetUtcNow(), cancellationToken);
    }

    public async Task<BillingInvoiceDto> MarkPaidAsync(Guid orderId, MarkPaidInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        var now = clock.GetUtcNow();
        if (input.Amount <= 0) throw BusinessException.ForField(nameof(input.Amount), ErrorCodes.AmountMustBePositive);
        if (input.PaidOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)) throw BusinessException.ForField(nameof(input.PaidOn), BillingErrorCodes.PaidOnInFuture);
        if (string.IsNullOrWhiteSpace(input.BankReference)) throw BusinessException.ForField(nameof(input.BankReference), BillingErrorCodes.BankReferenceRequired);
        if (input.BankReference.Trim().Length > BillingConsts.MaxReferenceLength)
        {
            throw BusinessException.ForField(nameof(input.BankReference), ErrorCodes.SettingValueInvalid, nameof(input.BankReference), input.BankReference);
        }
        var operatorId = currentUser.Id ?? throw new AuthorizationException(ErpPermissions.Host.Billing);

        var invoice = await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await billing.FindBankTransferAsync(orderId, ct) ?? throw new EntityNotFoundException(nameof(BankTransferOrder), orderId);
            var subscription = await billing.FindSubscriptionAsync(order.TenantId, ct) ?? throw new EntityNotFoundException(nameof(Subscription), order.TenantId);
            order.ConfirmPaid(input.Amount, input.PaidOn, input.BankReference, operatorId);
            // A renewal paid while the period still runs extends it; otherwise the new period starts today.
            var start = subscription.Status == SubscriptionStatus.Active && subscription.CurrentPeriodEnd is { } end && end > now ? end : now;
            var periodEnd = order.Interval == BillingInterval.Yearly ? start.AddYears(1) : start.AddMonths(1);
            subscription.Activate(order.PlanId, order.Interval, PaymentProvider.BankTransfer, start, periodEnd);
            var invoice = new BillingInvoice(order.TenantId, PaymentProvider.BankTransfer, await numbers.NextAsync(now, ct), input.Amount, order.Currency,
                start, periodEnd, now, externalId: order.Reference);
            invoice.MarkPaid(now);
            billing.Add(invoice);
            return invoice;
        }, cancellationToken);
        return (await queries.GetInvoicesAsync(invoice.TenantId, TenantRowCount, cancellationToken)).Single(i => i.Id == invoice.Id);
    }

    public async Task<TenantBillingDto> GetTenantBillingAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Tenants, cancellationToken);
        var subscription = await queries.FindSubscriptionAsync(tenantId, cancellationToken);
        var invoices = await queries.GetInvoicesAsync(tenantId, TenantRowCount, cancellationToken);
        var transfers = await queries.GetTransfersOfTenantAsync(tenantId, null, TenantRowCount, cancellationToken);
        // Usage is tenant data: counted inside the tenant.
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var usage = await BillingAppService.UsageAsync(tenantId, scope.ServiceProvider.GetRequiredService<FeatureChecker>(),
            scope.ServiceProvider.GetServices<IUsageContributor>(), cancellationToken);
        return new TenantBillingDto(subscription, usage, invoices, transfers);
    }
}
