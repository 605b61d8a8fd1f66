using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Host.Tenants;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Tenants)]
public sealed class IndexModel(ITenantAdminAppService tenants, TimeProvider clock) : AdminPageModel
{
    public TenantListQuery Query { get; private set; } = new();
    public PagedResult<TenantListItemDto> Result { get; private set; } = null!;
    public IReadOnlyList<PlanOptionDto> Plans { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] TenantListQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        Result = await tenants.GetListAsync(query, cancellationToken);
        Plans = await tenants.GetPlansAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] TenantListQuery query, CancellationToken cancellationToken) =>
        CsvExport.File("tenants", clock.GetUtcNow(), await tenants.ExportAsync(query, cancellationToken),
            new CsvColumn<TenantListItemDto>(L["Host:TenantName"], t => t.Name),
            new CsvColumn<TenantListItemDto>(L["Host:Slug"], t => t.Slug),
            new CsvColumn<TenantListItemDto>(L["Host:Plan"], t => t.PlanCode),
            new CsvColumn<TenantListItemDto>(L["Host:Status"], t => L[$"Host:TenantStatus:{t.Status}"].Value),
            new CsvColumn<TenantListItemDto>(L["Host:TrialEndsAt"], t => t.TrialEndsAt),
            new CsvColumn<TenantListItemDto>(L["Host:UserCount"], t => t.UserCount),
            new CsvColumn<TenantListItemDto>(L["Host:OwnDatabase"], t => t.HasOwnDatabase),
            new CsvColumn<TenantListItemDto>(L["Host:CreatedAt"], t => t.CreatedAt));
}
