using ErpSaaS.Analytics;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Analytics.Exceptions;

/// <summary>The exceptions list: counts per kind as tabs, one page of the chosen kind, each linking to its documents.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Analytics.ExceptionsView)]
public sealed class IndexModel(IExceptionListAppService exceptions) : ErpPageModel
{
    public ExceptionListQuery Query { get; private set; } = new();
    public ExceptionListDto List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] ExceptionListQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        List = await exceptions.GetAsync(query, cancellationToken);
    }
}
