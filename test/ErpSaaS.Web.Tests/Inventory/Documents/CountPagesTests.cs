using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Inventory.Documents;

public sealed class CountPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    private static readonly Dictionary<string, string> Htmx = new() { ["HX-Request"] = "true" };
    private static readonly string[] SheetColumns = ["Location", "ProductCode", "ProductName", "Specification", "Batch", "Expiry", "Unit", "Counted"];

    /// <summary>40 pieces of P-1 in bin A-01 of WH01, and a count of WH01 started from its page.</summary>
    private async Task<(StockDocumentPages Acme, string Url)> CountingAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var id = await openings.CreateAsync(new OpeningBalanceInput
            {
                RequestId = Guid.NewGuid(), Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouses["WH01"], Location = "A-01", Quantity = 40m, UnitCost = 2m }],
            });
            await openings.PostAsync(id, new StockDocumentActionInput { Version = (await openings.GetAsync(id)).Header.Version });
        });
        var create = await acme.PageAsync("/app/inventory/counts/create");
        var created = await acme.SubmitAsync("/app/inventory/counts/create", create, "#count-form");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(url);
        (await acme.SubmitAsync(url, draft, "#start-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (acme, url);
    }

    private static Task<HttpResponseMessage> ScanAsync(StockDocumentPages acme, string url, AngleSharp.Html.Dom.IHtmlDocument page, string barcode, string? quantity = null,
        bool htmx = true) =>
        acme.SubmitAsync(url, page, "#scan-form", new Dictionary<string, string?> { ["Scan.Barcode"] = barcode, ["Scan.Quantity"] = quantity }, htmx ? Htmx : null);

    [Fact]
    public async Task Scanning_barcodes_adds_to_the_products_line_in_the_chosen_bin_and_redraws_the_sheet()
    {
        var (acme, url) = await CountingAsync();
        var page = await acme.PageAsync(url + "?bin=" + acme.Bins["A-01"]);

        await ScanAsync(acme, url, page, "6901234567892");
        await ScanAsync(acme, url, page, "6901234567892");
        var third = await AdminPagesFactory.HtmlAsync(await ScanAsync(acme, url, page, "6901234567892", "35"));

        third.QuerySelector("[data-scan-result='ok']")!.TextContent.ShouldBe(T("StockDocuments:Scanned", "en", "P-1", "Resistor 10k", "A-01", "35", "37", "PCS"));
        third.QuerySelector("#count-entry")!.GetAttribute("hx-swap-oob").ShouldBe("true");
        third.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#count-entry tr[data-product='P-1'] input[name$='.Counted']")!.Value.ShouldBe("37");
        third.QuerySelector("#counted-lines")!.TextContent.ShouldBe(T("StockDocuments:CountedOf", "en", 1, 1));
        // The header's buttons get the version the scans left, so finishing right after scanning is not a stale action.
        var fresh = await acme.PageAsync(url);
        third.QuerySelector("#finish-version[hx-swap-oob]")!.GetAttribute("value").ShouldBe(fresh.QuerySelector("#finish-version")!.GetAttribute("value"));
        third.QuerySelector("#finish-version")!.GetAttribute("value").ShouldNotBe(page.QuerySelector("#finish-version")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_unknown_barcode_gets_a_clear_message_in_the_scan_result_and_counts_nothing()
    {
        var (acme, url) = await CountingAsync();
        var page = await acme.PageAsync(url);

        var result = await AdminPagesFactory.HtmlAsync(await ScanAsync(acme, url, page, "0000000000000"));

        result.QuerySelector("[data-scan-result='error']")!.TextContent.Trim().ShouldBe(T("Error:StockDocuments:BarcodeUnknown", "en", "0000000000000"));
        result.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#count-entry input[name$='.Counted']")!.Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_htmx_a_scan_posts_the_whole_form_and_comes_back_to_the_count_with_the_result()
    {
        var (acme, url) = await CountingAsync();
        var page = await acme.PageAsync(url);

        var response = await ScanAsync(acme, url, page, "P-1", "2", htmx: false);
        var back = await acme.PageAsync(response.Headers.Location!.OriginalString);
        var unknown = await AdminPagesFactory.HtmlAsync(await ScanAsync(acme, url, page, "NOPE", htmx: false));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.QuerySelector(".alert-success")!.TextContent.ShouldContain("P-1");
        unknown.QuerySelector("[data-valmsg-for='Scan.Barcode']")!.TextContent.Trim().ShouldBe(T("Error:StockDocuments:BarcodeUnknown", "en", "NOPE"));
    }

    [Fact]
    public async Task Counts_typed_into_the_sheet_then_finishing_shows_the_variances_and_posting_corrects_the_balance()
    {
        var (acme, url) = await CountingAsync();
        var page = await acme.PageAsync(url);
        var counted = page.QuerySelector("#count-entry tr[data-product='P-1'] input[name$='.Counted']")!.GetAttribute("name")!;

        (await acme.SubmitAsync(url, page, "#count-entry-form", new Dictionary<string, string?> { [counted] = "38" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var counting = await acme.PageAsync(url);
        (await acme.SubmitAsync(url, counting, "#finish-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var review = await acme.PageAsync(url);
        (await acme.SubmitAsync(url, review, "#post-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var posted = await acme.PageAsync(url);

        var line = review.QuerySelector("#variances tr[data-product='P-1']")!;
        (line.QuerySelector("[data-book]")!.TextContent, line.QuerySelector("[data-counted]")!.TextContent, line.QuerySelector("[data-variance]")!.TextContent,
            line.QuerySelector("[data-variance-value]")!.TextContent).ShouldBe(("40 PCS", "38", "-2", "-4.00"));
        review.QuerySelector("#net-value")!.TextContent.ShouldBe("-4.00");
        posted.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Posted");
        posted.QuerySelectorAll("#timeline [data-status]").Select(s => s.GetAttribute("data-status")).ShouldBe(["Draft", "Counting", "Counted", "Posted"]);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/A-01/-", 38m, 76.00m)]);
    }

    [Fact]
    public async Task Finishing_with_an_uncounted_line_says_how_many_are_left()
    {
        var (acme, url) = await CountingAsync();

        var refused = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(url, await acme.PageAsync(url), "#finish-form"));

        refused.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain(T("Error:StockDocuments:CountLinesUncounted", "en", 1));
    }

    [Fact]
    public async Task The_exported_sheet_filled_in_and_uploaded_sets_the_counts_and_a_wrong_row_changes_nothing()
    {
        var (acme, url) = await CountingAsync();
        var export = await acme.Client.GetAsync(new Uri(url + "?handler=Export", UriKind.Relative));
        var csv = await export.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var wrong = await UploadAsync(acme, url, lines[0] + "\r\n" + lines[1] + "39\r\nB-99,P-1,Resistor 10k,,,,PCS,1\r\n");
        var untouched = await acme.PageAsync(url);
        var right = await UploadAsync(acme, url, lines[0] + "\r\n" + lines[1] + "39\r\n");
        var applied = await acme.PageAsync(url);

        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe(string.Join(',', SheetColumns.Select(k => T("StockDocuments:" + k))));
        lines[1].ShouldBe("A-01,P-1,Resistor 10k,,,,PCS,");
        (await AdminPagesFactory.HtmlAsync(wrong)).QuerySelector("[data-valmsg-for='Upload']")!.TextContent.ShouldBe(T("Error:StockDocuments:UploadRowLocationUnknown", "en", 3));
        untouched.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#count-entry input[name$='.Counted']")!.Value.ShouldBeEmpty();
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        applied.QuerySelector(".alert-success")!.TextContent.ShouldBe(T("StockDocuments:UploadApplied", "en", 1));
        applied.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#count-entry input[name$='.Counted']")!.Value.ShouldBe("39");
    }

    [Fact]
    public async Task The_sheet_exported_as_xlsx_filled_in_excel_and_uploaded_sets_the_counts()
    {
        var (acme, url) = await CountingAsync();
        var export = await acme.Client.GetAsync(new Uri(url + "?handler=Export&format=xlsx", UriKind.Relative));
        var table = SpreadsheetReader.Read(SpreadsheetFormat.Xlsx, await export.Content.ReadAsByteArrayAsync(), 10);
        // Counted in Excel: the last column gets a number, the rest stays as exported.
        var filled = XlsxWriter.Write(new SpreadsheetSheet("Count", table.Headers,
            [.. table.Rows.Select(r => (IReadOnlyList<object?>)[.. r.Cells.Take(table.Headers.Count - 1), 38m])]));

        var uploaded = await UploadAsync(acme, url, filled, "count.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var applied = await acme.PageAsync(url);

        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        table.Headers.ShouldBe(SheetColumns.Select(k => T("StockDocuments:" + k)));
        table.Rows.Single().Cells.Take(2).ShouldBe(["A-01", "P-1"]);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        applied.QuerySelector(".alert-success")!.TextContent.ShouldBe(T("StockDocuments:UploadApplied", "en", 1));
        applied.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#count-entry input[name$='.Counted']")!.Value.ShouldBe("38");
    }

    [Fact]
    public async Task The_count_sheet_prints_each_bins_lines_without_the_book_quantities()
    {
        var (acme, url) = await CountingAsync();

        var sheet = await acme.PageAsync(url + "/sheet");

        sheet.QuerySelector("#main-menu").ShouldBeNull();
        sheet.QuerySelectorAll("section[data-bin]").Select(s => s.GetAttribute("data-bin")).ShouldBe(["A-01"]);
        sheet.QuerySelector("section[data-bin='A-01'] tbody tr")!.TextContent.ShouldContain("P-1");
        sheet.QuerySelector("section[data-bin='A-01'] tbody tr")!.TextContent.ShouldNotContain("40");
    }

    [Fact]
    public async Task Another_company_cannot_open_scan_or_export_a_count_by_its_id()
    {
        var (acme, url) = await CountingAsync();
        var globex = await StockDocumentPages.CreateAsync(factory);
        var page = await acme.PageAsync(url);

        (await globex.Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await globex.Client.GetAsync(new Uri(url + "/sheet", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await globex.Client.GetAsync(new Uri(url + "?handler=Export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = (await globex.PageAsync("/app/inventory/counts/create")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var scan = new FormUrlEncodedContent([new("Scan.Barcode", "P-1"), new("__RequestVerificationToken", token)]);
        (await globex.Client.PostAsync(new Uri(url + "?handler=Scan", UriKind.Relative), scan)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await acme.PageAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#count-entry input[name$='.Counted']")!.Value.ShouldBeEmpty();
        page.QuerySelector("#scan-form").ShouldNotBeNull();
    }

    private static Task<HttpResponseMessage> UploadAsync(StockDocumentPages acme, string url, string csv) =>
        UploadAsync(acme, url, Encoding.UTF8.GetBytes(csv), "count.csv", "text/csv");

    private static async Task<HttpResponseMessage> UploadAsync(StockDocumentPages acme, string url, byte[] sheet, string fileName, string contentType)
    {
        var page = await acme.PageAsync(url);
        var form = page.QuerySelector("#upload-form")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value), "__RequestVerificationToken");
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "upload", fileName);
        return await acme.Client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}
