using ErpSaaS.Errors;
using ErpSaaS.Web.Localization;
using ErpSaaS.Web.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ErpSaaS.Web.Validation;

/// <summary>
/// Puts the localized message on every query, route or form field holding text PostgreSQL cannot store, so the page
/// shows it next to the field. Only handlers known to stop on it then run: posts of an <see cref="ErpPageModel"/>
/// (its <c>TryAsync</c> refuses to change anything, and the page comes back with the input, as for a broken rule) and
/// reads marked <see cref="ShowsRefusedTextAttribute"/> (a list that matches nothing). Any other handler would hand the
/// text to the database, so the request ends in the "request not accepted" page instead.
/// </summary>
public sealed class StorableTextPageFilter(ErpStringLocalizer localizer) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        IReadOnlyList<string> fields;
        try
        {
            fields = await StorableText.FindUnstorableFieldsAsync(context.HttpContext.Request, includeJsonBody: false);
        }
        catch (InvalidDataException)
        {
            // ASP.NET refuses a url-encoded form with a NUL outright, before any field is known: no field to name.
            context.Result = new BadRequestResult();
            return;
        }
        if (fields.Count == 0)
        {
            await next();
            return;
        }
        StorableText.MarkRefused(context.HttpContext);
        var message = localizer["Error:" + ErrorCodes.UnstorableText].Value;
        foreach (var field in fields) context.ModelState.AddModelError(field, message);
        if (StopsOnRefusedText(context))
        {
            await next();
            return;
        }
        context.Result = new BadRequestResult();
    }

    private static bool StopsOnRefusedText(PageHandlerExecutingContext context) =>
        HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
            ? context.HandlerMethod?.MethodInfo.IsDefined(typeof(ShowsRefusedTextAttribute), inherit: true) == true
            : context.HandlerInstance is ErpPageModel;
}

/// <summary>
/// On a page's read handler: it checks <see cref="StorableText.WasRefused"/> and then shows the page without querying
/// (an empty list with the message next to the search box), so refused text never reaches the database.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ShowsRefusedTextAttribute : Attribute;
