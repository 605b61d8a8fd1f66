using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Features;

namespace ErpSaaS.Tenancy;

public sealed class TenantListQuery : PageRequest
{
    /// <summary>Part of the name or slug.</summary>
    public string? Search { get; set; }
    public TenantStatus? Status { get; set; }
    public Guid? PlanId { get; set; }

    /// <summary>Trials ending before this day (UTC), to follow up before they lapse.</summary>
    public DateOnly? TrialEndsBefore { get; set; }
}

public sealed record TenantListItemDto(
    Guid Id, string Name, string Slug, TenantStatus Status, Guid PlanId, string PlanCode, string PlanNameEn, string PlanNameZh,
    DateTimeOffset? TrialEndsAt, DateTimeOffset CreatedAt, int UserCount, bool HasOwnDatabase)
{
    public string PlanName(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? PlanNameZh : PlanNameEn;
}

public sealed record PlanOptionDto(Guid Id, string Code, string NameEn, string NameZh)
{
    public string Name(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;
}

/// <param name="OverrideValue">The operator's per-tenant value, null when the plan (or the default) decides.</param>
public sealed record TenantFeatureDto(string Name, string DisplayKey, FeatureValueType Type, string EffectiveValue, string? PlanValue, string? OverrideValue);

public sealed record TenantDetailDto(TenantListItemDto Tenant, IReadOnlyList<TenantFeatureDto> Features, IReadOnlyList<AuditLogDto> RecentAudit);

/// <summary>The platform operator's tenant administration (host side).</summary>
public interface ITenantAdminAppService
{
    Task<PagedResult<TenantListItemDto>> GetListAsync(TenantListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<TenantListItemDto>> ExportAsync(TenantListQuery query, CancellationToken cancellationToken = default);
    Task<TenantDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PlanOptionDto>> GetPlansAsync(CancellationToken cancellationToken = default);

    Task ExtendTrialAsync(Guid id, DateTimeOffset until, CancellationToken cancellationToken = default);
    Task ChangePlanAsync(Guid id, Guid planId, CancellationToken cancellationToken = default);
    Task SetFeatureOverrideAsync(Guid id, string feature, string value, CancellationToken cancellationToken = default);
    Task ClearFeatureOverrideAsync(Guid id, string feature, CancellationToken cancellationToken = default);
    Task SuspendAsync(Guid id, CancellationToken cancellationToken = default);
    Task UnsuspendAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Moves the tenant to its own database after checking the connection and migrating it; null or empty moves it back.</summary>
    Task SetConnectionStringAsync(Guid id, string? connectionString, CancellationToken cancellationToken = default);
}
