using AngleSharp.Dom;
using System.Net;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Inventory.Documents;

public sealed class OpeningPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    private const string CreateUrl = "/app/inventory/openings/create";

    private static Dictionary<string, string?> Line(StockDocumentPages acme, int row, string product, string quantity, string? cost = null, string? bin = null,
        string? batch = null) => new()
    {
        [$"Input.Lines[{row}].Product"] = product,
        [$"Input.Lines[{row}].WarehouseId"] = acme.Warehouses["WH01"].ToString(),
        [$"Input.Lines[{row}].Quantity"] = quantity,
        [$"Input.Lines[{row}].UnitCost"] = cost,
        [$"Input.Lines[{row}].Location"] = bin,
        [$"Input.Lines[{row}].BatchNumber"] = batch,
    };

    [Fact]
    public async Task An_opening_is_created_from_the_form_posted_from_its_page_and_puts_the_stock_into_the_ledger()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var form = await acme.PageAsync(CreateUrl);

        var created = await acme.SubmitAsync(CreateUrl, form, "#opening-form", Line(acme, 0, "6901234567892", "40", "2.5", "a-01"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailsUrl = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(detailsUrl);
        var posted = await acme.SubmitAsync(detailsUrl, draft, "#post-form");
        var page = await acme.PageAsync(detailsUrl);

        draft.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        draft.QuerySelector(".alert-success")!.TextContent.ShouldBe(T("StockDocuments:DraftSaved"));
        draft.QuerySelector("#document-number")!.TextContent.ShouldStartWith("OB-");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Posted");
        page.QuerySelector("#opening-form").ShouldBeNull();
        page.QuerySelector("#post-form").ShouldBeNull();
        page.QuerySelector("#total-value")!.TextContent.ShouldBe("100.00");
        page.QuerySelectorAll("#timeline [data-status]").Select(s => s.GetAttribute("data-status")).ShouldBe(["Draft", "Posted"]);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/A-01/-", 40m, 100.00m)]);
        var list = await acme.PageAsync("/app/inventory/openings");
        list.QuerySelectorAll("#documents tbody a").Select(a => a.GetAttribute("href")).ShouldBe([detailsUrl]);
    }

    [Fact]
    public async Task Submitting_the_same_create_form_twice_lands_on_one_document()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var form = await acme.PageAsync(CreateUrl);

        var first = await acme.SubmitAsync(CreateUrl, form, "#opening-form", Line(acme, 0, "P-1", "1"));
        var second = await acme.SubmitAsync(CreateUrl, form, "#opening-form", Line(acme, 0, "P-1", "1"));

        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await acme.PageAsync("/app/inventory/openings")).QuerySelectorAll("#documents tbody a").Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_line_is_shown_next_to_its_field_with_the_rows_typed_kept_and_nothing_saved()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var form = await acme.PageAsync(CreateUrl);

        // Row 0 left empty; rows 1 and 2 filled: the empty row goes, so the wrong row is shown as the second line.
        var fields = Line(acme, 1, "P-1", "3");
        foreach (var (key, value) in Line(acme, 2, "MILK", "5")) fields[key] = value;
        var response = await acme.SubmitAsync(CreateUrl, form, "#opening-form", fields);
        var page = await AdminPagesFactory.HtmlAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Lines[1].BatchNumber']")!.TextContent.Trim().ShouldBe(T("Error:StockDocuments:BatchRequired", "en", "MILK"));
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Input.Lines[0].Product']")!.Value.ShouldBe("P-1");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Input.Lines[1].Product']")!.Value.ShouldBe("MILK");
        (await acme.PageAsync("/app/inventory/openings")).QuerySelectorAll("#documents tbody a").Length.ShouldBe(0);
    }

    [Fact]
    public async Task A_quantity_that_is_not_a_number_is_refused_next_to_the_field()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var form = await acme.PageAsync(CreateUrl);

        var page = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(CreateUrl, form, "#opening-form", Line(acme, 0, "P-1", "ten")));

        page.QuerySelector("[data-valmsg-for='Input.Lines[0].Quantity']")!.TextContent.Trim().ShouldNotBeEmpty();
        (await acme.PageAsync("/app/inventory/openings")).QuerySelectorAll("#documents tbody a").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Saving_a_draft_from_a_page_someone_else_changed_meanwhile_says_so_and_keeps_their_change()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var created = await acme.SubmitAsync(CreateUrl, await acme.PageAsync(CreateUrl), "#opening-form", Line(acme, 0, "P-1", "1"));
        var url = created.Headers.Location!.OriginalString;
        var mine = await acme.PageAsync(url);
        var theirs = await acme.PageAsync(url);
        (await acme.SubmitAsync(url, theirs, "#opening-form", new Dictionary<string, string?> { ["Input.Lines[0].Quantity"] = "7" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(url, mine, "#opening-form", new Dictionary<string, string?> { ["Input.Lines[0].Quantity"] = "9" }));

        stale.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain(T("Error:Common:ConcurrencyConflict"));
        (await acme.PageAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Input.Lines[0].Quantity']")!.Value.ShouldBe("7");
    }

    [Fact]
    public async Task A_posted_opening_refuses_a_second_post_and_the_stock_stays_as_posted_once()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var created = await acme.SubmitAsync(CreateUrl, await acme.PageAsync(CreateUrl), "#opening-form", Line(acme, 0, "P-1", "5", "1"));
        var url = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(url);
        await acme.SubmitAsync(url, draft, "#post-form");

        var again = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(url, draft, "#post-form"));

        again.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain(T("Error:StockDocuments:NotEditable", "en", draft.QuerySelector("#document-number")!.TextContent));
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 5m, 5.00m)]);
    }

    [Fact]
    public async Task Another_company_gets_not_found_for_an_opening_by_its_id_and_cannot_post_it()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var globex = await StockDocumentPages.CreateAsync(factory);
        var created = await acme.SubmitAsync(CreateUrl, await acme.PageAsync(CreateUrl), "#opening-form", Line(acme, 0, "P-1", "5", "1"));
        var url = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(url);
        var theirForm = await globex.PageAsync(CreateUrl);
        var token = theirForm.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        (await globex.Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var post = new FormUrlEncodedContent([new("Action.Version", draft.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#post-form input[name='Action.Version']")!.Value),
            new("__RequestVerificationToken", token)]);
        (await globex.Client.PostAsync(new Uri(url + "?handler=Post", UriKind.Relative), post)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await acme.PageAsync(url)).QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        (await acme.BalancesAsync("P-1")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/app/inventory/openings")]
    [InlineData("/app/inventory/openings/create")]
    [InlineData("/app/inventory/transfers")]
    [InlineData("/app/inventory/transfers/create")]
    [InlineData("/app/inventory/adjustments/create")]
    [InlineData("/app/inventory/counts")]
    [InlineData("/app/inventory/counts/create")]
    public async Task A_user_without_the_inventory_permission_is_forbidden_the_stock_document_pages(string url)
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var outsider = await acme.OutsiderAsync();

        (await outsider.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var home = await AdminPagesFactory.HtmlAsync(await outsider.GetAsync(new Uri("/", UriKind.Relative)));
        home.QuerySelector("a[href='/app/inventory/openings']").ShouldBeNull();
        var adminHome = await acme.PageAsync("/");
        adminHome.QuerySelector("#main-menu a[href='/app/inventory/openings']").ShouldNotBeNull();
    }
}
