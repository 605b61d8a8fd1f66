using System.Net;
using System.Text;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.ImportExport;

public sealed class ImportPagesTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private const string Header = "code,name,base_unit,unit_conversions,barcodes,default_warehouse_code,sale_price";

    private async Task<(Guid Tenant, ErpBrowser Browser)> CompanyAsync(string prefix)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..18];
        var tenant = await fixture.Given.Tenant(slug);
        await fixture.InScopeAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en");
            await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, isDefault: true);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);
        return (tenant, browser);
    }

    private static Task<ErpPage> UploadAsync(ErpBrowser browser, ErpPage uploadPage, string fileName, byte[] content, bool updateExisting = false) =>
        browser.SubmitAsync(uploadPage, "#upload-form", new Dictionary<string, string?> { ["Input.UpdateExisting"] = updateExisting ? "true" : null },
            files: new Dictionary<string, (string, byte[])> { ["Input.File"] = (fileName, content) });

    private Task<List<string>> ProductCodesAsync(Guid tenant) =>
        fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<ErpDbContext>().Products.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());

    [Fact]
    public async Task A_user_uploads_a_file_sees_the_wrong_row_uploads_the_corrected_workbook_and_imports_it()
    {
        var (tenant, browser) = await CompanyAsync("imp-page");
        var index = await browser.GetAsync("/app/imports");
        var upload = await browser.GetAsync(index.Document.QuerySelector("#import-kinds a[href='/app/imports/products']")!.GetAttribute("href")!);

        var wrong = await UploadAsync(browser, upload, "products.csv", Encoding.UTF8.GetBytes(
            $"{Header}\nSKU-1,Earphones,PCS,BOX=12,6901234567892,WH01,59.9\nSKU-2,Cable,CRATE,,,WH01,9.9\n"));

        wrong.Url.AbsolutePath.ShouldStartWith("/app/imports/products/");
        wrong.Document.QuerySelector("#commit-form").ShouldBeNull();
        wrong.Document.QuerySelector("#import-outcome")!.TextContent.Trim().ShouldBe(T("ImportExport:HasErrors", "en", 1));
        var error = wrong.Document.QuerySelector("#import-rows tr[data-row='3'] .row-error")!;
        error.TextContent.ShouldContain(T("ImportExport:Products:BaseUnit"));
        error.TextContent.ShouldContain(T("Error:Catalog:ProductUnitUnknown", "en", "CRATE"));
        (await ProductCodesAsync(tenant)).ShouldBeEmpty();

        var workbook = XlsxWriter.Write(new SpreadsheetSheet("Products", Header.Split(','),
        [
            ["SKU-1", "Earphones", "PCS", "BOX=12", "6901234567892", "WH01", 59.9m],
            ["SKU-2", "Cable", "PCS", null, null, "WH01", 9.9m],
        ]));
        var ready = await UploadAsync(browser, await browser.GetAsync("/app/imports/products"), "products.xlsx", workbook);
        ready.Document.QuerySelector("#import-outcome")!.TextContent.Trim().ShouldBe(T("ImportExport:Ready", "en", 2, 0));
        var imported = await browser.SubmitAsync(ready, "#commit-form");

        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        imported.Document.QuerySelector("#import-outcome")!.TextContent.Trim().ShouldBe(T("ImportExport:Committed", "en", 2, 0));
        (await ProductCodesAsync(tenant)).ShouldBe(["SKU-1", "SKU-2"]);
        var history = await browser.GetAsync("/app/imports");
        history.Document.QuerySelectorAll("#import-jobs tbody tr .import-status").Select(s => s.GetAttribute("data-status"))
            .ShouldBe([nameof(ImportJobStatus.Committed), nameof(ImportJobStatus.HasErrors)]);
    }

    [Fact]
    public async Task Uploading_without_a_file_or_with_a_wrong_one_says_so_next_to_the_file_field()
    {
        var (_, browser) = await CompanyAsync("imp-file");
        var upload = await browser.GetAsync("/app/imports/products");

        var none = await browser.SubmitAsync(upload, "#upload-form");
        var xls = await UploadAsync(browser, upload, "old.xls", [0xD0, 0xCF, 0x11, 0xE0]);
        var noColumn = await UploadAsync(browser, upload, "products.csv", Encoding.UTF8.GetBytes("code,name\nA-1,Widget\n"));

        none.FieldError("Input.File").ShouldBe(T("Error:ImportExport:FileRequired"));
        xls.FieldError("Input.File").ShouldBe(T("Error:ImportExport:FileTypeNotSupported"));
        noColumn.FieldError("Input.File").ShouldBe(T("Error:ImportExport:ColumnMissing", "en", T("ImportExport:Products:BaseUnit")));
    }

    [Fact]
    public async Task The_template_downloads_as_xlsx_with_the_kinds_headers_and_as_csv()
    {
        var (_, browser) = await CompanyAsync("imp-tpl");

        using var xlsx = await browser.Client.GetAsync(new Uri("/app/imports/product-categories?handler=Template&format=xlsx", UriKind.Relative));
        using var csv = await browser.Client.GetAsync(new Uri("/app/imports/product-categories?handler=Template&format=csv", UriKind.Relative));

        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var table = SpreadsheetReader.Read(SpreadsheetFormat.Xlsx, await xlsx.Content.ReadAsByteArrayAsync(), 10);
        table.Headers.ShouldBe([T("ImportExport:Categories:Code") + "*", T("ImportExport:Categories:Name") + "*", T("ImportExport:Categories:ParentCode")]);
        (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').ShouldStartWith($"{T("ImportExport:Categories:Code")}*,");
    }

    [Fact]
    public async Task Another_company_gets_not_found_for_an_import_it_does_not_own_and_cannot_commit_it()
    {
        var (acme, acmeBrowser) = await CompanyAsync("imp-a");
        var (_, globexBrowser) = await CompanyAsync("imp-g");
        var preview = await UploadAsync(acmeBrowser, await acmeBrowser.GetAsync("/app/imports/products"), "p.csv",
            Encoding.UTF8.GetBytes($"{Header}\nSKU-1,Earphones,PCS,,,WH01,1\n"));
        var url = preview.Url.AbsolutePath;

        var read = await globexBrowser.GetAsync(url);
        var status = await globexBrowser.GetAsync(url + "?handler=Status");
        var ownPage = await globexBrowser.GetAsync("/app/imports/products");
        var token = ownPage.ValueOf("__RequestVerificationToken")!;
        using var commit = await globexBrowser.Client.PostAsync(new Uri(url + "?handler=Commit", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        status.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        commit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProductCodesAsync(acme)).ShouldBeEmpty();
        (await acmeBrowser.GetAsync(url)).Document.QuerySelector("#commit-form").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_progress_endpoint_tells_htmx_to_reload_once_the_work_is_done()
    {
        var (_, browser) = await CompanyAsync("imp-status");
        var preview = await UploadAsync(browser, await browser.GetAsync("/app/imports/products"), "p.csv",
            Encoding.UTF8.GetBytes($"{Header}\nSKU-1,Earphones,PCS,,,WH01,1\n"));

        using var status = await browser.Client.GetAsync(new Uri(preview.Url.AbsolutePath + "?handler=Status", UriKind.Relative));

        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.Headers.GetValues("HX-Refresh").ShouldBe(["true"]);
        (await status.Content.ReadAsStringAsync()).ShouldContain("id=\"import-progress\"");
    }

    [Fact]
    public async Task The_customers_list_leads_to_the_customer_import_whose_preview_shows_the_error_next_to_its_row()
    {
        var (tenant, browser) = await CompanyAsync("imp-cust");
        var list = await browser.GetAsync("/app/catalog/customers");
        var upload = await browser.GetAsync(list.Document.QuerySelector(".import-button[data-import-kind='customers']")!.GetAttribute("href")!);

        var preview = await UploadAsync(browser, upload, "customers.csv", Encoding.UTF8.GetBytes(
            "code,name,currency,credit_limit\nC-1,Acme Trading,CNY,5000\nC-2,Pacific Imports,XYZ,100\n"));

        preview.Document.QuerySelector("#commit-form").ShouldBeNull();
        preview.Document.QuerySelector("#import-rows tr[data-row='2'] .row-error").ShouldBeNull();
        var error = preview.Document.QuerySelector("#import-rows tr[data-row='3'] .row-error")!;
        error.TextContent.ShouldContain(T("ImportExport:Partners:Currency"));
        error.TextContent.ShouldContain(T("Error:ImportExport:CurrencyCodeUnknown", "en", "XYZ"));
        (await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<ErpDbContext>().Customers.CountAsync())).ShouldBe(0);
        var suppliers = await browser.GetAsync("/app/catalog/suppliers");
        suppliers.Document.QuerySelectorAll(".import-menu .import-button").Select(a => a.GetAttribute("href")).ShouldBe(["/app/imports/suppliers", "/app/imports/supplier-products"]);
    }

    [Fact]
    public async Task An_imported_opening_stock_links_from_its_job_to_the_draft_opening_balance()
    {
        var (tenant, browser) = await CompanyAsync("imp-open");
        await fixture.InScopeAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<ProductManager>().CreateAsync("SKU-1", new ProductDetails { Name = "Resistor", BaseUnit = "PCS" });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        var list = await browser.GetAsync("/app/inventory/openings");
        var upload = await browser.GetAsync(list.Document.QuerySelector(".import-button[data-import-kind='opening-stock']")!.GetAttribute("href")!);
        var ready = await UploadAsync(browser, upload, "opening.csv", Encoding.UTF8.GetBytes("product_code,warehouse_code,quantity,unit_cost\nSKU-1,WH01,10,1.5\n"));

        var imported = await browser.SubmitAsync(ready, "#commit-form");

        var opening = await fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<ErpDbContext>().StockDocuments.SingleAsync());
        var link = imported.Document.QuerySelector("#import-document a")!;
        link.GetAttribute("href").ShouldBe($"/app/inventory/openings/{opening.Id}");
        (await browser.GetAsync(link.GetAttribute("href")!)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
