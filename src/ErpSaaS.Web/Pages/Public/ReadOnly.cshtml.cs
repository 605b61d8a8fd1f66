using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.Public;

/// <summary>What a change of a read-only company gets: why, and the way out (upgrade).</summary>
[AllowAnonymous]
public sealed class ReadOnlyModel : ErpPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
