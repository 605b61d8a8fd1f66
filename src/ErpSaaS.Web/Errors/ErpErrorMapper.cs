using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.Web.Errors;

/// <summary>What the user is told about a failed request: one shape for pages (ModelState) and the API (problem+json).</summary>
public sealed record ErpError(int Status, string Title, string? Detail, string? Code, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? MissingFeature { get; init; }
}

/// <summary>
/// Maps the exceptions the application throws on purpose to statuses and localized messages:
/// a broken business rule → 400 (its field, when it names one, carries the message), a concurrency conflict → 409,
/// a permission or plan refusal → 403, a missing entity → 404. Anything else is a bug: 500, no details.
/// </summary>
public sealed class ErpErrorMapper(ErpStringLocalizer localizer)
{
    public static int StatusOf(Exception exception) => exception switch
    {
        BusinessException { Code: ErrorCodes.ConcurrencyConflict } or DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        BusinessException => StatusCodes.Status400BadRequest,
        AuthorizationException => StatusCodes.Status403Forbidden,
        EntityNotFoundException => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>True for the exceptions a page shows next to its fields instead of failing the request.</summary>
    public static bool IsUserCorrectable(Exception exception) => exception is BusinessException or DbUpdateConcurrencyException;

    /// <summary>The localized message of a business error ("Error:{code}" formatted with its arguments).</summary>
    /// Feature names among the arguments show by their display names, and a reached limit says what to reduce.
    public string Message(BusinessException exception)
    {
        var args = exception.Args
            .Select(a => a is string name && FeatureDefinitions.Exists(name) ? localizer["Feature:" + name].Value : a ?? string.Empty)
            .ToArray();
        var message = localizer["Error:" + exception.Code, args].Value;
        if (exception.Code == ErrorCodes.FeatureLimitReached && exception.Args.Count > 0 && exception.Args[0] is string feature)
        {
            message += " " + localizer["FeatureLimit:" + feature].Value;
        }
        return message;
    }

    public string ConcurrencyMessage => localizer["Error:" + ErrorCodes.ConcurrencyConflict];

    public ErpError Map(Exception exception)
    {
        var status = StatusOf(exception);
        var title = Title(status);
        return exception switch
        {
            BusinessException { Field: { } field } business => new(status, title, Message(business), business.Code,
                new Dictionary<string, string[]> { [field] = [Message(business)] }),
            BusinessException business => new(status, title, Message(business), business.Code, NoFieldErrors),
            DbUpdateConcurrencyException => new(status, title, ConcurrencyMessage, ErrorCodes.ConcurrencyConflict, NoFieldErrors),
            AuthorizationException { MissingFeature: { } feature } => new(status, title,
                localizer["ErrorPage:403:FeatureMissing", localizer["Feature:" + feature]], ErrorCodes.FeatureNotEnabled, NoFieldErrors) { MissingFeature = feature },
            AuthorizationException => new(status, title, localizer["ErrorPage:403:Text"], null, NoFieldErrors),
            EntityNotFoundException => new(status, title, localizer["ErrorPage:404:Text"], null, NoFieldErrors),
            _ => new(status, title, localizer["ErrorPage:500:Text"], null, NoFieldErrors),
        };
    }

    /// <summary>The localized title of an HTTP status ("ErrorPage:{status}:Title"), or the generic one.</summary>
    public string Title(int status)
    {
        var title = localizer[$"ErrorPage:{status}:Title"];
        return title.ResourceNotFound ? localizer["ErrorPage:Other:Title"] : title;
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors = new Dictionary<string, string[]>();
}
