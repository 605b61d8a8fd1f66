using System.Net;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app in memory over a test class's own database (the fixture's clone), in the "Testing"
/// environment, with the fixture's clock, no background jobs and no migration on start. Tenants live at
/// {slug}.localhost: <c>factory.Browser("acme.localhost")</c>, and links point to http://{slug}.localhost unless
/// <paramref name="settings"/> say otherwise.
/// </summary>
public sealed class ErpWebFactory(ErpTestFixture fixture, Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string Domain = "localhost";

    public ErpTestFixture Fixture => fixture;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting feeds the builder's configuration before Program reads it (connection strings are read at startup).
        builder.UseSetting("ConnectionStrings:Default", fixture.ConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", fixture.OwnerConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Seed:DemoTenant", "false");
        builder.UseSetting("Tenancy:PublicBaseUrl", $"http://{Domain}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(fixture.Clock);
            configureServices?.Invoke(services);
        });
    }

    /// <summary>
    /// A client for one host ("localhost" for the platform, "acme.localhost" for a tenant) that follows redirects
    /// and keeps cookies like a browser, so a sign-in carries over to later requests.
    /// </summary>
    public ErpBrowser Browser(string host = Domain, string? language = "en")
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(new Uri($"http://{host}/"), new RedirectHandler(), new CookieContainerHandler(cookies));
        // Like a browser set to English; pass null to send no Accept-Language (the app then speaks zh-Hans).
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new ErpBrowser(client, cookies);
    }

    /// <summary>A browser for the tenant's subdomain.</summary>
    public ErpBrowser TenantBrowser(string slug, string? language = "en") => Browser($"{slug}.{Domain}", language);

    /// <summary>Runs <paramref name="work"/> in a scope of the web app's own services, acting for a tenant (null = host).</summary>
    public async Task<T> InScopeAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ErpSaaS.Tenancy.ICurrentTenant>().Change(tenantId);
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Guid? tenantId, Func<IServiceProvider, Task> work) =>
        InScopeAsync<bool>(tenantId, async sp => { await work(sp); return true; });

    /// <summary>Drops the web app's cached copy of a tenant after a test changed it behind the app's back.</summary>
    public void ForgetTenant(Guid tenantId) => Services.GetRequiredService<ErpSaaS.Tenancy.ITenantStore>().Invalidate(tenantId);
}

/// <summary>
/// A test class's database and the web app over it. Use as <c>IClassFixture&lt;ErpWebFixture&gt;</c>;
/// arrange data with <see cref="ErpTestFixture.Given"/>, then browse with <see cref="Web"/>.
/// </summary>
#pragma warning disable CA1001 // The factory is disposed in DisposeAsync, xunit's IAsyncLifetime end of the fixture.
public class ErpWebFixture : ErpTestFixture
#pragma warning restore CA1001
{
    private ErpWebFactory? _web;

    public ErpWebFactory Web => _web ?? throw new InvalidOperationException("Fixture not initialized");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _web = new ErpWebFactory(this, ConfigureWebServices, WebSettings);
    }

    /// <summary>A new company (its admin and partners' basics, see <see cref="PartnersGiven.Company"/>) and a browser signed in as its admin.</summary>
    public async Task<(ErpBrowser Browser, (Guid Tenant, Guid Admin) Company)> SignedInCompanyAsync(string name)
    {
        var company = await new PartnersGiven(this).Company(name);
        var slug = await InScopeAsync(null, async sp => (await sp.GetRequiredService<ErpSaaS.Tenancy.ITenantRepository>().FindAsync(company.Tenant))!.Slug);
        var browser = Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", ErpSaaS.TestBase.Given.Password);
        return (browser, company);
    }

    /// <summary>The user reads the app in Chinese: the profile's language wins over the browser's.</summary>
    public Task SpeakChineseAsync(Guid tenant, string userName = "admin") =>
        InScopeAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            user.UpdateProfile(user.DisplayName, "zh-Hans", "Asia/Shanghai");
            return (await users.UpdateAsync(user)).Succeeded;
        });

    /// <summary>Configuration values of the web app of this fixture that differ from the tests' defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? WebSettings => null;

    /// <summary>Extra registrations for the web app of this fixture (test endpoints, fakes of outside systems).</summary>
    protected virtual void ConfigureWebServices(IServiceCollection services)
    {
    }

    public override async Task DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
        await base.DisposeAsync();
    }
}
