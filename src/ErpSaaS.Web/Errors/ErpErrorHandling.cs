using System.Text.Json;
using ErpSaaS.Web.Permissions;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Web.Errors;

/// <summary>
/// Failed requests end in a localized error page for browsers (403 naming the plan that has a missing feature,
/// 404, 500) and in problem+json (RFC 7807) for /api, both from <see cref="ErpErrorMapper"/>.
/// </summary>
public static class ErpErrorHandling
{
    public const string ErrorPath = "/error";
    private const string ApiPrefix = "/api";
    private const string HtmxRequestHeader = "HX-Request";
    private const string HtmxRedirectHeader = "HX-Redirect";

    public static IServiceCollection AddErpErrorHandling(this IServiceCollection services)
    {
        services.AddSingleton<ErpErrorMapper>();
        services.AddScoped<UpgradePlanFinder>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Problems the framework writes (status code pages, 405 ...) carry English reason phrases: localize them.
            var problem = context.ProblemDetails;
            if (problem.Status is { } status
                && (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || status == StatusCodes.Status500InternalServerError))
            {
                problem.Title = context.HttpContext.RequestServices.GetRequiredService<ErpErrorMapper>().Title(status);
            }
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            options.Events.OnRedirectToLogin = async context =>
            {
                if (TenantResolutionMiddleware.IsApiRequest(context.HttpContext))
                {
                    await WriteProblemAsync(context.HttpContext, Mapper(context.HttpContext).ForStatus(StatusCodes.Status401Unauthorized));
                    return;
                }
                if (context.Request.Headers.ContainsKey(HtmxRequestHeader))
                {
                    // htmx would swap the sign-in page into a fragment: have it load the page in full instead.
                    context.Response.Headers[HtmxRedirectHeader] = context.RedirectUri;
                    return;
                }
                context.Response.Redirect(context.RedirectUri);
            };
            // Refusals render in the same request (no redirect), so the 403 page still knows which feature was missing.
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                if (TenantResolutionMiddleware.IsApiRequest(context.HttpContext))
                {
                    var error = Mapper(context.HttpContext).ForStatus(StatusCodes.Status403Forbidden);
                    if (context.HttpContext.Items[PermissionAuthorizationHandler.MissingFeatureKey] is string feature)
                    {
                        error = Mapper(context.HttpContext).Map(new ErpSaaS.Common.AuthorizationException(missingFeature: feature));
                    }
                    await WriteProblemAsync(context.HttpContext, error);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            };
        });
        return services;
    }

    public static WebApplication UseErpErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            StatusCodeSelector = ErpErrorMapper.StatusOf,
            // The error page answers 404 itself for a missing entity; that is not a failure of the handler.
            AllowStatusCode404Response = true,
        });
        app.UseWhen(TenantResolutionMiddleware.IsApiRequest, api => api.UseStatusCodePages());
        app.UseWhen(context => !TenantResolutionMiddleware.IsApiRequest(context), pages => pages.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}"));
        return app;
    }

    /// <summary>Writes <paramref name="error"/> as problem+json: status, title, detail, code and field errors.</summary>
    public static async Task WriteProblemAsync(HttpContext http, ErpError error)
    {
        var problem = new ProblemDetails { Status = error.Status, Title = error.Title, Detail = error.Detail };
        if (error.Code is not null) problem.Extensions["code"] = error.Code;
        if (error.Errors.Count > 0)
        {
            problem.Extensions["errors"] = error.Errors.ToDictionary(e => JsonFieldName(e.Key), e => e.Value);
        }
        if (error.MissingFeature is { } feature)
        {
            problem.Extensions["feature"] = feature;
            var plan = await http.RequestServices.GetRequiredService<UpgradePlanFinder>().CheapestPlanWithAsync(feature, http.RequestAborted);
            if (plan is not null)
            {
                problem.Extensions["upgradePlan"] = plan.Code;
                problem.Extensions["upgradeUrl"] = UpgradePlanFinder.UpgradeUrl;
            }
        }
        http.Response.StatusCode = error.Status;
        await Results.Problem(problem).ExecuteAsync(http);
    }

    /// <summary>"Lines[0].UnitPrice" → "lines[0].unitPrice": field names as the JSON bodies spell them.</summary>
    public static string JsonFieldName(string field) =>
        string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static ErpErrorMapper Mapper(HttpContext http) => http.RequestServices.GetRequiredService<ErpErrorMapper>();

    private static ErpError ForStatus(this ErpErrorMapper mapper, int status) =>
        new(status, mapper.Title(status), null, null, new Dictionary<string, string[]>());

    /// <summary>Unhandled exceptions on /api become problem+json; pages fall through to the error page.</summary>
    private sealed class ApiExceptionHandler(ErpErrorMapper mapper, IHostEnvironment environment) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // By now the request points at the error page: ask what was originally asked for.
            var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
            if (!path.StartsWithSegments(ApiPrefix)) return false;
            var error = mapper.Map(exception);
            if (error.Status == StatusCodes.Status500InternalServerError && environment.IsDevelopment())
            {
                error = error with { Detail = exception.ToString() };
            }
            await WriteProblemAsync(httpContext, error);
            return true;
        }
    }
}
