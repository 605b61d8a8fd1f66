using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Web.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ErpSaaS.Web.Administration;

/// <summary>
/// What the administration pages share until the shell's page base takes it over: business errors become field
/// errors (the input stays on the form), a missing entity answers 404, a refused permission or feature 403.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    private IStringLocalizer? _localizer;

    protected IStringLocalizer L => _localizer ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();

    /// <summary>Runs a command; a <see cref="BusinessException"/> lands in ModelState (on its field under <paramref name="prefix"/>).</summary>
    protected async Task<bool> TryAsync(Func<Task> command, string prefix = "Input")
    {
        if (!ModelState.IsValid) return false;
        try
        {
            await command();
            return true;
        }
        catch (BusinessException error)
        {
            AddError(ModelState, error, L, prefix);
            return false;
        }
    }

    public static void AddError(ModelStateDictionary modelState, BusinessException error, IStringLocalizer localizer, string prefix)
    {
        var key = error.Field is null ? string.Empty : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}";
        modelState.AddModelError(key, Message(error, localizer));
    }

    /// <summary>"Error:{code}" with the arguments; feature names among them are shown by their display names.</summary>
    public static string Message(BusinessException error, IStringLocalizer localizer)
    {
        var args = error.Args.Select(a => a is string name && FeatureDefinitions.Exists(name) ? localizer[$"Feature:{name}"].Value : a).ToArray();
        var message = localizer["Error:" + error.Code, args!].Value;
        // A limit says what to reduce: "deactivate users you no longer need, or upgrade".
        if (error.Code == ErrorCodes.FeatureLimitReached && error.Args.Count > 0 && error.Args[0] is string feature)
        {
            message += " " + localizer[$"FeatureLimit:{feature}"].Value;
        }
        return message;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case EntityNotFoundException:
                executed.Result = NotFound();
                executed.ExceptionHandled = true;
                break;
            case AuthorizationException denied:
                if (denied.MissingFeature is not null) HttpContext.Items[PermissionAuthorizationHandler.MissingFeatureKey] = denied.MissingFeature;
                executed.Result = StatusCode(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                break;
        }
    }

    /// <summary>The scheme and port this request came in on, for links in e-mails.</summary>
    protected RequestOrigin Origin => new(Request.Scheme, Request.Host.Port);
}
