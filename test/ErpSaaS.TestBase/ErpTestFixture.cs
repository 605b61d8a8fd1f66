using ErpSaaS.Application;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErpSaaS.TestBase;

/// <summary>
/// One fresh database (cloned from the migrated, host-seeded template) and the application's services over it,
/// shared by the tests of one class. Tests run application services the way the web does: in a scope,
/// inside a tenant.
/// </summary>
public class ErpTestFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public string DatabaseName { get; private set; } = null!;
    public string ConnectionString => TestDatabase.AppConnectionString(DatabaseName);
    public string OwnerConnectionString => TestDatabase.OwnerConnectionString(DatabaseName);
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Fixture not initialized");
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Where links in the application tests' e-mails point (<c>Tenancy:PublicBaseUrl</c>).</summary>
    public const string PublicBaseUrl = "https://localhost:8443";

    public virtual async Task InitializeAsync()
    {
        DatabaseName = await TestDatabase.CreateAsync(SeedTemplateAsync);
        _services = BuildServices(TestConfiguration(DatabaseName), Clock, ConfigureServices);
    }

    /// <summary>A fixture for one kind of test adds its own services here (test handlers, probes).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
    }

    public static IConfiguration TestConfiguration(string database, IDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = TestDatabase.AppConnectionString(database),
            ["ConnectionStrings:Migrations"] = TestDatabase.OwnerConnectionString(database),
            ["Seed:DemoTenant"] = "false",
            // Not the default port: a link that forgets it shows.
            ["Tenancy:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <param name="configure">Adds or replaces services for one test class (test handlers, probes).</param>
    public static ServiceProvider BuildServices(IConfiguration configuration, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddErpEntityFrameworkCore(configuration);
        services.AddErpApplication(configuration);
        services.AddDataProtection();
        services.AddIdentityCore<AppUser>(ErpIdentityOptions.Configure).AddRoles<AppRole>().AddErpIdentityStores().AddDefaultTokenProviders();
        if (clock is not null) services.AddSingleton(clock);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A new unit of work acting for <paramref name="tenantId"/> (null = host).</summary>
    public AsyncServiceScope Scope(Guid? tenantId = null)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return scope;
    }

    public async Task<T> InScopeAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope(tenantId);
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Guid? tenantId, Func<IServiceProvider, Task> work) =>
        InScopeAsync<bool>(tenantId, async sp => { await work(sp); return true; });

    public Given Given => new(this);

    /// <summary>Runs <paramref name="work"/> in a new unit of work of <paramref name="tenantId"/>, signed in as <paramref name="userId"/>.</summary>
    public async Task<T> AsUserAsync<T>(Guid? tenantId, Guid userId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope(tenantId);
        scope.ServiceProvider.GetRequiredService<ICurrentUser>().Change(userId, userId.ToString());
        return await work(scope.ServiceProvider);
    }

    public Task AsUserAsync(Guid? tenantId, Guid userId, Func<IServiceProvider, Task> work) =>
        AsUserAsync<bool>(tenantId, userId, async sp => { await work(sp); return true; });

    // The template carries the host seed (plans, operator) so each clone starts ready.
    private static async Task SeedTemplateAsync(string appConnectionString, string ownerConnectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = appConnectionString,
            ["ConnectionStrings:Migrations"] = ownerConnectionString,
            ["Seed:DemoTenant"] = "false",
        }).Build();
        await using var services = BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
        {
            await seeder.SeedAsync();
        }
    }
}
