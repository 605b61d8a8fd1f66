using System.Security.Claims;
using ErpSaaS.Auditing;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Primitives;

namespace ErpSaaS.Web.Auditing;

/// <summary>
/// Fills the audit context (who acts) for every request and writes one <see cref="AuditLog"/> per write request
/// (anything but GET, HEAD, OPTIONS, TRACE): user, tenant, IP, impersonator, method, URL, status, duration, error.
/// The row is saved after the request in its own scope, DbContext and transaction, so it is kept even when the
/// request's own transaction rolled back. Entity changes of the request point to it through AuditLogId.
/// </summary>
public sealed class AuditLogMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditLogMiddleware> logger)
{
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "OPTIONS", "TRACE" };
    private static readonly string[] SecretQueryKeys = ["code", "token", "password", "secret", "key"];

    public async Task InvokeAsync(HttpContext context, AuditContext audit, ICurrentUser currentUser, ICurrentTenant currentTenant)
    {
        audit.UserId = currentUser.Id;
        audit.UserName = currentUser.UserName;
        audit.ImpersonatorUserId = Guid.TryParse(context.User.FindFirstValue(IdentityConsts.ImpersonatorIdClaim), out var impersonator) ? impersonator : null;
        if (ReadOnlyMethods.Contains(context.Request.Method))
        {
            await next(context);
            return;
        }

        var log = new AuditLog(audit.UserId, audit.UserName, audit.ImpersonatorUserId, context.Connection.RemoteIpAddress?.ToString(),
            context.Request.Method, UrlOf(context.Request), clock.GetUtcNow());
        audit.AuditLogId = log.Id;
        var tenantId = currentTenant.Id;
        var started = clock.GetTimestamp();
        string? error = null;
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
            throw;
        }
        finally
        {
            var status = error is null ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
            log.Complete(status, (int)Math.Min(int.MaxValue, clock.GetElapsedTime(started).TotalMilliseconds), error);
            await SaveAsync(log, tenantId);
        }
    }

    private async Task SaveAsync(AuditLog log, Guid? tenantId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            db.AuditLogs.Add(log);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Losing an audit row must not turn a successful request into a failed one; it is logged instead.
            logger.LogError(exception, "Could not write the audit log of {Method} {Url}", log.HttpMethod, log.Url);
        }
    }

    /// <summary>Path and query, with values of secret-looking query keys (invitation codes, tokens) masked.</summary>
    internal static string UrlOf(HttpRequest request)
    {
        var query = request.Query.Select(p => SecretQueryKeys.Any(k => p.Key.Contains(k, StringComparison.OrdinalIgnoreCase))
            ? new KeyValuePair<string, StringValues>(p.Key, "***") : p);
        var url = request.PathBase + request.Path + QueryString.Create(query).ToUriComponent();
        return url.Length > 2048 ? url[..2048] : url;
    }
}
