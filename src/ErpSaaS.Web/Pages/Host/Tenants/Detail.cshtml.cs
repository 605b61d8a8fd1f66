using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Host.Tenants;

/// <summary>One tenant for the operator, with the actions: trial, plan, feature overrides, suspension, own database.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Tenants)]
public sealed class DetailModel(ITenantAdminAppService tenants, IPermissionChecker permissions, ErpSaaS.Billing.IBillingAdminAppService billing,
    ErpSaaS.Billing.IImpersonationAppService impersonation, IPublicUrls urls) : AdminPageModel
{
    public TenantDetailDto Detail { get; private set; } = null!;
    public ErpSaaS.Billing.TenantBillingDto Billing { get; private set; } = null!;
    public IReadOnlyList<PlanOptionDto> Plans { get; private set; } = [];
    public bool CanManage { get; private set; }

    // One field per action form; a failed action shows its form again with what was typed.
    [BindProperty] public DateOnly? TrialEndsAt { get; set; }
    [BindProperty] public Guid? PlanId { get; set; }
    [BindProperty] public string? Feature { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? ConnectionString { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, resetInputs: true, cancellationToken);

    public Task<IActionResult> OnPostExtendTrialAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.ExtendTrialAsync(id, TrialEndsAt is { } day
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)
            : DateTimeOffset.MinValue, ct), cancellationToken);

    public Task<IActionResult> OnPostChangePlanAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.ChangePlanAsync(id, PlanId ?? Guid.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostSetFeatureAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.SetFeatureOverrideAsync(id, Feature ?? string.Empty, Value ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostClearFeatureAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.ClearFeatureOverrideAsync(id, Feature ?? string.Empty, ct), cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.SuspendAsync(id, ct), cancellationToken);

    public Task<IActionResult> OnPostUnsuspendAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.UnsuspendAsync(id, ct), cancellationToken);

    public Task<IActionResult> OnPostConnectionStringAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => tenants.SetConnectionStringAsync(id, ConnectionString, ct), cancellationToken);

    /// <summary>Support access: the reason goes to the tenant's audit trail, then the browser follows a one-time link to the tenant's subdomain.</summary>
    public async Task<IActionResult> OnPostImpersonateAsync(Guid id, CancellationToken cancellationToken)
    {
        ErpSaaS.Billing.ImpersonationLinkDto? link = null;
        if (await TryAsync(async () => link = await impersonation.StartAsync(id, Reason, cancellationToken), prefix: string.Empty))
        {
            return Redirect(urls.TenantSite(link!.Slug, ImpersonateModel.LinkPath(link.UserId, link.Code)));
        }
        await LoadAsync(id, resetInputs: false, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => action(cancellationToken), prefix: string.Empty))
        {
            TempData["Message"] = L["Host:Saved"].Value;
            return RedirectToPage(new { id });
        }
        await LoadAsync(id, resetInputs: false, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, bool resetInputs, CancellationToken cancellationToken)
    {
        Detail = await tenants.GetAsync(id, cancellationToken);
        Plans = await tenants.GetPlansAsync(cancellationToken);
        Billing = await billing.GetTenantBillingAsync(id, cancellationToken);
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Host.TenantsManage, cancellationToken);
        if (!resetInputs) return;
        TrialEndsAt = Detail.Tenant.TrialEndsAt is { } end ? DateOnly.FromDateTime(end.UtcDateTime) : null;
        PlanId = Detail.Tenant.PlanId;
    }
}
