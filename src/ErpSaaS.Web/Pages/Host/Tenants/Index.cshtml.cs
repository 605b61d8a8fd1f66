using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.Host.Tenants;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Tenants)]
public sealed class IndexModel(ITenantAdminAppService tenants, TimeProvider clock) : ListPageModel<TenantListQuery, TenantListItemDto>(clock)
{
    public IReadOnlyList<PlanOptionDto> Plans { get; private set; } = [];

    protected override string ExportName => "tenants";

    protected override Task<PagedResult<TenantListItemDto>> GetPageAsync(TenantListQuery query, CancellationToken cancellationToken) =>
        tenants.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<TenantListItemDto>> ExportAsync(TenantListQuery query, CancellationToken cancellationToken) =>
        tenants.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        Plans = await tenants.GetPlansAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<TenantListItemDto>> ExportColumns() =>
    [
        new(L["Host:TenantName"], t => t.Name),
        new(L["Host:Slug"], t => t.Slug),
        new(L["Host:Plan"], t => t.PlanCode),
        new(L["Host:Status"], t => L[$"Host:TenantStatus:{t.Status}"].Value),
        new(L["Host:TrialEndsAt"], t => t.TrialEndsAt),
        new(L["Host:UserCount"], t => t.UserCount),
        new(L["Host:OwnDatabase"], t => t.HasOwnDatabase),
        new(L["Host:CreatedAt"], t => t.CreatedAt),
    ];
}
