using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Sales;

/// <summary>Back orders and foreign-currency orders through <c>/api/v1/sales/orders</c>.</summary>
public sealed class SalesBackOrderApiTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>A company with 10 × P-1 in WH01, customers C1 (CNY) and E1 (EUR, no rate), and a browser signed in as its admin.</summary>
    private async Task<(ErpBrowser Browser, Guid Tenant, Guid Warehouse, Guid Customer, Guid EuroCustomer, Guid Product)> CompanyAsync()
    {
        var slug = $"sabo-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        var (warehouse, customer, euro, product) = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            var p1 = await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS", SalePrice = 2m }, ct);
            var wh01 = await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct);
            var c1 = await sp.GetRequiredService<CustomerManager>().CreateAsync("C1", "Customer One", "CNY", ct);
            c1.ChangeCreditTerms(100_000m, 30);
            var e1 = await sp.GetRequiredService<CustomerManager>().CreateAsync("E1", "Euro Customer", "EUR", ct);
            e1.ChangeCreditTerms(100_000m, 30);
            return (wh01.Id, c1.Id, e1.Id, p1.Id);
        }));
        await ReceiveAsync(tenant, warehouse, product, 10m);
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);
        return (browser, tenant, warehouse, customer, euro, product);
    }

    private Task ReceiveAsync(Guid tenant, Guid warehouse, Guid product, decimal quantity) =>
        fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct =>
            sp.GetRequiredService<IStockLedger>().PostAsync(new StockPosting("Opening", Guid.NewGuid(), "OB-" + quantity, fixture.Clock.GetUtcNow().AddDays(-1),
                [new StockMovement { ProductId = product, WarehouseId = warehouse, Quantity = quantity, UnitCost = 1m, LineNumber = 1 }]), ct)));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(ErpBrowser browser, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await browser.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static async Task<string> OrderAsync(ErpBrowser browser, Guid warehouse, Guid customer, decimal quantity)
    {
        var (_, created) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/orders", new
        {
            requestId = Guid.NewGuid(), customerId = customer, warehouseId = warehouse, lines = new[] { new { product = "P-1", quantity } },
        });
        return $"/api/v1/sales/orders/{created.GetProperty("id").GetGuid()}";
    }

    private static async Task<uint> VersionAsync(ErpBrowser browser, string url) => (await SendAsync(browser, HttpMethod.Get, url)).Body.GetProperty("version").GetUInt32();

    [Fact]
    public async Task Back_order_true_confirms_a_short_order_and_stock_received_later_reserves_the_rest()
    {
        var (browser, tenant, warehouse, customer, _, product) = await CompanyAsync();
        var url = await OrderAsync(browser, warehouse, customer, 14m);

        var plain = await SendAsync(browser, HttpMethod.Post, url + "/confirm", new { version = await VersionAsync(browser, url) });
        var backOrder = await SendAsync(browser, HttpMethod.Post, url + "/confirm", new { version = await VersionAsync(browser, url), backOrder = true });
        var confirmed = (await SendAsync(browser, HttpMethod.Get, url)).Body;
        var nothing = await SendAsync(browser, HttpMethod.Post, url + "/back-orders/reserve");
        await ReceiveAsync(tenant, warehouse, product, 6m);
        var afterReceipt = (await SendAsync(browser, HttpMethod.Get, url)).Body;

        plain.Status.ShouldBe(HttpStatusCode.BadRequest);
        (backOrder.Status, backOrder.Body.GetProperty("status").GetString()).ShouldBe((HttpStatusCode.OK, "Confirmed"));
        var line = confirmed.GetProperty("lines")[0];
        (line.GetProperty("reservedQuantity").GetDecimal(), line.GetProperty("backOrderedQuantity").GetDecimal()).ShouldBe((10m, 4m));
        confirmed.GetProperty("backOrderedQuantity").GetDecimal().ShouldBe(4m);
        nothing.Status.ShouldBe(HttpStatusCode.BadRequest);
        var after = afterReceipt.GetProperty("lines")[0];
        (after.GetProperty("reservedQuantity").GetDecimal(), after.GetProperty("backOrderedQuantity").GetDecimal()).ShouldBe((14m, 0m));
    }

    [Fact]
    public async Task A_currency_without_a_rate_answers_a_400_problem_under_currency_code_and_other_companies_get_404()
    {
        var (acme, _, warehouse, customer, euro, _) = await CompanyAsync();
        var (globex, _, _, _, _, _) = await CompanyAsync();
        var euroUrl = await OrderAsync(acme, warehouse, euro, 2m);
        var shortUrl = await OrderAsync(acme, warehouse, customer, 14m);
        await SendAsync(acme, HttpMethod.Post, shortUrl + "/confirm", new { version = await VersionAsync(acme, shortUrl), backOrder = true });

        var (status, problem) = await SendAsync(acme, HttpMethod.Post, euroUrl + "/confirm", new { version = await VersionAsync(acme, euroUrl) });

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("currencyCode")[0].GetString()
            .ShouldBe(T("Error:Sales:ExchangeRateMissing", "en", "EUR", "CNY", fixture.Clock.GetUtcNow().ToString("yyyy-MM-dd")));
        (await SendAsync(acme, HttpMethod.Get, euroUrl)).Body.GetProperty("status").GetString().ShouldBe("Draft");
        (await SendAsync(globex, HttpMethod.Post, shortUrl + "/back-orders/reserve")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, euroUrl + "/confirm", new { version = 1, backOrder = true })).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
