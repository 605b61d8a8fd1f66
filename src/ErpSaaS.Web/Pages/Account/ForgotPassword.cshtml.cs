using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Account;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// Sends a password-reset link to the account named by user name or e-mail. The answer is always the same
/// ("if the account exists, we sent a link"), so the page tells nobody which accounts exist.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(ResolvedTenant resolved, TenantSignIn scopes) : ErpPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public bool AsksForCompany => resolved.Tenant is null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var (tenant, unknownCompany) = await scopes.ChooseCompanyAsync(resolved.Tenant, Input.Company, HttpContext.RequestAborted);
        if (!unknownCompany && tenant is not { CanSignIn: false })
        {
            await scopes.InTenantAsync(tenant?.Id, services => SendLinksAsync(services, Input.UserNameOrEmail.Trim()));
        }
        Sent = true;
        return Page();
    }

    private async Task<bool> SendLinksAsync(IServiceProvider services, string userNameOrEmail)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var links = services.GetRequiredService<AccountLinks>();
        var emails = services.GetRequiredService<AccountEmails>();
        var byName = await users.FindByNameAsync(userNameOrEmail);
        var normalizedEmail = users.NormalizeEmail(userNameOrEmail);
        // E-mail addresses need not be unique inside a company: everyone using this one gets their own link.
        var accounts = byName is not null
            ? [byName]
            : await users.Users.Where(u => u.NormalizedEmail == normalizedEmail).ToListAsync(HttpContext.RequestAborted);
        foreach (var user in accounts.Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email)))
        {
            await emails.QueuePasswordResetAsync(user, await links.PasswordResetAsync(user, HttpContext.RequestAborted), HttpContext.RequestAborted);
        }
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(HttpContext.RequestAborted);
        return true;
    }

    public sealed class InputModel : CompanyInput
    {
        [Required]
        [StringLength(256)]
        [Display(Name = "Account:UserNameOrEmail")]
        public string UserNameOrEmail { get; set; } = string.Empty;
    }
}
