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

namespace ErpSaaS.Web.Tests.Inventory.Documents;

public sealed class StockDocumentsApiTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>A company with warehouse WH01 and product P-1 (barcode 6901234567892), and a browser signed in as its admin.</summary>
    private async Task<(ErpBrowser Browser, Guid Warehouse)> CompanyAsync(string userName = "admin", params string[] roles)
    {
        var slug = $"sdapi-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        if (userName != "admin") await fixture.Given.User(tenant, userName, roles);
        var warehouse = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS", Barcodes = ["6901234567892"] }, ct);
            return (await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct)).Id;
        }));
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync(userName, Given.Password);
        return (browser, warehouse);
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

    private static object Opening(Guid warehouse, decimal quantity, Guid? requestId = null) => new
    {
        requestId = requestId ?? Guid.NewGuid(),
        lines = new[] { new { product = "P-1", warehouseId = warehouse, quantity, unitCost = 2m } },
    };

    [Fact]
    public async Task An_opening_created_and_posted_through_the_api_reads_back_posted_with_its_value()
    {
        var (browser, warehouse) = await CompanyAsync();
        var requestId = Guid.NewGuid();

        var (created, body) = await SendAsync(browser, HttpMethod.Post, "/api/v1/inventory/openings", Opening(warehouse, 5m, requestId));
        var id = body.GetProperty("id").GetGuid();
        var (_, again) = await SendAsync(browser, HttpMethod.Post, "/api/v1/inventory/openings", Opening(warehouse, 5m, requestId));
        var (_, first) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/inventory/openings/{id}");
        var (changed, _) = await SendAsync(browser, HttpMethod.Put, $"/api/v1/inventory/openings/{id}", new
        {
            version = first.GetProperty("header").GetProperty("version").GetUInt32(),
            lines = new[] { new { product = "P-1", warehouseId = warehouse, quantity = 6m, unitCost = 2m } },
        });
        var (_, draft) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/inventory/openings/{id}");
        var version = draft.GetProperty("header").GetProperty("version").GetUInt32();
        var (posted, _) = await SendAsync(browser, HttpMethod.Post, $"/api/v1/inventory/openings/{id}/post", new { version });
        var (_, read) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/inventory/openings/{id}");
        var (_, list) = await SendAsync(browser, HttpMethod.Get, "/api/v1/inventory/openings?status=Posted");

        created.ShouldBe(HttpStatusCode.Created);
        again.GetProperty("id").GetGuid().ShouldBe(id);
        changed.ShouldBe(HttpStatusCode.NoContent);
        posted.ShouldBe(HttpStatusCode.NoContent);
        read.GetProperty("header").GetProperty("status").GetString().ShouldBe("Posted");
        read.GetProperty("lines")[0].GetProperty("postedValue").GetDecimal().ShouldBe(12.00m);
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_line_answers_400_with_the_message_under_the_lines_field()
    {
        var (browser, warehouse) = await CompanyAsync();

        var (status, problem) = await SendAsync(browser, HttpMethod.Post, "/api/v1/inventory/openings", Opening(warehouse, 0m));

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(ErpSaaS.Errors.StockDocumentErrorCodes.QuantityMustBePositive);
        problem.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString().ShouldBe(T("Error:StockDocuments:QuantityMustBePositive"));
    }

    [Fact]
    public async Task A_count_through_the_api_freezes_the_book_takes_scans_and_posts_the_variance()
    {
        var (browser, warehouse) = await CompanyAsync();
        var (_, opening) = await SendAsync(browser, HttpMethod.Post, "/api/v1/inventory/openings", Opening(warehouse, 5m));
        var openingId = opening.GetProperty("id").GetGuid();
        var (_, openingDraft) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/inventory/openings/{openingId}");
        await SendAsync(browser, HttpMethod.Post, $"/api/v1/inventory/openings/{openingId}/post", new { version = openingDraft.GetProperty("header").GetProperty("version").GetUInt32() });

        var (_, created) = await SendAsync(browser, HttpMethod.Post, "/api/v1/inventory/counts", new { requestId = Guid.NewGuid(), warehouseId = warehouse });
        var count = $"/api/v1/inventory/counts/{created.GetProperty("id").GetGuid()}";
        await SendAsync(browser, HttpMethod.Post, count + "/start", new { version = await VersionAsync(browser, count) });
        var (scanned, scan) = await SendAsync(browser, HttpMethod.Post, count + "/scans", new { barcode = "6901234567892", quantity = 4m });
        var (unknown, problem) = await SendAsync(browser, HttpMethod.Post, count + "/scans", new { barcode = "nope" });
        await SendAsync(browser, HttpMethod.Post, count + "/finish", new { version = await VersionAsync(browser, count) });
        var (posted, _) = await SendAsync(browser, HttpMethod.Post, count + "/post", new { version = await VersionAsync(browser, count) });
        var (_, read) = await SendAsync(browser, HttpMethod.Get, count);

        scanned.ShouldBe(HttpStatusCode.OK);
        scan.GetProperty("countedQuantity").GetDecimal().ShouldBe(4m);
        unknown.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("barcode")[0].GetString().ShouldBe(T("Error:StockDocuments:BarcodeUnknown", "en", "nope"));
        posted.ShouldBe(HttpStatusCode.NoContent);
        read.GetProperty("header").GetProperty("status").GetString().ShouldBe("Posted");
        read.GetProperty("lines")[0].GetProperty("postedValue").GetDecimal().ShouldBe(-2.00m);
    }

    [Fact]
    public async Task Another_company_gets_404_for_a_document_by_its_id_and_cannot_post_or_scan_it()
    {
        var (acme, warehouse) = await CompanyAsync();
        var (globex, _) = await CompanyAsync();
        var (_, created) = await SendAsync(acme, HttpMethod.Post, "/api/v1/inventory/openings", Opening(warehouse, 5m));
        var id = created.GetProperty("id").GetGuid();
        var (_, count) = await SendAsync(acme, HttpMethod.Post, "/api/v1/inventory/counts", new { requestId = Guid.NewGuid(), warehouseId = warehouse });
        var version = await VersionAsync(acme, $"/api/v1/inventory/openings/{id}");

        (await SendAsync(globex, HttpMethod.Get, $"/api/v1/inventory/openings/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, $"/api/v1/inventory/openings/{id}/post", new { version })).Status.ShouldBe(HttpStatusCode.NotFound);
        var put = await SendAsync(globex, HttpMethod.Put, $"/api/v1/inventory/openings/{id}", Opening(warehouse, 9m));
        put.Status.ShouldBe(HttpStatusCode.NotFound, put.Body.ToString());
        (await SendAsync(globex, HttpMethod.Post, $"/api/v1/inventory/counts/{count.GetProperty("id").GetGuid()}/scans", new { barcode = "P-1" }))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Get, "/api/v1/inventory/openings")).Body.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await SendAsync(acme, HttpMethod.Get, $"/api/v1/inventory/openings/{id}")).Body.GetProperty("header").GetProperty("status").GetString().ShouldBe("Draft");
    }

    [Fact]
    public async Task A_user_without_the_inventory_permission_gets_403()
    {
        var (browser, warehouse) = await CompanyAsync("accountant", StaticRoles.Accountant);

        (await SendAsync(browser, HttpMethod.Get, "/api/v1/inventory/counts")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(browser, HttpMethod.Post, "/api/v1/inventory/openings", Opening(warehouse, 1m))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<uint> VersionAsync(ErpBrowser browser, string url) =>
        (await SendAsync(browser, HttpMethod.Get, url)).Body.GetProperty("header").GetProperty("version").GetUInt32();
}
