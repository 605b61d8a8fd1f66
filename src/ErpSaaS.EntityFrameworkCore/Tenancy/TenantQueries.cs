using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Tenancy;

/// <summary>
/// Tenants as the operator lists them, with plan and user count. Counting users means reading every tenant's
/// user rows: the tenant filter is lifted explicitly for these queries (host side only).
/// </summary>
internal sealed class TenantQueries(ErpDbContext db) : ITenantQueries
{
    private sealed class TenantRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = null!;
        public string Slug { get; init; } = null!;
        public TenantStatus Status { get; init; }
        public Guid PlanId { get; init; }
        public string PlanCode { get; init; } = null!;
        public string PlanNameEn { get; init; } = null!;
        public string PlanNameZh { get; init; } = null!;
        public DateTimeOffset? TrialEndsAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public int UserCount { get; init; }
        public bool HasOwnDatabase { get; init; }
    }

    private static readonly SortMap<TenantRow> Sorts = new SortMap<TenantRow>("createdAt", true, t => t.Id)
        .Add("name", t => t.Name)
        .Add("slug", t => t.Slug)
        .Add("status", t => t.Status)
        .Add("plan", t => t.PlanCode)
        .Add("trialEndsAt", t => t.TrialEndsAt)
        .Add("createdAt", t => t.CreatedAt)
        .Add("userCount", t => t.UserCount);

    public async Task<PagedResult<TenantListItemDto>> GetListAsync(TenantListQuery query, CancellationToken cancellationToken = default)
    {
        using var lifted = db.DisableTenantFilter();
        var tenants = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            tenants = tenants.Where(t => EF.Functions.ILike(t.Name, pattern) || EF.Functions.ILike(t.Slug, pattern));
        }
        if (query.Status is { } status) tenants = tenants.Where(t => t.Status == status);
        if (query.PlanId is { } planId) tenants = tenants.Where(t => t.PlanId == planId);
        if (query.TrialEndsBefore is { } day)
        {
            var before = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            tenants = tenants.Where(t => t.TrialEndsAt != null && t.TrialEndsAt < before);
        }
        return await Sorts.Apply(Rows(tenants), query.Sort, query.Desc).ToPageAsync(query, ToDto, cancellationToken);
    }

    public async Task<TenantListItemDto?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var lifted = db.DisableTenantFilter();
        return await Rows(db.Tenants.AsNoTracking().Where(t => t.Id == id)).Select(ToDto).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PlanOptionDto>> GetPlansAsync(CancellationToken cancellationToken = default) =>
        await db.Plans.AsNoTracking().OrderBy(p => p.SortOrder)
            .Select(p => new PlanOptionDto(p.Id, p.Code, p.NameEn, p.NameZh)).ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<TenantRow, TenantListItemDto>> ToDto = r => new TenantListItemDto(
        r.Id, r.Name, r.Slug, r.Status, r.PlanId, r.PlanCode, r.PlanNameEn, r.PlanNameZh, r.TrialEndsAt, r.CreatedAt, r.UserCount, r.HasOwnDatabase);

    private IQueryable<TenantRow> Rows(IQueryable<Tenant> tenants) =>
        tenants.Join(db.Plans, t => t.PlanId, p => p.Id, (t, p) => new TenantRow
        {
            Id = t.Id, Name = t.Name, Slug = t.Slug, Status = t.Status, PlanId = t.PlanId,
            PlanCode = p.Code, PlanNameEn = p.NameEn, PlanNameZh = p.NameZh,
            TrialEndsAt = t.TrialEndsAt, CreatedAt = t.CreatedAt,
            UserCount = db.Users.Count(u => u.TenantId == t.Id),
            HasOwnDatabase = t.ConnectionString != null,
        });
}
