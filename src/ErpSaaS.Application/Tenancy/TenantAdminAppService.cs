using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Tenancy;

/// <summary>The platform operator's tenants: list, detail, trial, plan, feature overrides, suspension, own database.</summary>
public sealed class TenantAdminAppService(
    IPermissionChecker permissions, ITenantQueries queries, ITenantRepository tenants, IPlanRepository plans,
    FeatureChecker features, IAuditLogQueries audit, ITenantDatabaseProvisioner databases, IUnitOfWork unitOfWork,
    TimeProvider clock) : ITenantAdminAppService
{
    public const int RecentAuditCount = 10;

    public async Task<PagedResult<TenantListItemDto>> GetListAsync(TenantListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Tenants, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<TenantListItemDto>> ExportAsync(TenantListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Tenants, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<TenantDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Tenants, cancellationToken);
        var tenant = await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Tenant), id);
        var effective = await features.GetAllAsync(id, cancellationToken);
        var plan = await plans.FindAsync(tenant.PlanId, cancellationToken);
        var overrides = (await plans.GetOverridesAsync(id, cancellationToken)).ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
        var featureRows = FeatureDefinitions.All
            .Select(d => new TenantFeatureDto(d.Name, d.DisplayKey, d.Type, effective[d.Name], plan?.FindFeature(d.Name), overrides.GetValueOrDefault(d.Name)))
            .ToList();
        var recent = await audit.GetAuditLogsAsync(
            new AuditLogQuery { TenantId = id, PageSize = RecentAuditCount, Sort = "executedAt", Desc = true }, allTenants: true, cancellationToken);
        return new TenantDetailDto(tenant, featureRows, recent.Items);
    }

    public async Task<IReadOnlyList<PlanOptionDto>> GetPlansAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Tenants, cancellationToken);
        return await queries.GetPlansAsync(cancellationToken);
    }

    public Task ExtendTrialAsync(Guid id, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (tenant, _) =>
        {
            if (until <= clock.GetUtcNow()) throw BusinessException.ForField("TrialEndsAt", ErrorCodes.SettingValueInvalid, "TrialEndsAt", until);
            tenant.ExtendTrial(until);
            // A trial that had lapsed into read-only is open again.
            if (tenant.Status == TenantStatus.ReadOnly) tenant.ChangeStatus(TenantStatus.Trialing);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task ChangePlanAsync(Guid id, Guid planId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (tenant, ct) =>
        {
            var plan = await plans.FindAsync(planId, ct) ?? throw BusinessException.ForField("PlanId", ErrorCodes.SettingValueInvalid, "PlanId", planId);
            tenant.ChangePlan(plan.Id);
        }, cancellationToken);

    public Task SetFeatureOverrideAsync(Guid id, string feature, string value, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (tenant, ct) =>
        {
            var definition = FeatureDefinitions.Exists(feature) ? FeatureDefinitions.Get(feature)
                : throw BusinessException.ForField("Feature", ErrorCodes.SettingValueInvalid, "Feature", feature);
            var normalized = value?.Trim().ToLowerInvariant();
            if (!definition.IsValid(normalized)) throw BusinessException.ForField("Value", ErrorCodes.SettingValueInvalid, feature, value);
            var existing = (await plans.GetOverridesAsync(tenant.Id, ct)).FirstOrDefault(o => o.Name == feature);
            if (existing is null) plans.AddOverride(new TenantFeatureOverride(tenant.Id, feature, normalized!));
            else existing.Change(normalized!);
        }, cancellationToken);

    public Task ClearFeatureOverrideAsync(Guid id, string feature, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (tenant, ct) =>
        {
            if ((await plans.GetOverridesAsync(tenant.Id, ct)).FirstOrDefault(o => o.Name == feature) is { } existing)
            {
                plans.RemoveOverride(existing);
            }
        }, cancellationToken);

    public Task SuspendAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (tenant, _) =>
        {
            tenant.ChangeStatus(TenantStatus.Suspended);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task UnsuspendAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (tenant, _) =>
        {
            if (tenant.Status != TenantStatus.Suspended) return Task.CompletedTask;
            tenant.ChangeStatus(tenant.TrialEndsAt > clock.GetUtcNow() ? TenantStatus.Trialing : TenantStatus.Active);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task SetConnectionStringAsync(Guid id, string? connectionString, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (tenant, ct) =>
        {
            var value = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString.Trim();
            if (value is not null && (value.Length > TenantConsts.MaxConnectionStringLength || !await databases.TryPrepareAsync(value, ct)))
            {
                // The value itself is a secret: the message never repeats it.
                throw BusinessException.ForField("ConnectionString", ErrorCodes.SettingValueInvalid, "ConnectionString", "***");
            }
            tenant.UseOwnDatabase(value);
        }, cancellationToken);

    private async Task ChangeAsync(Guid id, Func<Tenant, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Host.TenantsManage, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var tenant = await tenants.FindAsync(id, ct) ?? throw new EntityNotFoundException(nameof(Tenant), id);
            await change(tenant, ct);
            return true;
        }, cancellationToken);
    }
}
