using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ErpSaaS.Localization;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>
/// The real web host over a fresh test database (the fixture's clone), signed in through a test scheme that reads
/// the user from request headers, so page tests need no login page. Texts come from the embedded resources.
/// </summary>
public sealed class AdminPagesFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Scheme = "Test";
    public const string UserHeader = "X-Test-User";
    public const string TenantHeader = "X-Test-Tenant";

    public ErpTestFixture Data { get; } = new();

    public Task InitializeAsync() => Data.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Data.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", Data.ConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", Data.OwnerConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Seed:DemoTenant", "false");
        builder.UseSetting("Tenancy:PublicBaseUrl", "http://localhost");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(Scheme, _ => { });
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            });
            // Until the shell registers its own localizer; TryAdd leaves the shell's in place once it exists.
            services.TryAddSingleton<IStringLocalizer, ResourceLocalizer>();
        });
    }

    /// <summary>A client signed in as <paramref name="userId"/> of <paramref name="tenantId"/> (null: the platform operator side).</summary>
    public HttpClient ClientFor(Guid? tenantId, Guid userId)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(UserHeader, userId.ToString());
        if (tenantId is { } tenant) client.DefaultRequestHeaders.Add(TenantHeader, tenant.ToString());
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    public static async Task<IHtmlDocument> HtmlAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Posts a page's form the way a browser does: its antiforgery token, its cookie, the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(pageUrl);
        page.EnsureSuccessStatusCode();
        var token = (await HtmlAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token");
        var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl, content);
    }

    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var user)) return Task.FromResult(AuthenticateResult.NoResult());
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.ToString()), new(ClaimTypes.Name, "user-" + user) };
            if (Request.Headers.TryGetValue(TenantHeader, out var tenant)) claims.Add(new Claim(TenantConsts.TenantIdClaim, tenant.ToString()));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AdminPagesFactory.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, AdminPagesFactory.Scheme)));
        }
    }

    private sealed class ResourceLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            ErpLocalizationResources.Find(name, CultureInfo.CurrentUICulture) is { } text ? new(name, text) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            this[name] is { ResourceNotFound: false } text ? new(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments)) : this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            ErpLocalizationResources.For("en").Select(p => new LocalizedString(p.Key, p.Value));
    }
}
