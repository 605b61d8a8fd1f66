using ErpSaaS.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// A page opened from an e-mailed link (?userId=&amp;code=) that sets a password with the link's reset token:
/// the password reset and the invitation. A bad or used link, or a user of another company, reads "invalid or expired".
/// </summary>
public abstract class PasswordLinkPageModel(UserManager<AppUser> users) : ErpPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public SetPasswordInput Input { get; set; } = new();

    public bool LinkInvalid { get; private set; }

    /// <summary>The user the link was sent to, once the link checked out.</summary>
    public AppUser? LinkUser { get; private set; }

    protected UserManager<AppUser> Users => users;

    /// <summary>The user the link is for, when the link may be used; else marks it invalid.</summary>
    protected async Task<AppUser?> LinkUserAsync()
    {
        var user = AccountLinks.DecodeCode(Code) is null || UserId == Guid.Empty ? null : await users.FindByIdAsync(UserId.ToString());
        if (user is null || !IsUsable(user))
        {
            LinkInvalid = true;
            return null;
        }
        return LinkUser = user;
    }

    /// <summary>Whether this kind of link may still be used for the user (an invitation only while it is pending).</summary>
    protected abstract bool IsUsable(AppUser user);

    /// <summary>Sets the password; false (with messages next to the field, or the link marked invalid) when refused.</summary>
    protected async Task<bool> SetPasswordAsync(AppUser user)
    {
        var result = await users.ResetPasswordAsync(user, AccountLinks.DecodeCode(Code)!, Input.NewPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            LinkInvalid = true;
            return false;
        }
        if (!Check(result, FieldKey(InputPrefix, nameof(SetPasswordInput.NewPassword)))) return false;
        // Whoever proves access to the mailbox gets a clean slate.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LinkUserAsync();
        return Page();
    }
}
