using ErpSaaS.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>Shown after too many failed sign-ins (for any user name, known or not).</summary>
[AllowAnonymous]
public sealed class LockoutModel : ErpPageModel
{
    public int Minutes => (int)ErpIdentityOptions.LockoutDuration.TotalMinutes;

    public void OnGet()
    {
    }
}
