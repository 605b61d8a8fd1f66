using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Purchasing;

public sealed class PurchasingApiTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>A company with warehouse WH01, product P-1 (barcode 6901234567892) and supplier S-1, and a browser signed in.</summary>
    private async Task<(ErpBrowser Browser, Guid Warehouse, Guid Supplier)> CompanyAsync(string userName = "admin", params string[] roles)
    {
        var slug = $"puapi-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        if (userName != "admin") await fixture.Given.User(tenant, userName, roles);
        var (warehouse, supplier) = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS", Barcodes = ["6901234567892"] }, ct);
            var created = await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct);
            return ((await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct)).Id, created.Id);
        }));
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync(userName, Given.Password);
        return (browser, warehouse, supplier);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(ErpBrowser browser, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await browser.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static object Order(Guid supplier, Guid warehouse, decimal quantity, Guid? requestId = null) => new
    {
        requestId = requestId ?? Guid.NewGuid(), supplierId = supplier, warehouseId = warehouse,
        lines = new[] { new { product = "P-1", quantity, unitPrice = 2.5m } },
    };

    private static async Task<uint> VersionAsync(ErpBrowser browser, string url) =>
        (await SendAsync(browser, HttpMethod.Get, url)).Body.GetProperty("version").GetUInt32();

    [Fact]
    public async Task An_order_created_twice_with_one_request_id_submitted_and_received_through_the_api_reads_back_partially_received()
    {
        var (browser, warehouse, supplier) = await CompanyAsync();
        var requestId = Guid.NewGuid();

        var (created, body) = await SendAsync(browser, HttpMethod.Post, "/api/v1/purchasing/orders", Order(supplier, warehouse, 10m, requestId));
        var (_, again) = await SendAsync(browser, HttpMethod.Post, "/api/v1/purchasing/orders", Order(supplier, warehouse, 10m, requestId));
        var order = $"/api/v1/purchasing/orders/{body.GetProperty("id").GetGuid()}";
        var (submitted, _) = await SendAsync(browser, HttpMethod.Post, order + "/submit", new { version = await VersionAsync(browser, order) });
        var (_, receipt) = await SendAsync(browser, HttpMethod.Post, "/api/v1/purchasing/receipts", new { requestId = Guid.NewGuid(), purchaseOrderId = body.GetProperty("id").GetGuid() });
        var receiptUrl = $"/api/v1/purchasing/receipts/{receipt.GetProperty("id").GetGuid()}";
        var (scanned, scan) = await SendAsync(browser, HttpMethod.Post, receiptUrl + "/scans", new { version = await VersionAsync(browser, receiptUrl), barcode = "6901234567892", quantity = 4m });
        var (posted, _) = await SendAsync(browser, HttpMethod.Post, receiptUrl + "/post", new { version = scan.GetProperty("version").GetUInt32() });
        var (_, read) = await SendAsync(browser, HttpMethod.Get, order);
        var (_, list) = await SendAsync(browser, HttpMethod.Get, "/api/v1/purchasing/orders?status=PartiallyReceived");

        created.ShouldBe(HttpStatusCode.Created);
        again.GetProperty("id").GetGuid().ShouldBe(body.GetProperty("id").GetGuid());
        submitted.ShouldBe(HttpStatusCode.NoContent);
        (scanned, scan.GetProperty("acceptedQuantity").GetDecimal()).ShouldBe((HttpStatusCode.OK, 4m));
        posted.ShouldBe(HttpStatusCode.NoContent);
        read.GetProperty("status").GetString().ShouldBe("PartiallyReceived");
        (read.GetProperty("lines")[0].GetProperty("receivedQuantity").GetDecimal(), read.GetProperty("lines")[0].GetProperty("openQuantity").GetDecimal()).ShouldBe((4m, 6m));
        read.GetProperty("totalAmount").GetDecimal().ShouldBe(28.25m);
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_line_answers_400_with_the_message_under_its_field()
    {
        var (browser, warehouse, supplier) = await CompanyAsync();

        var (status, problem) = await SendAsync(browser, HttpMethod.Post, "/api/v1/purchasing/orders", Order(supplier, warehouse, 0m));

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(ErpSaaS.Errors.PurchasingErrorCodes.QuantityMustBePositive);
        problem.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString().ShouldBe(T("Error:Purchasing:QuantityMustBePositive"));
    }

    [Fact]
    public async Task Another_company_gets_404_for_an_order_and_its_receipt_and_cannot_submit_cancel_or_post_them()
    {
        var (acme, warehouse, supplier) = await CompanyAsync();
        var (globex, globexWarehouse, globexSupplier) = await CompanyAsync();
        var (_, created) = await SendAsync(acme, HttpMethod.Post, "/api/v1/purchasing/orders", Order(supplier, warehouse, 5m));
        var id = created.GetProperty("id").GetGuid();
        var order = $"/api/v1/purchasing/orders/{id}";
        var version = await VersionAsync(acme, order);
        await SendAsync(acme, HttpMethod.Post, order + "/submit", new { version });
        var (_, receipt) = await SendAsync(acme, HttpMethod.Post, "/api/v1/purchasing/receipts", new { requestId = Guid.NewGuid(), purchaseOrderId = id });
        var receiptUrl = $"/api/v1/purchasing/receipts/{receipt.GetProperty("id").GetGuid()}";

        (await SendAsync(globex, HttpMethod.Get, order)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, order + "/cancel", new { version, reason = "mine" })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Put, order, Order(globexSupplier, globexWarehouse, 1m))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Get, receiptUrl)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, receiptUrl + "/post", new { version = 0 })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, "/api/v1/purchasing/receipts", new { requestId = Guid.NewGuid(), purchaseOrderId = id })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Get, "/api/v1/purchasing/orders")).Body.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await SendAsync(acme, HttpMethod.Get, order)).Body.GetProperty("status").GetString().ShouldBe("Approved");
    }

    [Fact]
    public async Task A_user_without_the_purchasing_permission_gets_403()
    {
        var (browser, warehouse, supplier) = await CompanyAsync("keeper", StaticRoles.WarehouseKeeper);

        (await SendAsync(browser, HttpMethod.Get, "/api/v1/purchasing/orders")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(browser, HttpMethod.Post, "/api/v1/purchasing/orders", Order(supplier, warehouse, 1m))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
