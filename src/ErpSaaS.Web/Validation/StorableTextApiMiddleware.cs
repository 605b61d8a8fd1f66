using ErpSaaS.Errors;
using ErpSaaS.Web.Errors;
using ErpSaaS.Web.Localization;

namespace ErpSaaS.Web.Validation;

/// <summary>
/// Refuses an API request whose query, route, form or JSON body holds text PostgreSQL cannot store: 400 problem+json
/// with each such field under its name, before any endpoint runs, so nothing is read or changed with it.
/// </summary>
public sealed class StorableTextApiMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ErpErrorMapper mapper, ErpStringLocalizer localizer)
    {
        IReadOnlyList<string> fields;
        try
        {
            fields = await StorableText.FindUnstorableFieldsAsync(context.Request, includeJsonBody: true);
        }
        catch (InvalidDataException)
        {
            // ASP.NET refuses a url-encoded form with a NUL outright, before any field is known: a problem without fields.
            await ErpErrorHandling.WriteProblemAsync(context, new ErpError(StatusCodes.Status400BadRequest, mapper.Title(StatusCodes.Status400BadRequest),
                localizer["Error:" + ErrorCodes.UnstorableText].Value, ErrorCodes.UnstorableText, new Dictionary<string, string[]>()));
            return;
        }
        if (fields.Count == 0)
        {
            await next(context);
            return;
        }
        var message = localizer["Error:" + ErrorCodes.UnstorableText].Value;
        var status = StatusCodes.Status400BadRequest;
        await ErpErrorHandling.WriteProblemAsync(context, new ErpError(status, mapper.Title(status), message, ErrorCodes.UnstorableText,
            fields.ToDictionary(field => field, _ => new[] { message }, StringComparer.Ordinal)));
    }
}
