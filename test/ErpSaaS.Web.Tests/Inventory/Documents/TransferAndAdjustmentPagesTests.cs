using AngleSharp.Dom;
using System.Net;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Inventory.Documents;

public sealed class TransferAndAdjustmentPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    private async Task<StockDocumentPages> StockedAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var wh01 = acme.Warehouses["WH01"];
            var id = await openings.CreateAsync(new OpeningBalanceInput
            {
                RequestId = Guid.NewGuid(),
                Lines =
                [
                    new() { Product = "P-1", WarehouseId = wh01, Quantity = 20m, UnitCost = 3m },
                    new() { Product = "MILK", WarehouseId = wh01, Location = "A-01", BatchNumber = "L-LATE", ExpiryDate = new DateOnly(2027, 3, 1), Quantity = 6m, UnitCost = 1m },
                    new() { Product = "MILK", WarehouseId = wh01, BatchNumber = "L-EARLY", ExpiryDate = new DateOnly(2027, 1, 15), Quantity = 4m, UnitCost = 1m },
                ],
            });
            await openings.PostAsync(id, new StockDocumentActionInput { Version = (await openings.GetAsync(id)).Header.Version });
        });
        return acme;
    }

    [Fact]
    public async Task A_transfer_created_and_posted_from_its_pages_moves_the_stock_and_its_value()
    {
        var acme = await StockedAsync();
        var form = await acme.PageAsync("/app/inventory/transfers/create");

        var created = await acme.SubmitAsync("/app/inventory/transfers/create", form, "#transfer-form", new Dictionary<string, string?>
        {
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].FromWarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].ToWarehouseId"] = acme.Warehouses["WH02"].ToString(), ["Input.Lines[0].Quantity"] = "8",
        });
        var url = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(url, await acme.PageAsync(url), "#post-form");
        var posted = await acme.PageAsync(url);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Posted");
        posted.QuerySelector("#lines tbody tr")!.TextContent.ShouldContain("24.00");
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 12m, 36.00m), ("WH02/-/-", 8m, 24.00m)]);
        (await acme.PageAsync("/app/inventory/transfers")).QuerySelector("#documents tbody")!.TextContent.ShouldContain("WH01 → WH02");
    }

    [Fact]
    public async Task The_batch_suggestions_of_a_row_list_the_batches_first_to_expire_first_with_what_to_take()
    {
        var acme = await StockedAsync();

        var suggestions = await acme.PageAsync($"/app/inventory/transfers/batches?Product=MILK&WarehouseId={acme.Warehouses["WH01"]}&Quantity=5&row=2");
        var unknown = await acme.PageAsync($"/app/inventory/adjustments/batches?Product=NOPE&WarehouseId={acme.Warehouses["WH01"]}&row=0");

        suggestions.QuerySelectorAll("[data-fefo-pick]").Select(b => (b.GetAttribute("data-batch"), b.GetAttribute("data-location"), b.GetAttribute("data-row")))
            .ShouldBe([("L-EARLY", "", "2"), ("L-LATE", "A-01", "2")]);
        suggestions.QuerySelectorAll("[data-fefo-pick]").Select(b => string.Join(' ', b.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ShouldBe(
        [
            $"L-EARLY 2027-01-15 {T("StockDocuments:AvailableTake", "en", "4", "4", "PCS")}",
            $"L-LATE A-01 2027-03-01 {T("StockDocuments:AvailableTake", "en", "6", "1", "PCS")}",
        ], ignoreOrder: false);
        unknown.QuerySelector("[data-fefo-error]")!.TextContent.ShouldBe(T("Error:StockDocuments:ProductUnknown", "en", "NOPE"));
    }

    [Fact]
    public async Task An_adjustment_whose_quantity_goes_against_its_reason_is_refused_next_to_the_quantity_then_posts_once_corrected()
    {
        var acme = await StockedAsync();
        var form = await acme.PageAsync("/app/inventory/adjustments/create");
        var fields = new Dictionary<string, string?>
        {
            ["Input.Reason"] = nameof(AdjustmentReason.Damage), ["Input.Comment"] = "Water damage",
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].WarehouseId"] = acme.Warehouses["WH01"].ToString(), ["Input.Lines[0].Quantity"] = "3",
        };

        var refused = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync("/app/inventory/adjustments/create", form, "#adjustment-form", fields));
        fields["Input.Lines[0].Quantity"] = "-3";
        var created = await acme.SubmitAsync("/app/inventory/adjustments/create", refused, "#adjustment-form", fields);
        var url = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(url, await acme.PageAsync(url), "#post-form");
        var posted = await acme.PageAsync(url);

        refused.QuerySelector("[data-valmsg-for='Input.Lines[0].Quantity']")!.TextContent.Trim().ShouldBe(T("Error:StockDocuments:AdjustmentOnlyDecreases"));
        posted.QuerySelector("#adjustment-reason")!.TextContent.ShouldContain(T("AdjustmentReason:Damage"));
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 17m, 51.00m)]);
        (await acme.PageAsync("/app/inventory/adjustments")).QuerySelector("#documents tbody")!.TextContent.ShouldContain(T("AdjustmentReason:Damage"));
    }

    [Fact]
    public async Task A_draft_cancelled_with_a_reason_shows_it_on_its_timeline_and_can_no_longer_be_posted()
    {
        var acme = await StockedAsync();
        var created = await acme.SubmitAsync("/app/inventory/adjustments/create", await acme.PageAsync("/app/inventory/adjustments/create"), "#adjustment-form",
            new Dictionary<string, string?>
            {
                ["Input.Reason"] = nameof(AdjustmentReason.Found), ["Input.Lines[0].Product"] = "P-1",
                ["Input.Lines[0].WarehouseId"] = acme.Warehouses["WH01"].ToString(), ["Input.Lines[0].Quantity"] = "1",
            });
        var url = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(url);

        await acme.SubmitAsync(url, draft, "#cancel-form", new Dictionary<string, string?> { ["Action.Comment"] = "Found it was ours after all" });
        var cancelled = await acme.PageAsync(url);
        var postAfter = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(url, draft, "#post-form"));

        cancelled.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Cancelled");
        cancelled.QuerySelector("#timeline [data-timeline-comment]")!.TextContent.ShouldBe("Found it was ours after all");
        postAfter.QuerySelector(".validation-summary-errors").ShouldNotBeNull();
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 20m, 60.00m)]);
    }
}
