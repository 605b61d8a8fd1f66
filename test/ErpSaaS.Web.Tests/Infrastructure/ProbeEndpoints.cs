using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>
/// Endpoints that fail in each of the ways the app must report (refused permission, missing plan feature, business
/// rule, missing entity, conflict, bug), mapped through the app's own extension point, for pages and for the API.
/// </summary>
public sealed class ProbeEndpoints : IEndpointContributor
{
    public const string FieldName = "Lines[0].Quantity";

    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        Map(endpoints.MapGroup("/probe"));
        Map(api.MapGroup("/probe"));
    }

    private static void Map(RouteGroupBuilder probe)
    {
        probe.MapGet("/users", () => "users").RequireAuthorization(ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Users);
        probe.MapGet("/catalog", () => "catalog").RequireAuthorization(ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog);
        probe.MapGet("/finance", () => Throw(new AuthorizationException(missingFeature: ErpFeatures.Finance))).RequireAuthorization();
        probe.MapPost("/rule", () => Throw(BusinessException.ForField(FieldName, ErrorCodes.ValueTooLong, 12))).RequireAuthorization();
        probe.MapGet("/rule-without-field", () => Throw(new BusinessException(ErrorCodes.TenantIsReadOnly))).RequireAuthorization();
        probe.MapGet("/missing", () => Throw(new EntityNotFoundException("SalesOrder", 42))).RequireAuthorization();
        probe.MapGet("/conflict", () => Throw(new DbUpdateConcurrencyException("row changed"))).RequireAuthorization();
        probe.MapGet("/crash", () => Throw(new InvalidOperationException("secret internals"))).RequireAuthorization();
        probe.MapPost("/invite/{userName}", InviteAsync).RequireAuthorization();
    }

    /// <summary>What the users page does to invite a colleague: a user without a password, the e-mailed link.</summary>
    private static async Task<string> InviteAsync(string userName, UserManager<AppUser> users, AccountLinks links, AccountEmails emails, IUnitOfWork unitOfWork,
        ICurrentTenant tenant, TimeProvider clock)
    {
        var user = new AppUser(tenant.Id, userName, $"{userName}@example.test", userName, "zh-Hans", "Asia/Shanghai", clock.GetUtcNow());
        user.MarkInvited(clock.GetUtcNow());
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await emails.QueueInvitationAsync(user, await links.InvitationAsync(user));
        await unitOfWork.SaveChangesAsync();
        return user.Id.ToString();
    }

    private static string Throw(Exception exception) => throw exception;
}

/// <summary>A menu entry that needs the Production feature (not in Starter or Standard).</summary>
public sealed class ProbeMenuContributor : IMenuContributor
{
    public void Contribute(MenuDefinition menu) =>
        menu.Item(new MenuItem("Menu:Home", "ti ti-building-factory", "/probe/production", MenuSide.Tenant)
            { Order = 500, RequiredFeature = ErpFeatures.Production });
}

/// <summary>The web app with <see cref="ProbeEndpoints"/> and <see cref="ProbeMenuContributor"/>.</summary>
public sealed class ProbeWebFixture : ErpWebFixture
{
    protected override void ConfigureWebServices(IServiceCollection services)
    {
        services.AddEndpointContributor<ProbeEndpoints>();
        services.AddMenuContributor<ProbeMenuContributor>();
    }
}
