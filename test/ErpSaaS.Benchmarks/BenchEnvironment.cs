using ErpSaaS.Application;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSaaS.Benchmarks;

/// <summary>
/// Where the benchmarks find PostgreSQL and how they build the application: the same variables and roles as the
/// tests (ERP_PG_HOST, ERP_PG_PORT, ERP_OWNER, ERP_APP …), so etc/bench.sh and etc/test.sh share one cluster.
/// </summary>
public static class BenchEnvironment
{
    private static readonly string Host = Variable("ERP_PG_HOST", "localhost");
    private static readonly string Port = Variable("ERP_PG_PORT", "5432");
    private static readonly string Owner = Variable("ERP_OWNER", "erpsaas_owner");
    private static readonly string OwnerPassword = Variable("ERP_OWNER_PASSWORD", "erpsaas_owner");

    public static string AppRole { get; } = Variable("ERP_APP", "erpsaas_app");
    private static readonly string AppPassword = Variable("ERP_APP_PASSWORD", "erpsaas_app");

    public static string OwnerConnectionString(string database) =>
        $"Host={Host};Port={Port};Database={database};Username={Owner};Password={OwnerPassword};Include Error Detail=true";

    // Generous command timeout: index builds and set-based checks over 10 M rows take minutes on a busy machine.
    public static string AppConnectionString(string database) =>
        $"Host={Host};Port={Port};Database={database};Username={AppRole};Password={AppPassword};Include Error Detail=true;Command Timeout=600";

    /// <summary>
    /// The application's own services over <paramref name="database"/> (as the web host registers them, minus the web):
    /// the benchmarks measure the code the pages and documents run, not a copy of it.
    /// </summary>
    public static ServiceProvider BuildServices(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = AppConnectionString(database),
            ["ConnectionStrings:Migrations"] = OwnerConnectionString(database),
            ["Seed:DemoTenant"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddErpEntityFrameworkCore(configuration);
        services.AddErpApplication(configuration);
        services.AddDataProtection();
        services.AddIdentityCore<AppUser>(ErpIdentityOptions.Configure).AddRoles<AppRole>().AddErpIdentityStores().AddDefaultTokenProviders();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static string Variable(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
