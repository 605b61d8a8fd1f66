using System.Security.Claims;
using ErpSaaS.Application;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.Identity;
using ErpSaaS.Common;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Account;
using ErpSaaS.Web.Api;
using ErpSaaS.Web.Billing;
using ErpSaaS.Web.Errors;
using ErpSaaS.Web.Features;
using ErpSaaS.Web.Identity;
using ErpSaaS.Web.Inventory;
using ErpSaaS.Web.Localization;
using ErpSaaS.Web.Shell;
using ErpSaaS.Web.Signup;
using ErpSaaS.Web.Tenancy;
using ErpSaaS.Web.Validation;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Web;

/// <summary>Composition of the web host: each module registers its own services through one call here.</summary>
public static class ErpWebModule
{
    public static WebApplicationBuilder AddErpWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddErpEntityFrameworkCore(configuration);
        services.AddErpApplication(configuration);
        services.AddErpJobs(configuration);
        services.AddErpInventoryWeb(configuration);

        services.Configure<TenancyWebOptions>(configuration.GetSection("Tenancy"));
        services.PostConfigure<TenancyWebOptions>(o => o.AllowQueryAndCookie &= builder.Environment.IsDevelopment());
        services.AddScoped<ResolvedTenant>();

        services.AddIdentity<AppUser, AppRole>(ErpIdentityOptions.Configure)
            .AddErpIdentityStores()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ErpUserClaimsPrincipalFactory>();
        services.AddErpAccount();
        services.AddErpSignupWeb(configuration);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/error/403";
            options.Cookie.Name = "erp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                // The security-stamp check loads the user: it must look in the user's own tenant.
                if (context.Principal is { } principal && TenantClaimCheckMiddleware.TenantOf(principal) is { } tenantId)
                {
                    var current = context.HttpContext.RequestServices.GetRequiredService<ICurrentTenant>();
                    if (current.Id is null) current.Change(tenantId);
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        // A refreshed cookie keeps the operator's impersonation claims, so the audit trail keeps naming the operator.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
            {
                identity.AddClaims(current.Claims.Where(c => c.Type is IdentityConsts.ImpersonatorIdClaim or IdentityConsts.ImpersonatorNameClaim));
            }
            return Task.CompletedTask;
        });

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, Permissions.PermissionPolicyProvider>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Permissions.PermissionAuthorizationHandler>();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/App");
            options.Conventions.AuthorizeFolder("/Host");
        }).AddMvcOptions(options => options.Filters.Add<StorableTextPageFilter>()).AddErpLocalization();
        services.AddErpShell();
        ErpSaaS.Web.ImportExport.ImportExportWebModule.AddErpImportExportWeb(services, configuration);
        ErpSaaS.Web.Inventory.Documents.StockDocumentsWebModule.AddErpStockDocumentsWeb(services);
        ErpSaaS.Web.Sales.SalesWebModule.AddErpSalesWeb(services);
        ErpSaaS.Web.Purchasing.PurchasingWebModule.AddErpPurchasingWeb(services);
        ErpSaaS.Web.Approvals.ApprovalsWebModule.AddErpApprovalsWeb(services);
        ErpSaaS.Web.Analytics.AnalyticsWebModule.AddErpAnalyticsWeb(services);
        services.AddErpStripeWeb();
        ErpSaaS.Web.Catalog.PartnersWebModule.AddErpPartnersWeb(services);
        services.AddErpErrorHandling();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<Health.DatabaseHealthCheck>("database");
        services.AddErpFeatureManagement();
        services.AddHostedService<DatabaseChangeListener>();
        return builder;
    }

    public static async Task InitializeErpDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStart", false)) return;
        await app.Services.GetRequiredService<ErpDatabaseMigrator>().MigrateAllAsync();
        using var scope = app.Services.CreateScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
        {
            await seeder.SeedAsync();
        }
    }

    public static WebApplication UseErpWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseErpErrorHandling();
        app.UseStaticFiles();
        // Tenant resolution and the claim check may send a request to /tenant-not-found or /tenant-mismatch,
        // so they run before routing chooses the page; the culture needs the signed-in user's language.
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantClaimCheckMiddleware>();
        app.UseRequestLocalization();
        app.UseMiddleware<ReadOnlyTenantMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseWhen(TenantResolutionMiddleware.IsApiRequest, api => api.UseMiddleware<StorableTextApiMiddleware>());
        app.UseMiddleware<Auditing.AuditLogMiddleware>(); // after authorization: knows the user and tenant; one audit row per write request
        app.MapRazorPages();
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapErpApi();
        return app;
    }
}
