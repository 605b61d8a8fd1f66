using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Billing;

/// <summary>
/// The tenant's billing page: plan, status, usage, plans to compare, invoices, and paying for an upgrade by bank
/// transfer or checkout. Stays open to a read-only tenant: paying is how it gets out of read-only.
/// </summary>
public sealed class BillingAppService(
    IPermissionChecker permissions, ICurrentTenant currentTenant, ITenantStore tenants, FeatureChecker features,
    IEnumerable<IUsageContributor> usage, IPlanRepository plans, HostScope host, ICheckoutProvider checkout,
    IOptions<BankTransferOptions> bankAccount, TimeProvider clock) : IBillingAppService
{
    public const int InvoiceCount = 24;

    public async Task<BillingOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = await AuthorizeAsync(cancellationToken);
        var tenant = await tenants.FindAsync(tenantId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        var usageRows = await UsageAsync(tenantId, features, usage, cancellationToken);
        var planRows = (await plans.GetAllAsync(cancellationToken))
            .Where(p => (p.IsVisible && !p.IsTrial) || p.Id == tenant.PlanId)
            .OrderBy(p => p.SortOrder)
            .Select(ToComparison)
            .ToList();
        var (subscription, invoices, pending) = await host.RunAsync(async sp =>
        {
            var queries = sp.GetRequiredService<IBillingQueries>();
            return (await queries.FindSubscriptionAsync(tenantId, cancellationToken),
                await queries.GetInvoicesAsync(tenantId, InvoiceCount, cancellationToken),
                await queries.GetTransfersOfTenantAsync(tenantId, BankTransferStatus.Pending, InvoiceCount, cancellationToken));
        });
        return new BillingOverviewDto(tenant.Status, tenant.PlanId, subscription, usageRows, planRows, invoices, pending,
            bankAccount.Value, checkout.IsAvailable);
    }

    public async Task<BankTransferInstructionsDto> StartBankTransferAsync(Guid planId, BillingInterval interval, CancellationToken cancellationToken = default)
    {
        var tenantId = await AuthorizeAsync(cancellationToken);
        var plan = await PayablePlanAsync(planId, cancellationToken);
        var amount = plan.PriceFor(interval);
        var order = new BankTransferOrder(tenantId, BankTransferReference.New(clock.GetUtcNow()), plan.Id, interval, amount, clock.GetUtcNow());
        await host.RunAsync(sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(_ =>
        {
            sp.GetRequiredService<IBillingRepository>().Add(order);
            return Task.FromResult(true);
        }, cancellationToken));
        var account = bankAccount.Value;
        return new BankTransferInstructionsDto(order.Id, order.Reference, order.Amount, order.Currency, account.AccountName, account.BankName, account.AccountNumber);
    }

    public async Task CancelBankTransferAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        var tenantId = await AuthorizeAsync(cancellationToken);
        await host.RunAsync(sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var order = await sp.GetRequiredService<IBillingRepository>().FindBankTransferAsync(orderId, ct);
            // Another tenant's order does not exist for this one.
            if (order is null || order.TenantId != tenantId) throw new EntityNotFoundException(nameof(BankTransferOrder), orderId);
            order.Cancel();
            return true;
        }, cancellationToken));
    }

    public async Task<Uri> StartCheckoutAsync(Guid planId, BillingInterval interval, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken = default)
    {
        var tenantId = await AuthorizeAsync(cancellationToken);
        if (!checkout.IsAvailable) throw new BusinessException(BillingErrorCodes.CheckoutUnavailable);
        var plan = await PayablePlanAsync(planId, cancellationToken);
        return await checkout.StartCheckoutAsync(tenantId, plan, interval, successUrl, cancelUrl);
    }

    public async Task<Uri> StartPortalAsync(Uri returnUrl, CancellationToken cancellationToken = default)
    {
        var tenantId = await AuthorizeAsync(cancellationToken);
        if (!checkout.IsAvailable) throw new BusinessException(BillingErrorCodes.CheckoutUnavailable);
        return await checkout.StartPortalAsync(tenantId, returnUrl);
    }

    /// <summary>Usage rows of every module, in their order, for the tenant (run inside it).</summary>
    internal static async Task<IReadOnlyList<UsageRowDto>> UsageAsync(
        Guid tenantId, FeatureChecker features, IEnumerable<IUsageContributor> contributors, CancellationToken cancellationToken)
    {
        var effective = await features.GetAllAsync(tenantId, cancellationToken);
        var rows = new List<UsageRowDto>();
        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            rows.AddRange(await contributor.GetUsageAsync(effective, cancellationToken));
        }
        return rows;
    }

    internal static PlanComparisonDto ToComparison(Plan plan) => new(
        plan.Id, plan.Code, plan.NameEn, plan.NameZh, plan.MonthlyPrice, plan.YearlyPrice, plan.Currency,
        FeatureDefinitions.All.ToDictionary(d => d.Name, d => plan.FindFeature(d.Name) ?? d.DefaultValue, StringComparer.Ordinal));

    private async Task<Plan> PayablePlanAsync(Guid planId, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(planId, cancellationToken);
        return plan is { IsVisible: true, IsTrial: false } ? plan : throw BusinessException.ForField("PlanId", BillingErrorCodes.PlanNotAvailable);
    }

    private async Task<Guid> AuthorizeAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Billing.Manage, cancellationToken);
        return currentTenant.Id ?? throw new AuthorizationException(ErpPermissions.Billing.Manage);
    }
}
