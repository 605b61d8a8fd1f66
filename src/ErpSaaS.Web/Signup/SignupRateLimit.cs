using System.Net;
using System.Threading.RateLimiting;
using ErpSaaS.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace ErpSaaS.Web.Signup;

public sealed class SignupRateLimitOptions
{
    /// <summary>Sign-ups one address may post per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Sign-ups per client address: only posts count (showing the form and checking a subdomain do not). A refused post
/// gets 429 with a localized page.
/// </summary>
public static class SignupRateLimit
{
    public const string Policy = "signup";

    public static IServiceCollection AddErpSignupWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Signup:RateLimit").Get<SignupRateLimitOptions>() ?? new SignupRateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var localizer = http.RequestServices.GetRequiredService<ErpStringLocalizer>();
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync($"""
                    <!DOCTYPE html><html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(localizer["Signup:TooManyTitle"])}</title>
                    <link rel="stylesheet" href="/libs/tabler/css/tabler.min.css"></head>
                    <body><div class="container container-tight py-5"><div class="alert alert-warning" id="signup-too-many">{WebUtility.HtmlEncode(localizer["Signup:TooMany"])}</div>
                    <a href="/pricing">{WebUtility.HtmlEncode(localizer["Pricing:Link"])}</a></div></body></html>
                    """, cancellationToken);
            };
        });
        services.AddScoped<ReadOnlyTenantMiddleware>();
        return services;
    }
}

public static class WelcomeLinks
{
    /// <summary>The one-time sign-in on the company's subdomain that ends the sign-up.</summary>
    public const string Path = "/account/welcome";
}
