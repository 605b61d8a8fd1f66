using System.Net;
using ErpSaaS.Analytics;
using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Analytics;

/// <summary>The exceptions list on screen and through the API: each kind a tab with its count, each row linking to its documents.</summary>
public sealed class ExceptionPagesTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>
    /// A company that bought 10 P-1 at ¥3 and 10 at ¥5 (average ¥4: ¥5 is 25 % above) and has an order of ¥1,000 and more
    /// waiting for the boss, who had an hour to decide and let it pass.
    /// </summary>
    private async Task<(string Slug, Guid Tenant, Guid Dear, Guid Waiting)> CompanyAsync()
    {
        var slug = $"exc-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        var boss = await fixture.Given.User(tenant, "boss", StaticRoles.Admin);
        var (warehouse, supplier) = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS" }, ct);
            var created = await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct);
            return ((await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct)).Id, created.Id);
        }));
        var (dear, waiting) = await fixture.AsUserAsync(tenant, admin, async sp =>
        {
            await sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseOrder, new ApprovalStepInput
            {
                Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = 1000m, SlaHours = 1,
            });
            var orders = sp.GetRequiredService<IPurchaseOrderAppService>();
            var today = (await sp.GetRequiredService<PurchasingActors>().CurrentAsync()).Today;
            async Task<Guid> SubmittedAsync(decimal quantity, decimal price)
            {
                var id = await orders.CreateAsync(new PurchaseOrderInput
                {
                    RequestId = Guid.NewGuid(), SupplierId = supplier, WarehouseId = warehouse,
                    Lines = [new PurchaseOrderLineInput { Product = "P-1", Quantity = quantity, UnitPrice = price, ExpectedDate = today.AddDays(30) }],
                });
                await orders.SubmitAsync(id, new PurchasingActionInput { Version = (await orders.GetAsync(id)).Version });
                return id;
            }
            await SubmittedAsync(10m, 3m);
            return (await SubmittedAsync(10m, 5m), await SubmittedAsync(1000m, 4m));
        });
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        return (slug, tenant, dear, waiting);
    }

    [Fact]
    public async Task Each_kind_is_a_tab_with_its_count_and_each_row_links_to_its_document()
    {
        var (slug, _, dear, waiting) = await CompanyAsync();
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var first = await browser.GetAsync("/app/analytics/exceptions");
        var approvals = await browser.GetAsync("/app/analytics/exceptions?Kind=ApprovalOverdue");
        var settings = await browser.GetAsync("/app/settings");
        var api = await browser.Client.GetAsync(new Uri("/api/v1/analytics/exceptions?kind=PriceAboveAverage", UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Document.QuerySelector("#exception-kinds .active")!.GetAttribute("data-kind").ShouldBe(nameof(ExceptionKind.PriceAboveAverage));
        (first.Document.QuerySelector("[data-count='PriceAboveAverage']")!.TextContent, first.Document.QuerySelector("[data-count='ApprovalOverdue']")!.TextContent,
            first.Document.QuerySelector("[data-count='SupplierLate']")!.TextContent).ShouldBe(("1", "1", "0"));
        var row = first.Document.QuerySelector("#exceptions tbody tr[data-reference]")!;
        (row.QuerySelector("a")!.GetAttribute("href"), row.QuerySelector("[data-actual]")!.TextContent, row.QuerySelector("[data-baseline]")!.TextContent,
            row.QuerySelector("[data-percent]")!.TextContent).ShouldBe(($"/app/purchasing/orders/{dear}", "5", "4", "25.00 %"));
        approvals.Document.QuerySelectorAll("#exceptions tbody a").Select(a => a.GetAttribute("href")).ShouldBe([$"/app/purchasing/orders/{waiting}"]);
        settings.Document.QuerySelector("#settings-analytics")!.TextContent.ShouldContain(T("Setting:Analytics.PriceIncreasePercent"));
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Content.ReadAsStringAsync()).ShouldContain($"/app/purchasing/orders/{dear}");
    }

    [Fact]
    public async Task The_list_speaks_chinese_and_is_reached_from_the_menu()
    {
        var (slug, tenant, _, _) = await CompanyAsync();
        await fixture.SpeakChineseAsync(tenant);
        using var browser = fixture.Web.TenantBrowser(slug, "zh-Hans");
        await browser.SignInAsync("admin", Given.Password);

        var page = await browser.GetAsync("/app/analytics/exceptions");

        page.Document.QuerySelector("#exception-kinds [data-kind='PriceAboveAverage']")!.TextContent.ShouldContain(T("ExceptionKind:PriceAboveAverage", "zh-Hans"));
        page.Document.QuerySelector("#kind-rule")!.TextContent.ShouldContain(T("Exceptions:Rule:PriceAboveAverage", "zh-Hans", "10", 90));
        page.Document.QuerySelector("a[href='/app/analytics/exceptions']")!.TextContent.ShouldContain(T("Menu:Exceptions", "zh-Hans"));
    }

    [Fact]
    public async Task Another_company_sees_none_of_the_exceptions_and_a_user_without_the_permission_is_refused()
    {
        var (slug, tenant, dear, waiting) = await CompanyAsync();
        var otherSlug = $"exo-{Guid.NewGuid():N}"[..20];
        await fixture.Given.Tenant(otherSlug);
        await fixture.Given.User(tenant, "viewer");
        using var other = fixture.Web.TenantBrowser(otherSlug);
        await other.SignInAsync("admin", Given.Password);
        using var viewer = fixture.Web.TenantBrowser(slug);
        await viewer.SignInAsync("viewer", Given.Password);

        var prices = await other.GetAsync("/app/analytics/exceptions?Kind=PriceAboveAverage");
        var approvals = await other.GetAsync("/app/analytics/exceptions?Kind=ApprovalOverdue");

        prices.Document.QuerySelectorAll("#exception-kinds [data-count]").Select(c => c.TextContent).ShouldAllBe(count => count == "0");
        (prices.Document.QuerySelectorAll("#exceptions tbody a").Length, approvals.Document.QuerySelectorAll("#exceptions tbody a").Length).ShouldBe((0, 0));
        prices.Content.ShouldNotContain(dear.ToString());
        approvals.Content.ShouldNotContain(waiting.ToString());
        (await viewer.GetAsync("/app/analytics/exceptions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.Client.GetAsync(new Uri("/api/v1/analytics/exceptions", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
