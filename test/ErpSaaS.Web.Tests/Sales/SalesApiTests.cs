using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Sales;

public sealed class SalesApiTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    /// <summary>A company with warehouse WH01 holding 10 × P-1, customer C1, and a browser signed in as its admin.</summary>
    private async Task<(ErpBrowser Browser, Guid Warehouse, Guid Customer)> CompanyAsync()
    {
        var slug = $"saapi-{Guid.NewGuid():N}"[..20];
        var tenant = await fixture.Given.Tenant(slug);
        var (warehouse, customer, product) = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            var p1 = await sp.GetRequiredService<ProductManager>().CreateAsync("P-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS", SalePrice = 2m }, ct);
            var wh01 = await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct);
            var c1 = await sp.GetRequiredService<CustomerManager>().CreateAsync("C1", "Customer One", "CNY", ct);
            c1.ChangeCreditTerms(100_000m, 30);
            return (wh01.Id, c1.Id, p1.Id);
        }));
        await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct =>
            sp.GetRequiredService<IStockLedger>().PostAsync(new StockPosting("Opening", Guid.NewGuid(), "OB-1", fixture.Clock.GetUtcNow().AddDays(-1),
                [new StockMovement { ProductId = product, WarehouseId = warehouse, Quantity = 10m, UnitCost = 1m, LineNumber = 1 }]), ct)));
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);
        return (browser, warehouse, customer);
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

    private static object Order(Guid warehouse, Guid customer, decimal quantity, Guid? requestId = null) => new
    {
        requestId = requestId ?? Guid.NewGuid(), customerId = customer, warehouseId = warehouse, lines = new[] { new { product = "P-1", quantity } },
    };

    private static async Task<uint> VersionAsync(ErpBrowser browser, string url) => (await SendAsync(browser, HttpMethod.Get, url)).Body.GetProperty("version").GetUInt32();

    [Fact]
    public async Task An_order_created_twice_with_one_request_id_is_one_order_confirmed_delivered_and_listed_through_the_api()
    {
        var (browser, warehouse, customer) = await CompanyAsync();
        var requestId = Guid.NewGuid();

        var (createdStatus, created) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 4m, requestId));
        var (_, again) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 4m, requestId));
        var id = created.GetProperty("id").GetGuid();
        var (_, confirmed) = await SendAsync(browser, HttpMethod.Post, $"/api/v1/sales/orders/{id}/confirm", new { version = await VersionAsync(browser, $"/api/v1/sales/orders/{id}") });
        var (_, delivery) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/deliveries", new { requestId = Guid.NewGuid(), orderId = id });
        var deliveryId = delivery.GetProperty("id").GetGuid();
        var (postStatus, _) = await SendAsync(browser, HttpMethod.Post, $"/api/v1/sales/deliveries/{deliveryId}/post",
            new { version = await VersionAsync(browser, $"/api/v1/sales/deliveries/{deliveryId}") });
        var (_, order) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/sales/orders/{id}");
        var (_, list) = await SendAsync(browser, HttpMethod.Get, "/api/v1/sales/orders?search=C1");

        createdStatus.ShouldBe(HttpStatusCode.Created);
        again.GetProperty("id").GetGuid().ShouldBe(id);
        confirmed.GetProperty("status").GetString().ShouldBe("Confirmed");
        postStatus.ShouldBe(HttpStatusCode.NoContent);
        (order.GetProperty("status").GetString(), order.GetProperty("totalAmount").GetDecimal()).ShouldBe(("Delivered", 9.04m));
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Wrong_input_and_short_stock_answer_400_problems_with_the_message_under_the_line_field()
    {
        var (browser, warehouse, customer) = await CompanyAsync();
        var (_, created) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 11m));
        var id = created.GetProperty("id").GetGuid();

        var (badStatus, bad) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 0m));
        var (shortStatus, shortage) = await SendAsync(browser, HttpMethod.Post, $"/api/v1/sales/orders/{id}/confirm",
            new { version = await VersionAsync(browser, $"/api/v1/sales/orders/{id}") });
        var (staleStatus, _) = await SendAsync(browser, HttpMethod.Post, $"/api/v1/sales/orders/{id}/cancel", new { version = 1 });

        badStatus.ShouldBe(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString().ShouldBe(T("Error:Sales:QuantityMustBePositive"));
        shortStatus.ShouldBe(HttpStatusCode.BadRequest);
        shortage.GetProperty("code").GetString().ShouldBe(ErpSaaS.Errors.SalesErrorCodes.InsufficientStockNoSupply);
        shortage.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString().ShouldBe(T("Error:Sales:InsufficientStockNoSupply", "en", "P-1", "11", "10", "1"));
        staleStatus.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_company_gets_404_for_orders_and_deliveries_by_id_and_cannot_confirm_post_or_invoice_them()
    {
        var (acme, warehouse, customer) = await CompanyAsync();
        var (globex, _, _) = await CompanyAsync();
        var (_, created) = await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 2m));
        var id = created.GetProperty("id").GetGuid();
        await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/orders/{id}/confirm", new { version = await VersionAsync(acme, $"/api/v1/sales/orders/{id}") });
        var (_, delivery) = await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/deliveries", new { requestId = Guid.NewGuid(), orderId = id });
        var deliveryId = delivery.GetProperty("id").GetGuid();

        (await SendAsync(globex, HttpMethod.Get, $"/api/v1/sales/orders/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, $"/api/v1/sales/orders/{id}/cancel", new { version = 1 })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, "/api/v1/sales/deliveries", new { requestId = Guid.NewGuid(), orderId = id })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Get, $"/api/v1/sales/deliveries/{deliveryId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, $"/api/v1/sales/deliveries/{deliveryId}/post", new { version = 1 })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, $"/api/v1/sales/deliveries/{deliveryId}/invoice")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Get, "/api/v1/sales/orders")).Body.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await SendAsync(acme, HttpMethod.Get, $"/api/v1/sales/orders/{id}")).Body.GetProperty("status").GetString().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task An_order_is_amended_through_the_api_into_a_draft_copy_a_missing_reason_is_a_400_problem_and_other_companies_get_404()
    {
        var (acme, warehouse, customer) = await CompanyAsync();
        var (globex, _, _) = await CompanyAsync();
        var (_, created) = await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 4m));
        var id = created.GetProperty("id").GetGuid();
        var (draftStatus, draft) = await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/orders/{id}/amend",
            new { version = await VersionAsync(acme, $"/api/v1/sales/orders/{id}"), reason = "Change" });
        await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/orders/{id}/confirm", new { version = await VersionAsync(acme, $"/api/v1/sales/orders/{id}") });
        var version = await VersionAsync(acme, $"/api/v1/sales/orders/{id}");

        var (noReasonStatus, noReason) = await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/orders/{id}/amend", new { version, reason = " " });
        var (foreignStatus, _) = await SendAsync(globex, HttpMethod.Post, $"/api/v1/sales/orders/{id}/amend", new { version, reason = "mine now" });
        var (amendedStatus, amended) = await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/orders/{id}/amend", new { version, reason = "Customer wants 6" });
        var copyId = amended.GetProperty("id").GetGuid();
        var (_, original) = await SendAsync(acme, HttpMethod.Get, $"/api/v1/sales/orders/{id}");
        var (_, copy) = await SendAsync(acme, HttpMethod.Get, $"/api/v1/sales/orders/{copyId}");

        draftStatus.ShouldBe(HttpStatusCode.BadRequest);
        draft.GetProperty("code").GetString().ShouldBe(ErpSaaS.Errors.SalesErrorCodes.AmendNotAllowed);
        noReasonStatus.ShouldBe(HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe(T("Error:Sales:AmendReasonRequired"));
        foreignStatus.ShouldBe(HttpStatusCode.NotFound);
        amendedStatus.ShouldBe(HttpStatusCode.Created);
        (original.GetProperty("status").GetString(), original.GetProperty("amendedBy").GetProperty("id").GetGuid()).ShouldBe(("Cancelled", copyId));
        (copy.GetProperty("status").GetString(), copy.GetProperty("amends").GetProperty("id").GetGuid(), copy.GetProperty("totalAmount").GetDecimal())
            .ShouldBe(("Draft", id, original.GetProperty("totalAmount").GetDecimal()));
        (await SendAsync(globex, HttpMethod.Get, $"/api/v1/sales/orders/{copyId}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_return_through_the_api_is_refused_as_a_400_problem_beyond_what_was_delivered_and_other_companies_get_404()
    {
        var (acme, warehouse, customer) = await CompanyAsync();
        var (globex, _, _) = await CompanyAsync();
        var (_, created) = await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/orders", Order(warehouse, customer, 4m));
        var id = created.GetProperty("id").GetGuid();
        await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/orders/{id}/confirm", new { version = await VersionAsync(acme, $"/api/v1/sales/orders/{id}") });
        var deliveryId = (await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/deliveries", new { requestId = Guid.NewGuid(), orderId = id })).Body.GetProperty("id").GetGuid();
        await SendAsync(acme, HttpMethod.Post, $"/api/v1/sales/deliveries/{deliveryId}/post", new { version = await VersionAsync(acme, $"/api/v1/sales/deliveries/{deliveryId}") });
        object Return(decimal quantity) => new
        {
            requestId = Guid.NewGuid(), deliveryId, destination = "OriginalWarehouse", reason = "Faulty", lines = new[] { new { deliveryLineNumber = 1, quantity } },
        };

        var (tooManyStatus, tooMany) = await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/returns", Return(5m));
        var (createdStatus, returned) = await SendAsync(acme, HttpMethod.Post, "/api/v1/sales/returns", Return(2m));
        var returnId = returned.GetProperty("id").GetGuid();
        var (_, detail) = await SendAsync(acme, HttpMethod.Get, $"/api/v1/sales/returns/{returnId}");

        tooManyStatus.ShouldBe(HttpStatusCode.BadRequest);
        tooMany.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString().ShouldBe(T("Error:Sales:ReturnExceedsDelivered", "en", 1, 4));
        createdStatus.ShouldBe(HttpStatusCode.Created);
        (detail.GetProperty("destination").GetString(), detail.GetProperty("lines")[0].GetProperty("quantity").GetDecimal()).ShouldBe(("OriginalWarehouse", 2m));
        (await SendAsync(acme, HttpMethod.Get, "/api/v1/sales/returns")).Body.GetProperty("totalCount").GetInt32().ShouldBe(1);
        (await SendAsync(globex, HttpMethod.Get, $"/api/v1/sales/returns/{returnId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Post, "/api/v1/sales/returns", Return(1m))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(globex, HttpMethod.Get, "/api/v1/sales/returns")).Body.GetProperty("totalCount").GetInt32().ShouldBe(0);
    }
}
