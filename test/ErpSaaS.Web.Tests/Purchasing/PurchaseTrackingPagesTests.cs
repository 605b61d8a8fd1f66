using System.Net;
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

namespace ErpSaaS.Web.Tests.Purchasing;

/// <summary>The buyer's purchase order tracking board on screen and through the API (the class moves its own clock).</summary>
public sealed class PurchaseTrackingPagesTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>A company with a draft order and an approved one due tomorrow, both from S-1 into WH01.</summary>
    private async Task<(string Slug, Guid Tenant, Guid Draft, Guid Due)> CompanyAsync()
    {
        var slug = $"ptrk-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        var (warehouse, supplier) = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS" }, ct);
            var created = await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct);
            return ((await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct)).Id, created.Id);
        }));
        var (draft, due) = await fixture.AsUserAsync(tenant, admin, async sp =>
        {
            var orders = sp.GetRequiredService<IPurchaseOrderAppService>();
            var today = (await sp.GetRequiredService<PurchasingActors>().CurrentAsync()).Today;
            Task<Guid> OrderAsync(DateOnly expected) => orders.CreateAsync(new PurchaseOrderInput
            {
                RequestId = Guid.NewGuid(), SupplierId = supplier, WarehouseId = warehouse,
                Lines = [new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, UnitPrice = 3m, ExpectedDate = expected }],
            });
            var draftId = await OrderAsync(today.AddDays(1));
            var dueId = await OrderAsync(today.AddDays(1));
            await orders.SubmitAsync(dueId, new PurchasingActionInput { Version = (await orders.GetAsync(dueId)).Version });
            return (draftId, dueId);
        });
        return (slug, tenant, draft, due);
    }

    [Fact]
    public async Task The_board_shows_each_order_in_its_stage_marks_goods_past_their_date_and_filters_the_overdue_ones()
    {
        var (slug, _, draft, due) = await CompanyAsync();
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var onTime = await browser.GetAsync("/app/purchasing/tracking");
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var later = await browser.GetAsync("/app/purchasing/tracking");
        var overdueOnly = await browser.GetAsync("/app/purchasing/tracking?OverdueOnly=true");
        var drafts = await browser.GetAsync("/app/purchasing/tracking?Stage=Draft");
        var export = await browser.Client.GetAsync(new Uri("/app/purchasing/tracking?handler=Export", UriKind.Relative));

        onTime.StatusCode.ShouldBe(HttpStatusCode.OK);
        onTime.Document.QuerySelector($"#tracking a[href='/app/purchasing/orders/{draft}']")!.Closest("tr")!.GetAttribute("data-stage").ShouldBe("Draft");
        var dueRow = onTime.Document.QuerySelector($"#tracking a[href='/app/purchasing/orders/{due}']")!.Closest("tr")!;
        dueRow.GetAttribute("data-stage").ShouldBe("ApprovedNotSent");
        dueRow.QuerySelector("[data-mark]").ShouldBeNull();
        (onTime.Document.QuerySelector("[data-count='Draft']")!.TextContent, onTime.Document.QuerySelector("[data-count='overdue']")!.TextContent).ShouldBe(("1", "0"));
        // Due tomorrow and read three days on: two days late; a draft is never late.
        later.Document.QuerySelector($"#tracking a[href='/app/purchasing/orders/{due}']")!.Closest("tr")!.QuerySelector("[data-mark='receipt-late']")!.TextContent
            .ShouldBe(T("PurchaseTracking:ReceiptLate", "en", 2));
        later.Document.QuerySelector("[data-count='overdue']")!.TextContent.ShouldBe("1");
        overdueOnly.Document.QuerySelectorAll("#tracking a[href^='/app/purchasing/orders/']").Select(a => a.GetAttribute("href")).ShouldBe([$"/app/purchasing/orders/{due}"]);
        drafts.Document.QuerySelectorAll("#tracking a[href^='/app/purchasing/orders/']").Select(a => a.GetAttribute("href")).ShouldBe([$"/app/purchasing/orders/{draft}"]);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync()).ShouldContain(T("PurchaseOrderStage:ApprovedNotSent"));
    }

    [Fact]
    public async Task The_board_speaks_chinese_and_the_api_answers_with_the_counts()
    {
        var (slug, tenant, draft, _) = await CompanyAsync();
        await fixture.SpeakChineseAsync(tenant);
        using var browser = fixture.Web.TenantBrowser(slug, "zh-Hans");
        await browser.SignInAsync("admin", Given.Password);

        var page = await browser.GetAsync("/app/purchasing/tracking");
        var api = await browser.Client.GetAsync(new Uri("/api/v1/purchasing/tracking?stage=Draft", UriKind.Relative));
        var body = await api.Content.ReadAsStringAsync();

        page.Document.QuerySelector("#tracking thead")!.TextContent.ShouldContain(T("PurchaseTracking:Stage", "zh-Hans"));
        page.Document.QuerySelector($"#tracking a[href='/app/purchasing/orders/{draft}']")!.Closest("tr")!.QuerySelector(".badge")!.TextContent
            .ShouldBe(T("PurchaseOrderStage:Draft", "zh-Hans"));
        page.Document.QuerySelector("#stage-counts")!.TextContent.ShouldContain(T("PurchaseOrderStage:AwaitingConfirmation", "zh-Hans"));
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain(draft.ToString());
        body.ShouldContain("\"Draft\":1");
    }

    [Fact]
    public async Task Another_company_sees_none_of_the_orders_and_a_user_without_purchasing_is_refused()
    {
        var (slug, tenant, draft, due) = await CompanyAsync();
        var (otherSlug, _, _, _) = await CompanyAsync();
        await fixture.Given.User(tenant, "viewer");
        using var other = fixture.Web.TenantBrowser(otherSlug);
        await other.SignInAsync("admin", Given.Password);
        using var viewer = fixture.Web.TenantBrowser(slug);
        await viewer.SignInAsync("viewer", Given.Password);

        var board = await other.GetAsync("/app/purchasing/tracking?IncludeFinished=true");
        var api = await (await other.Client.GetAsync(new Uri("/api/v1/purchasing/tracking?includeFinished=true", UriKind.Relative))).Content.ReadAsStringAsync();

        board.Document.QuerySelectorAll("#tracking a[href^='/app/purchasing/orders/']").Length.ShouldBe(2);
        foreach (var id in new[] { draft, due })
        {
            board.Document.QuerySelector($"#tracking a[href='/app/purchasing/orders/{id}']").ShouldBeNull();
            api.ShouldNotContain(id.ToString());
        }
        (await viewer.GetAsync("/app/purchasing/tracking")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.Client.GetAsync(new Uri("/api/v1/purchasing/tracking", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
