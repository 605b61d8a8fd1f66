using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using ErpSaaS.Catalog;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.ImportExport;

public sealed class ListExportTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private Guid _acme;
    private Guid _admin;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("exp-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            var warehouses = sp.GetRequiredService<IWarehouseAppService>();
            await warehouses.CreateAsync(new WarehouseInput { Code = "WH01", Name = "主仓库" });
            await warehouses.CreateAsync(new WarehouseInput { Code = "QC", Name = "待检仓", Address = "=HYPERLINK(\"http://evil\")", IsQuarantine = true });
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_offers_csv_and_excel_exports_of_its_current_filter()
    {
        var page = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(_acme, _admin).GetAsync("/app/catalog/warehouses?Search=QC"));

        var links = page.QuerySelectorAll(".page-header .export-menu a").Select(a => (a.GetAttribute("data-export-format"), a.GetAttribute("href"))).ToList();

        links.ShouldBe([("xlsx", "/app/catalog/warehouses?Search=QC&handler=Export&format=xlsx"), ("csv", "/app/catalog/warehouses?Search=QC&handler=Export")]);
    }

    [Fact]
    public async Task The_excel_export_opens_with_the_filtered_rows_under_a_bold_frozen_header_and_text_that_cannot_run_as_a_formula()
    {
        using var response = await factory.ClientFor(_acme, _admin).GetAsync("/app/catalog/warehouses?Search=QC&handler=Export&format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar!.ShouldMatch(@"^warehouses-\d{8}-\d{6}\.xlsx$");
        var table = SpreadsheetReader.Read(SpreadsheetFormat.Xlsx, bytes, 100);
        table.Headers[0].ShouldBe(T("Catalog:WarehouseCode"));
        table.Rows.Select(r => r.Cell(0)).ShouldBe(["QC"]);
        table.Rows[0].Cell(2).ShouldBe("=HYPERLINK(\"http://evil\")");

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var pane = sheet.Descendants(Main + "pane").Single();
        (pane.Attribute("state")!.Value, pane.Attribute("ySplit")!.Value).ShouldBe(("frozen", "1"));
        var formats = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        var fonts = styles.Descendants(Main + "fonts").Single().Elements(Main + "font").ToList();
        XElement FormatOf(string cell) => formats[int.Parse(sheet.Descendants(Main + "c").Single(c => c.Attribute("r")!.Value == cell).Attribute("s")!.Value)];
        fonts[int.Parse(FormatOf("A1").Attribute("fontId")!.Value)].Element(Main + "b").ShouldNotBeNull();
        FormatOf("C2").Attribute("quotePrefix")!.Value.ShouldBe("1");
        sheet.Descendants(Main + "c").Single(c => c.Attribute("r")!.Value == "C2").Attribute("t")!.Value.ShouldBe("inlineStr");
        sheet.Descendants(Main + "f").ShouldBeEmpty();
        sheet.Descendants(Main + "col").Count().ShouldBe(table.Headers.Count);
    }

    [Fact]
    public async Task The_csv_export_escapes_a_formula_and_keeps_the_filter()
    {
        using var response = await factory.ClientFor(_acme, _admin).GetAsync("/app/catalog/warehouses?Search=QC&handler=Export&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        lines.Length.ShouldBe(2);
        lines[1].ShouldStartWith("QC,待检仓,\"'=HYPERLINK(");
    }
}
