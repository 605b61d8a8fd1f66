using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Inventory;

public sealed class StockPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 2, 0, 0, TimeSpan.Zero);

    private Guid _acme;
    private Guid _admin;
    private Guid _bolt;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("stp-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        _bolt = await StockData.CompanyWithBoltsAsync(factory.Data, _acme, _admin, Monday);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Admin => factory.ClientFor(_acme, _admin);

    [Fact]
    public async Task The_stock_list_shows_each_balance_with_totals_and_filters_by_warehouse()
    {
        var page = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/inventory/stock"));
        var wh2Id = await StockData.WarehouseIdAsync(factory.Data, _acme, "WH02");
        var wh2 = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync($"/app/inventory/stock?WarehouseId={wh2Id}"));

        page.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T("Inventory:StockOnHand")]);
        page.QuerySelectorAll("#stock tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ShouldBe(["WH01", "WH02"]);
        page.QuerySelector("#stock-totals td:nth-child(2)")!.TextContent.Trim().ShouldBe("80");
        page.QuerySelector("#stock-totals td:last-child")!.TextContent.Trim().ShouldBe("40.00");
        page.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
        page.QuerySelector($"#stock a[href='/app/inventory/stock/{_bolt}']").ShouldNotBeNull();
        wh2.QuerySelectorAll("#stock tbody tr").Length.ShouldBe(1);
        wh2.QuerySelector("#stock-totals td:nth-child(2)")!.TextContent.Trim().ShouldBe("10");
    }

    [Fact]
    public async Task The_export_downloads_the_filtered_stock_as_csv()
    {
        var response = await Admin.GetAsync("/app/inventory/stock?handler=Export&Search=bolt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.ShouldContain("BOLT-M6");
        csv.ShouldContain(T("Inventory:OnHand"));
    }

    [Fact]
    public async Task A_products_page_shows_its_warehouses_and_its_movements_newest_first()
    {
        var page = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync($"/app/inventory/stock/{_bolt}"));
        var csv = await (await Admin.GetAsync($"/app/inventory/stock/{_bolt}?handler=Export")).Content.ReadAsStringAsync();

        page.QuerySelectorAll("#levels tbody tr").Length.ShouldBe(2);
        page.QuerySelectorAll("#movements tbody tr td:nth-child(6)").Select(td => td.TextContent.Trim()).ShouldBe(["10", "-30", "100"]);
        page.QuerySelector("#movements tbody tr td:nth-child(2)")!.TextContent.ShouldContain(T("Inventory:Source:Opening"));
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);
    }

    [Fact]
    public async Task Stock_value_at_a_past_day_leaves_out_what_came_later_and_a_future_day_is_refused_next_to_the_date()
    {
        var monday = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/inventory/value?Date=2026-10-05"));
        var future = await Admin.GetAsync("/app/inventory/value?Date=2099-01-01");
        var futurePage = await AdminPagesFactory.HtmlAsync(future);

        monday.QuerySelector("#value-totals td:nth-child(2)")!.TextContent.Trim().ShouldBe("100");
        monday.QuerySelector("#value-totals td:last-child")!.TextContent.Trim().ShouldBe("50.00");
        future.StatusCode.ShouldBe(HttpStatusCode.OK);
        futurePage.QuerySelector("#date-error")!.TextContent.ShouldBe(T("Error:Inventory:ValueDateInFuture"));
    }

    [Fact]
    public async Task Checking_now_records_a_clean_result_and_a_tampered_balance_shows_up_as_a_difference()
    {
        var before = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/inventory/verification"));
        var run = await AdminPagesFactory.PostFormAsync(Admin, "/app/inventory/verification", "/app/inventory/verification?handler=Run");
        var clean = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/inventory/verification"));
        await StockData.TamperAsync(factory.Data, _acme);
        await AdminPagesFactory.PostFormAsync(Admin, "/app/inventory/verification", "/app/inventory/verification?handler=Run");
        var found = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/inventory/verification"));

        before.QuerySelector("#verification-none").ShouldNotBeNull();
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        clean.QuerySelector("#verification-clean").ShouldNotBeNull();
        found.QuerySelector("#verification-differences")!.TextContent.ShouldBe(T("Inventory:DifferenceCount", "en", 1));
        found.QuerySelectorAll("#differences tbody tr td").Select(td => td.TextContent.Trim()).Take(2)
            .ShouldBe([T("Inventory:DifferenceKind:Balance"), "BOLT-M6"]);
    }

    [Fact]
    public async Task Another_company_finds_none_of_this_stock_and_no_product_page_by_id()
    {
        var globex = await factory.Data.Given.Tenant("stg-" + Guid.NewGuid().ToString("N")[..6]);
        var globexAdmin = await factory.Data.Given.User(globex, "admin", StaticRoles.Admin);
        var client = factory.ClientFor(globex, globexAdmin);

        var list = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/stock?IncludeZero=true"));
        var product = await client.GetAsync($"/app/inventory/stock/{_bolt}");
        var export = await (await client.GetAsync($"/app/inventory/stock/{_bolt}?handler=Export")).Content.ReadAsStringAsync();
        var value = await (await client.GetAsync("/app/inventory/value?handler=Export")).Content.ReadAsStringAsync();

        list.QuerySelectorAll("#stock tbody tr td a").ShouldBeEmpty();
        product.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        export.ShouldNotContain("BOLT-M6");
        value.ShouldNotContain("BOLT-M6");
    }

    [Fact]
    public async Task A_user_without_the_inventory_permission_is_forbidden_the_pages_and_does_not_see_the_menu()
    {
        var accountant = await factory.Data.Given.User(_acme, "acct-" + Guid.NewGuid().ToString("N")[..4], StaticRoles.Accountant);
        var client = factory.ClientFor(_acme, accountant);

        foreach (var url in new[] { "/app/inventory/stock", $"/app/inventory/stock/{_bolt}", "/app/inventory/value", "/app/inventory/verification" })
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        var home = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/"));
        home.QuerySelector("a[href='/app/inventory/stock']").ShouldBeNull();
        var adminHome = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/"));
        adminHome.QuerySelectorAll("#main-menu a[href^='/app/inventory/']").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/app/inventory/stock", "/app/inventory/openings", "/app/inventory/transfers", "/app/inventory/adjustments", "/app/inventory/alerts", "/app/inventory/counts", "/app/inventory/replenishment", "/app/inventory/value", "/app/inventory/reports/slow-moving", "/app/inventory/reports/expiring-batches", "/app/inventory/verification"]);
    }

    [Fact]
    public async Task The_settings_page_offers_the_stock_choices_and_says_why_the_valuation_scope_can_no_longer_change()
    {
        var settings = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/settings"));
        // The form as the browser would send it, with the valuation scope switched.
        var fields = settings.QuerySelectorAll("form input[name^='Input.'], form select[name^='Input.']")
            .Select(e => (e.GetAttribute("name")!, e.TagName == "SELECT"
                ? (e.QuerySelector("option[selected]") ?? e.QuerySelector("option")) is { } option ? option.GetAttribute("value") ?? option.TextContent : ""
                : e.GetAttribute("value") ?? ""))
            .Select(f => f.Item1 switch
            {
                "Input.Options[Inventory.ValuationScope]" => (f.Item1, "Warehouse"),
                "Input.CompanyName" => (f.Item1, "Acme Ltd."),
                _ => f,
            }).ToArray();

        var response = await AdminPagesFactory.PostFormAsync(Admin, "/app/settings", "/app/settings", fields);
        var page = await AdminPagesFactory.HtmlAsync(response);

        settings.QuerySelector("#settings-inventory .card-title")!.TextContent.ShouldBe(T("Settings:Section:Inventory"));
        settings.QuerySelectorAll("#settings-inventory select").Select(s => s.GetAttribute("name"))
            .ShouldBe(["Input.Options[Inventory.AllowNegativeStock]", "Input.Options[Inventory.ValuationScope]"]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#settings-inventory .invalid-feedback")!.TextContent.ShouldBe(T("Error:Inventory:ValuationScopeLocked"));
    }
}

