using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Sales;

/// <summary>The salesperson's sales order tracking board on screen and through the API (the class moves its own clock).</summary>
public sealed class SalesTrackingPagesTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>A company with 20 P-1 in WH01, customer C1, a draft order and a confirmed one promised for tomorrow.</summary>
    private async Task<(string Slug, Guid Tenant, Guid Draft, Guid Confirmed)> CompanyAsync()
    {
        var slug = $"strk-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        var (warehouse, customer) = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS", SalePrice = 5m }, ct);
            var c1 = await sp.GetRequiredService<CustomerManager>().CreateAsync("C1", "Customer One", "CNY", ct);
            c1.ChangeCreditTerms(1_000_000m, 30);
            return ((await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct)).Id, c1.Id);
        }));
        var (draft, confirmed) = await fixture.AsUserAsync(tenant, admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var opening = await openings.CreateAsync(new OpeningBalanceInput
            {
                RequestId = Guid.NewGuid(), Lines = [new() { Product = "P-1", WarehouseId = warehouse, Quantity = 20m, UnitCost = 3m }],
            });
            await openings.PostAsync(opening, new StockDocumentActionInput { Version = (await openings.GetAsync(opening)).Header.Version });
            var orders = sp.GetRequiredService<ISalesOrderAppService>();
            var today = (await sp.GetRequiredService<SalesActors>().CurrentAsync()).Today;
            Task<Guid> OrderAsync() => orders.CreateAsync(new SalesOrderInput
            {
                RequestId = Guid.NewGuid(), CustomerId = customer, WarehouseId = warehouse,
                Lines = [new SalesOrderLineInput { Product = "P-1", Quantity = 4m, PromisedDate = today.AddDays(1) }],
            });
            var draftId = await OrderAsync();
            var confirmedId = await OrderAsync();
            await orders.ConfirmAsync(confirmedId, new SalesActionInput { Version = (await orders.GetAsync(confirmedId)).Version });
            return (draftId, confirmedId);
        });
        return (slug, tenant, draft, confirmed);
    }

    [Fact]
    public async Task The_board_shows_each_order_in_its_stage_and_marks_a_delivery_past_its_promised_date()
    {
        var (slug, _, draft, confirmed) = await CompanyAsync();
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var onTime = await browser.GetAsync("/app/sales/tracking");
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var later = await browser.GetAsync("/app/sales/tracking");
        var overdueOnly = await browser.GetAsync("/app/sales/tracking?OverdueOnly=true");

        onTime.StatusCode.ShouldBe(HttpStatusCode.OK);
        onTime.Document.QuerySelector($"#tracking a[href='/app/sales/orders/{draft}']")!.Closest("tr")!.GetAttribute("data-stage").ShouldBe("Draft");
        var row = onTime.Document.QuerySelector($"#tracking a[href='/app/sales/orders/{confirmed}']")!.Closest("tr")!;
        (row.GetAttribute("data-stage"), row.QuerySelector("[data-mark]")).ShouldBe(("AwaitingDelivery", null));
        onTime.Document.QuerySelector("[data-count='AwaitingDelivery']")!.TextContent.ShouldBe("1");
        // Promised for tomorrow and still undelivered three days on: two days late; a draft promises nothing yet.
        later.Document.QuerySelector($"#tracking a[href='/app/sales/orders/{confirmed}']")!.Closest("tr")!.QuerySelector("[data-mark='delivery-late']")!.TextContent
            .ShouldBe(T("SalesTracking:DeliveryLate", "en", 2));
        later.Document.QuerySelector($"#tracking a[href='/app/sales/orders/{draft}']")!.Closest("tr")!.QuerySelector("[data-mark]").ShouldBeNull();
        overdueOnly.Document.QuerySelectorAll("#tracking a[href^='/app/sales/orders/']").Select(a => a.GetAttribute("href")).ShouldBe([$"/app/sales/orders/{confirmed}"]);
    }

    [Fact]
    public async Task The_board_speaks_chinese_and_the_api_answers_with_the_orders()
    {
        var (slug, tenant, draft, confirmed) = await CompanyAsync();
        await fixture.SpeakChineseAsync(tenant);
        using var browser = fixture.Web.TenantBrowser(slug, "zh-Hans");
        await browser.SignInAsync("admin", Given.Password);

        var page = await browser.GetAsync("/app/sales/tracking");
        var api = await browser.Client.GetAsync(new Uri("/api/v1/sales/tracking?stage=AwaitingDelivery", UriKind.Relative));
        var body = await api.Content.ReadAsStringAsync();

        page.Document.QuerySelector("#tracking thead")!.TextContent.ShouldContain(T("SalesTracking:Stage", "zh-Hans"));
        page.Document.QuerySelector($"#tracking a[href='/app/sales/orders/{draft}']")!.Closest("tr")!.QuerySelector(".badge")!.TextContent
            .ShouldBe(T("SalesOrderStage:Draft", "zh-Hans"));
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain(confirmed.ToString());
        body.ShouldNotContain(draft.ToString());
    }

    [Fact]
    public async Task Another_company_sees_none_of_the_orders_and_a_user_without_sales_is_refused()
    {
        var (slug, tenant, draft, confirmed) = await CompanyAsync();
        var (otherSlug, _, _, _) = await CompanyAsync();
        await fixture.Given.User(tenant, "viewer");
        using var other = fixture.Web.TenantBrowser(otherSlug);
        await other.SignInAsync("admin", Given.Password);
        using var viewer = fixture.Web.TenantBrowser(slug);
        await viewer.SignInAsync("viewer", Given.Password);

        var board = await other.GetAsync("/app/sales/tracking?IncludeFinished=true");
        var api = await (await other.Client.GetAsync(new Uri("/api/v1/sales/tracking?includeFinished=true", UriKind.Relative))).Content.ReadAsStringAsync();

        board.Document.QuerySelectorAll("#tracking a[href^='/app/sales/orders/']").Length.ShouldBe(2);
        foreach (var id in new[] { draft, confirmed })
        {
            board.Document.QuerySelector($"#tracking a[href='/app/sales/orders/{id}']").ShouldBeNull();
            api.ShouldNotContain(id.ToString());
        }
        (await viewer.GetAsync("/app/sales/tracking")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.Client.GetAsync(new Uri("/api/v1/sales/tracking", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
