namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>The account steps tests go through again and again, done the way a user does them.</summary>
public static class AccountFlows
{
    /// <summary>Opens an e-mailed password link (reset or invitation) and submits the new password.</summary>
    public static async Task<ErpPage> SetPasswordAsync(this ErpBrowser browser, string link, string password, string? confirmation = null) =>
        await browser.SubmitAsync(await browser.GetAsync(link), "#set-password-form", new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirmation ?? password,
        });

    /// <summary>Signs in with a password, then gives <paramref name="code"/> (authenticator or recovery) at the second step.</summary>
    public static async Task<ErpPage> SignInWithCodeAsync(this ErpBrowser browser, string userName, string password, string code, string? company = null) =>
        await browser.SubmitAsync(await browser.SignInAsync(userName, password, company), "#login-2fa-form",
            new Dictionary<string, string?> { ["Input.Code"] = code });
}
