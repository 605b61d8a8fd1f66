using System.Net;
using System.Net.Sockets;
using ErpSaaS.Common;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace ErpSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on a Kestrel port of its own, over a fresh cloned database holding the demo tenant,
/// and headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class E2EHost : ErpTestFixture
{
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    /// <summary>How long one browser step may take: generous, because CI runs the other test projects alongside.</summary>
    public const float StepTimeoutMs = 45_000;

    public int Port { get; } = FreePort();
    public IBrowser Browser { get; private set; } = null!;

    public string TenantUrl(string slug, string path = "/") => $"http://{slug}.localhost:{Port}{path}";
    public string HostUrl(string path = "/") => $"http://localhost:{Port}{path}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ErpSaaS.DataSeeding.DemoTenantSeeder>(scope.ServiceProvider).SeedAsync();
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Default", ConnectionString);
            web.UseSetting("ConnectionStrings:Migrations", OwnerConnectionString);
            web.UseSetting("Database:MigrateOnStart", "false");
            web.UseSetting("Jobs:Enabled", "false");
            // Links in mails and redirects to another host point at this very server.
            web.UseSetting("Tenancy:PublicBaseUrl", HostUrl(string.Empty));
            // Every journey signs up from 127.0.0.1; the per-address sign-up limit must not depend on how many ran.
            web.UseSetting("Signup:RateLimit:PermitLimit", "1000");
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ERP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP *.localhost 127.0.0.1"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await base.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
