using ErpSaaS.Common;
using ErpSaaS.Web.Errors;
using ErpSaaS.Web.Localization;
using ErpSaaS.Web.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.Web.Pages;

/// <summary>
/// Base of the app's page models: the localizer, and <see cref="TryAsync"/> to call an application service and
/// turn a broken business rule into a localized message next to its field ("Input.{Field}") instead of an error page.
/// </summary>
public abstract class ErpPageModel : PageModel
{
    /// <summary>The prefix of bound input models (<c>[BindProperty] public InputModel Input</c>).</summary>
    public const string InputPrefix = "Input";

    private ErpStringLocalizer? _localizer;

    protected ErpStringLocalizer L => _localizer ??= HttpContext.RequestServices.GetRequiredService<ErpStringLocalizer>();

    /// <summary>
    /// Runs <paramref name="work"/>; on a <see cref="BusinessException"/> or a concurrency conflict adds the localized
    /// message to ModelState (under "{prefix}.{Field}", or the summary when the rule names no field) and returns false.
    /// Refusals (403) and missing entities (404) are not caught: they end on the error page. When the request holds text
    /// the database cannot store, the work does not run: the message is already next to its field.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> work, string prefix = InputPrefix)
    {
        if (StorableText.WasRefused(HttpContext)) return false;
        try
        {
            await work();
            return true;
        }
        catch (Exception error) when (ErpErrorMapper.IsUserCorrectable(error))
        {
            AddError(error, prefix);
            return false;
        }
    }

    /// <summary>Shows a business error or concurrency conflict like <see cref="TryAsync"/> does.</summary>
    protected void AddError(Exception error, string prefix = InputPrefix)
    {
        var mapper = HttpContext.RequestServices.GetRequiredService<ErpErrorMapper>();
        switch (error)
        {
            case BusinessException business:
                ModelState.AddModelError(business.Field is null ? string.Empty : FieldKey(prefix, business.Field), mapper.Message(business));
                break;
            case DbUpdateConcurrencyException:
                ModelState.AddModelError(string.Empty, mapper.ConcurrencyMessage);
                break;
            default:
                throw new ArgumentException("Only business errors and concurrency conflicts are shown on the page.", nameof(error));
        }
    }

    /// <summary>Shows Identity's (localized) errors next to <paramref name="field"/>, or in the summary. Returns whether it succeeded.</summary>
    protected bool Check(IdentityResult result, string? field = null)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(field ?? string.Empty, error.Description);
        }
        return result.Succeeded;
    }

    /// <summary>
    /// Keeps only the ModelState entries of one form (<paramref name="prefix"/>, e.g. "Password") on a page with several
    /// forms, so the other forms' empty fields do not fail this one; returns whether what is left is valid.
    /// </summary>
    protected bool IsValidFor(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.Length > 0 && k != prefix && !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        return ModelState.IsValid;
    }

    /// <summary>A message for the next page shown (after a redirect), given as a localization key so it renders in that page's language.</summary>
    protected void Flash(string textKey) => TempData[FlashKey] = textKey;

    public const string FlashKey = "erp:flash";

    /// <summary>Redirects to <paramref name="returnUrl"/> when it points into this site, else home (no open redirects).</summary>
    protected IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : LocalRedirect("/");

    public static string FieldKey(string prefix, string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
}
