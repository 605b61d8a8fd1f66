using ErpSaaS.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>The link of the sign-up's confirmation mail (?userId=&amp;code=), on the company's subdomain.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : ErpPageModel
{
    public Guid UserId { get; set; }
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code)
    {
        var token = AccountLinks.DecodeCode(code);
        var user = token is null || userId == Guid.Empty ? null : await users.FindByIdAsync(userId.ToString());
        Confirmed = user is not null && (await users.ConfirmEmailAsync(user, token!)).Succeeded;
    }
}
