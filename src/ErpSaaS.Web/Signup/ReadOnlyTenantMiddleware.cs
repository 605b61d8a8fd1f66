using ErpSaaS.Errors;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tenancy;

namespace ErpSaaS.Web.Signup;

/// <summary>
/// A company that may not write (lapsed subscription) still reads and exports; its other requests get the read-only
/// page with the upgrade button (pages) or 403 problem+json (API). Signing in and out and paying stay open. The save
/// pipeline refuses such writes as well; this only answers them politely before any work is done.
/// </summary>
public sealed class ReadOnlyTenantMiddleware(ICurrentTenant currentTenant, ITenantStore tenants) : IMiddleware
{
    public const string PagePath = "/read-only";
    public const string RefusedKey = "erp:read-only-refused";
    private static readonly string[] OpenPaths = ["/account", "/app/billing", "/api/v1/billing", "/webhooks"];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || currentTenant.Id is not { } tenantId || OpenPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || await tenants.FindAsync(tenantId, context.RequestAborted) is not { IsWritable: false })
        {
            await next(context);
            return;
        }
        if (TenantResolutionMiddleware.IsApiRequest(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Read-only",
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.TenantIsReadOnly, ["upgradeUrl"] = "/app/billing" })
                .ExecuteAsync(context);
            return;
        }
        context.Items[RefusedKey] = true;
        request.Method = HttpMethods.Get;
        request.Path = PagePath;
        request.QueryString = QueryString.Empty;
        await next(context);
    }
}
