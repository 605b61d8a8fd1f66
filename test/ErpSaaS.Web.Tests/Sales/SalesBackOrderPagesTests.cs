using System.Net;
using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Sales;

/// <summary>From the order page: confirm with a back order after seeing what is short, see what is reserved and what waits, reserve it later.</summary>
public sealed class SalesBackOrderPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    /// <summary>20 × P-1 in WH01 at 3.00, customer C1 (CNY) and customer E1 billed in euros (no euro rate entered).</summary>
    private readonly Dictionary<(Guid Tenant, string Code), Guid> _customers = [];

    private async Task<StockDocumentPages> ShopAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var id = await openings.CreateAsync(new OpeningBalanceInput
            {
                RequestId = Guid.NewGuid(), Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouses["WH01"], Quantity = 20m, UnitCost = 3m }],
            });
            await openings.PostAsync(id, new StockDocumentActionInput { Version = (await openings.GetAsync(id)).Header.Version });
            return await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                foreach (var (code, currency) in new[] { ("C1", "CNY"), ("E1", "EUR") })
                {
                    var customer = await sp.GetRequiredService<CustomerManager>().CreateAsync(code, "Customer " + code, currency, ct);
                    customer.ChangeCreditTerms(1_000_000m, 30);
                    _customers[(acme.Tenant, code)] = customer.Id;
                }
                return true;
            });
        });
        return acme;
    }

    private async Task<string> DraftAsync(StockDocumentPages acme, string customer, string quantity)
    {
        var customerId = _customers[(acme.Tenant, customer)];
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.CustomerId"] = customerId.ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = quantity, ["Input.Lines[0].UnitPrice"] = "5",
        });
        return created.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_short_order_is_confirmed_with_a_back_order_from_its_page_and_shows_what_is_reserved_and_what_waits()
    {
        var acme = await ShopAsync();
        var orderUrl = await DraftAsync(acme, "C1", "25");
        var draft = await acme.PageAsync(orderUrl);

        var confirming = await acme.SubmitAsync(orderUrl, draft, "#confirm-back-order-form");
        var confirmed = await acme.PageAsync(orderUrl);
        var nothingYet = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(orderUrl, confirmed, "#reserve-back-orders-form"));
        var backOrdered = await acme.PageAsync("/app/sales/orders?Status=BackOrdered");
        var confirmedOnly = await acme.PageAsync("/app/sales/orders?Status=Draft");

        draft.QuerySelector("#availability [data-short]")!.TextContent.ShouldBe("5");
        confirming.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Confirmed");
        confirmed.QuerySelector("#back-ordered-badge")!.TextContent.Trim().ShouldBe(T("Sales:BackOrderedBadge") + " 5");
        (confirmed.QuerySelector("#lines [data-reserved]")!.TextContent.Trim(), confirmed.QuerySelector("#lines [data-back-ordered]")!.TextContent.Trim()).ShouldBe(("20", "5"));
        confirmed.QuerySelector("[name='Delivery.Lines[0].Quantity']")!.GetAttribute("value").ShouldBe("20");
        confirmed.QuerySelector("#confirm-back-order-form").ShouldBeNull();
        confirmed.QuerySelector("#timeline")!.TextContent.ShouldContain(T("SalesOrderStatus:BackOrdered"));
        var number = backOrdered.QuerySelector("#orders tbody tr a")!.TextContent.Trim();
        nothingYet.Body!.TextContent.ShouldContain(T("Error:Sales:NothingAvailableForBackOrder", "en", number));
        backOrdered.QuerySelectorAll("#orders tbody tr a").Length.ShouldBe(1);
        backOrdered.QuerySelector("#orders [data-back-ordered]").ShouldNotBeNull();
        confirmedOnly.QuerySelectorAll("#orders tbody tr a").Length.ShouldBe(0);
    }

    [Fact]
    public async Task An_order_approved_while_short_stays_approved_and_its_page_offers_to_confirm_it_with_a_back_order()
    {
        var acme = await ShopAsync();
        var boss = await factory.Data.Given.User(acme.Tenant, "boss", StaticRoles.Admin);
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.SalesDiscount,
            new ApprovalStepInput { Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss }));
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.CustomerId"] = _customers[(acme.Tenant, "C1")].ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = "25", ["Input.Lines[0].UnitPrice"] = "5", ["Input.Lines[0].DiscountPercent"] = "20",
        });
        var orderUrl = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form");
        var pending = await acme.PageAsync(orderUrl);
        await factory.Data.AsUserAsync(acme.Tenant, boss, async sp =>
        {
            var inbox = sp.GetRequiredService<IApprovalInboxAppService>();
            var item = (await inbox.GetPendingAsync(new ApprovalInboxQuery())).Items.Single();
            await inbox.ApproveAsync(item.RequestId, new ApprovalDecisionInput { Version = item.Version });
        });

        var approved = await acme.PageAsync(orderUrl);
        var confirming = await acme.SubmitAsync(orderUrl, approved, "#confirm-back-order-form");
        var confirmed = await acme.PageAsync(orderUrl);

        pending.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("PendingApproval");
        pending.QuerySelector("#confirm-back-order-form").ShouldBeNull();
        approved.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Approved");
        approved.QuerySelector("#availability [data-short]")!.TextContent.ShouldBe("5");
        approved.QuerySelector("#confirm-back-order-form").ShouldNotBeNull();
        confirming.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Confirmed");
        (confirmed.QuerySelector("#lines [data-reserved]")!.TextContent.Trim(), confirmed.QuerySelector("#lines [data-back-ordered]")!.TextContent.Trim()).ShouldBe(("20", "5"));
    }

    [Fact]
    public async Task An_order_in_stock_offers_no_back_order_and_a_chinese_user_reads_the_option_in_chinese()
    {
        var acme = await ShopAsync();
        var inStock = await DraftAsync(acme, "C1", "5");
        var shortUrl = await DraftAsync(acme, "C1", "30");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(shortUrl, UriKind.Relative));
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");

        var chinese = await AdminPagesFactory.HtmlAsync(await acme.Client.SendAsync(request));
        var english = await acme.PageAsync(shortUrl);

        (await acme.PageAsync(inStock)).QuerySelector("#confirm-back-order-form").ShouldBeNull();
        chinese.QuerySelector("#confirm-back-order-form button")!.TextContent.Trim().ShouldBe(T("Sales:ConfirmWithBackOrder", "zh-Hans"));
        english.QuerySelector("#confirm-back-order-form button")!.TextContent.Trim().ShouldBe(T("Sales:ConfirmWithBackOrder"));
    }

    [Fact]
    public async Task An_order_in_a_currency_without_a_rate_is_refused_next_to_its_total_and_stays_a_draft()
    {
        var acme = await ShopAsync();
        var orderUrl = await DraftAsync(acme, "E1", "5");

        var refused = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form"));

        // These pages run on the real clock: the company's date is today's UTC date or a day off, by its time zone.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        new[] { today.AddDays(-1), today, today.AddDays(1) }
            .Select(day => T("Error:Sales:ExchangeRateMissing", "en", "EUR", "CNY", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldContain(refused.QuerySelector("#currency-error")!.TextContent.Trim());
        refused.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
    }

    [Fact]
    public async Task Another_company_gets_404_when_it_reserves_or_confirms_with_a_back_order_an_order_it_does_not_own()
    {
        var acme = await ShopAsync();
        var globex = await ShopAsync();
        var orderUrl = await DraftAsync(acme, "C1", "25");
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-back-order-form");
        var globexDraft = await DraftAsync(globex, "C1", "25");

        // Globex's own confirm-with-back-order form (its antiforgery token, its version), aimed at Acme's order.
        foreach (var handler in new[] { "Confirm", "ReserveBackOrders" })
        {
            var page = await globex.PageAsync(globexDraft);
            page.QuerySelector("#confirm-back-order-form")!.SetAttribute("action", $"{orderUrl}?handler={handler}");
            using var response = await globex.SubmitAsync(globexDraft, page, "#confirm-back-order-form");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
        }
        var order = await acme.PageAsync(orderUrl);
        order.QuerySelector("#lines [data-back-ordered]")!.TextContent.Trim().ShouldBe("5");
    }
}
