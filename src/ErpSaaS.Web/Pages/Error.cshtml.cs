using System.Diagnostics;
using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Web.Errors;
using ErpSaaS.Web.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages;

/// <summary>
/// The error page for browsers, reached by re-executing the failed request (so it keeps what the failure left in
/// HttpContext): 403 names the cheapest plan that has a missing feature, 400/409 show the business message,
/// 500 shows a reference to quote (and, in Development, the exception).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ErpErrorMapper mapper, UpgradePlanFinder plans, IHostEnvironment environment) : ErpPageModel
{
    public int Status { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;
    public string? UpgradePlanName { get; private set; }
    public string RequestId { get; private set; } = string.Empty;
    public string? ExceptionText { get; private set; }

    public Task OnGetAsync(int? code) => LoadAsync(code);

    public Task OnPostAsync(int? code) => LoadAsync(code);

    private async Task LoadAsync(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        if (Status is < 400 or > 599) Status = StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        Title = mapper.Title(Status);
        Message = exception is not null && ErpErrorMapper.StatusOf(exception) == Status
            ? mapper.Map(exception).Detail ?? string.Empty
            : TextFor(Status);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (Status == StatusCodes.Status500InternalServerError && environment.IsDevelopment()) ExceptionText = exception?.ToString();

        var missingFeature = HttpContext.Items[PermissionAuthorizationHandler.MissingFeatureKey] as string
                             ?? (exception as AuthorizationException)?.MissingFeature;
        if (Status == StatusCodes.Status403Forbidden && missingFeature is not null)
        {
            Message = L["ErrorPage:403:FeatureMissing", L["Feature:" + missingFeature]];
            var plan = await plans.CheapestPlanWithAsync(missingFeature, HttpContext.RequestAborted);
            UpgradePlanName = plan?.DisplayName(CultureInfo.CurrentUICulture.Name);
        }
    }

    private string TextFor(int status)
    {
        var text = L[$"ErrorPage:{status}:Text"];
        return text.ResourceNotFound ? L["ErrorPage:Other:Text"] : text;
    }
}
