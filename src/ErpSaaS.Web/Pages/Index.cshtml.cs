using System.Globalization;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Menu;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.Web.Pages;

/// <summary>
/// Home. Inside a company: its plan, status, trial days left, users against the plan's limit and the pages the
/// user can open. For the operator: tenants by status. Anonymous visitors are sent to sign in.
/// </summary>
[Authorize]
public sealed class IndexModel(
    ICurrentTenant currentTenant, ITenantStore tenants, IPlanRepository plans, IFeatureChecker features,
    UserManager<AppUser> users, MenuProvider menu, ErpDbContext db, TimeProvider clock) : ErpPageModel
{
    public TenantInfo? Tenant { get; private set; }
    public string? PlanName { get; private set; }
    public int? TrialDaysLeft { get; private set; }
    public int UserCount { get; private set; }
    public int MaxUsers { get; private set; }
    public IReadOnlyList<MenuItem> QuickLinks { get; private set; } = [];
    public IReadOnlyDictionary<TenantStatus, int> TenantsByStatus { get; private set; } = new Dictionary<TenantStatus, int>();

    public bool IsHost => Tenant is null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        QuickLinks = (await menu.GetVisibleItemsAsync(cancellationToken)).Where(i => i.Url != "/").ToList();
        if (currentTenant.Id is { } tenantId)
        {
            Tenant = await tenants.FindAsync(tenantId, cancellationToken);
        }
        if (Tenant is null)
        {
            TenantsByStatus = await db.Tenants.AsNoTracking()
                .GroupBy(t => t.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
            return;
        }
        PlanName = (await plans.FindAsync(Tenant.PlanId, cancellationToken))?.DisplayName(CultureInfo.CurrentUICulture.Name);
        if (Tenant.TrialEndsAt is { } trialEnd)
        {
            TrialDaysLeft = Math.Max(0, (int)Math.Ceiling((trialEnd - clock.GetUtcNow()).TotalDays));
        }
        UserCount = await users.Users.CountAsync(u => u.IsActive, cancellationToken);
        MaxUsers = await features.GetLimitAsync(ErpFeatures.MaxUsers, cancellationToken);
    }
}