/// <summary>Stock a page test starts from, posted through the ledger like any document would.</summary>
internal static class StockData
{
    /// <summary>WH01 and WH02; BOLT-M6 in from opening balances (100 @ 0.50 on Monday, 10 into WH02 on Wednesday), 30 out on Tuesday.</summary>
    public static Task<Guid> CompanyWithBoltsAsync(ErpTestFixture data, Guid tenant, Guid admin, DateTimeOffset monday) =>
        data.AsUserAsync(tenant, admin, async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            var (bolt, wh1, wh2) = await unitOfWork.InTransactionAsync(async ct =>
            {
                await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
                var warehouses = sp.GetRequiredService<WarehouseManager>();
                var first = await warehouses.CreateAsync("WH01", "Main", null, cancellationToken: ct);
                var second = await warehouses.CreateAsync("WH02", "Second", null, cancellationToken: ct);
                var product = await sp.GetRequiredService<ProductManager>().CreateAsync("BOLT-M6", new ProductDetails { Name = "Hex bolt M6", BaseUnit = "PCS" }, ct);
                return (product.Id, first.Id, second.Id);
            });
            var ledger = sp.GetRequiredService<IStockLedger>();
            async Task PostAsync(string source, DateTimeOffset at, Guid warehouse, decimal quantity, decimal? cost) =>
                await unitOfWork.InTransactionAsync(ct => ledger.PostAsync(new StockPosting(source, Guid.NewGuid(), source + "-" + at.Day, at,
                    [new StockMovement { ProductId = bolt, WarehouseId = warehouse, Quantity = quantity, UnitCost = cost, LineNumber = 1 }]), ct));
            await PostAsync(StockSourceTypes.Opening, monday, wh1, 100m, 0.5m);
            await PostAsync(StockSourceTypes.Adjustment, monday.AddDays(1), wh1, -30m, null);
            await PostAsync(StockSourceTypes.Opening, monday.AddDays(2), wh2, 10m, 0.5m);
            return bolt;
        });

    public static Task<Guid> WarehouseIdAsync(ErpTestFixture data, Guid tenant, string code) =>
        data.InScopeAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<ErpSaaS.EntityFrameworkCore.ErpDbContext>().Warehouses.Where(w => w.Code == code).Select(w => w.Id).Single()));

    /// <summary>Someone with the owner's rights changes a balance without a ledger entry.</summary>
    public static async Task TamperAsync(ErpTestFixture data, Guid tenant)
    {
        await using var owner = new NpgsqlConnection(data.OwnerConnectionString);
        await owner.OpenAsync();
        await using var tamper = new NpgsqlCommand(
            "SELECT set_config('erp.bypass_tenant', 'on', false); UPDATE stock_balances SET on_hand = on_hand - 1 WHERE tenant_id = @tenant AND on_hand = 70", owner);
        tamper.Parameters.AddWithValue("tenant", tenant);
        await tamper.ExecuteNonQueryAsync();
    }
}
