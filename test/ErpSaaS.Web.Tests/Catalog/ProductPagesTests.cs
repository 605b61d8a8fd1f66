using System.Net;
using AngleSharp.Html.Dom;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Localization;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Catalog;
using ErpSaaS.Web.Menu;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class ProductPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;
    private Guid _resistor;
    private Guid _electronics;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("prp-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("zh-Hans");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            var categories = sp.GetRequiredService<IProductCategoryAppService>();
            _electronics = await categories.CreateAsync(new ProductCategoryInput { Code = "ELEC", Name = "电子元器件" });
            var resistors = await categories.CreateAsync(new ProductCategoryInput { Code = "RES", Name = "电阻", ParentId = _electronics });
            var packaging = await categories.CreateAsync(new ProductCategoryInput { Code = "PACK", Name = "包装材料" });
            var products = sp.GetRequiredService<IProductAppService>();
            _resistor = await products.CreateAsync(new ProductInput
            {
                Code = "SKU-10086", Name = "贴片电阻 10kΩ", Specification = "0603 ±1%", BaseUnit = "PCS", CategoryId = resistors,
                UnitConversions = [new UnitConversionInput { UnitCode = "BOX", Factor = 5000m }], Barcodes = ["6921234501016"], SalePrice = 0.008m,
            });
            await products.CreateAsync(new ProductInput { Code = "SKU-10087", Name = "贴片电阻 1kΩ", BaseUnit = "PCS", CategoryId = resistors });
            await products.CreateAsync(new ProductInput { Code = "BOX-40", Name = "瓦楞纸箱 40×30×30cm", BaseUnit = "PCS", CategoryId = packaging });
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Admin => factory.ClientFor(_acme, _admin);

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await AdminPagesFactory.HtmlAsync(response);
    }

    private static IEnumerable<string> Codes(IHtmlDocument page) =>
        page.QuerySelectorAll("#products tbody tr td:first-child a").Select(a => a.TextContent.Trim());

    private static string? ErrorAt(IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    [Fact]
    public async Task The_product_list_shows_the_products_with_search_filters_sort_headers_and_export_and_create_beside_the_title()
    {
        var page = await PageAsync(Admin, "/app/catalog/products");

        page.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T("Products:Title")]);
        Codes(page).ShouldBe(["BOX-40", "SKU-10086", "SKU-10087"]);
        page.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
        page.QuerySelector(".page-header a[href='/app/catalog/products/create']")!.TextContent.ShouldBe(T("Products:Create"));
        page.QuerySelectorAll("#products thead a[href*='Sort=']").Select(a => a.TextContent.Trim())
            .ShouldBe([T("Products:Code"), T("Products:Name"), T("Products:Type"), T("Products:SalePrice"), T("Catalog:Status")]);
        page.QuerySelectorAll("#product-filter select[name='CategoryId'] option").Select(o => o.TextContent.Trim())
            .ShouldBe([T("Products:AllCategories"), "ELEC 电子元器件", "└ RES 电阻", "PACK 包装材料"]);
        var resistorRow = page.QuerySelectorAll("#products tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "SKU-10086");
        resistorRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Skip(2).ShouldBe(["电阻", T("Products:Type:Goods"), "PCS", "6921234501016", "0.008", T("Catalog:Active")]);
    }

    [Fact]
    public async Task A_scanned_barcode_finds_its_product_and_a_category_filter_includes_subcategories()
    {
        var scanned = await PageAsync(Admin, "/app/catalog/products?Search=6921234501016");
        var electronics = await PageAsync(Admin, $"/app/catalog/products?CategoryId={_electronics}");
        var sortedByNameDescending = await PageAsync(Admin, "/app/catalog/products?Sort=name&Desc=true");

        Codes(scanned).ShouldBe(["SKU-10086"]);
        scanned.QuerySelector("input[name='Search']")!.GetAttribute("value").ShouldBe("6921234501016");
        Codes(electronics).ShouldBe(["SKU-10086", "SKU-10087"]);
        // Names sort by their characters' code points: 贴 (U+8D34) after 瓦 (U+74E6), "1k" after "10".
        Codes(sortedByNameDescending).ShouldBe(["SKU-10087", "SKU-10086", "BOX-40"]);
        sortedByNameDescending.QuerySelector("#products thead a[aria-sort='descending']")!.TextContent.ShouldContain(T("Products:Name"));
    }

    [Fact]
    public async Task The_export_downloads_every_field_of_the_filtered_products_as_csv()
    {
        var response = await Admin.GetAsync("/app/catalog/products?handler=Export&Search=10kΩ");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith($"{T("Products:Code")},{T("Products:Name")},{T("Products:Specification")}");
        lines[1].ShouldStartWith("SKU-10086,贴片电阻 10kΩ,0603 ±1%,电阻,");
        lines[1].ShouldContain("BOX=5000");
        lines[1].ShouldContain("6921234501016");
        lines[1].ShouldContain("VAT13");
    }

    [Fact]
    public async Task Creating_a_product_leads_to_its_page_with_its_units_and_barcodes()
    {
        var browser = Admin;
        var response = await AdminPagesFactory.PostFormAsync(browser, "/app/catalog/products/create", "/app/catalog/products/create",
            ("Input.Code", "sku-20001"), ("Input.Name", "无铅焊锡丝 0.8mm"), ("Input.BaseUnit", "KG"), ("Input.Type", "RawMaterial"),
            ("Input.UnitConversions[0].UnitCode", ""), ("Input.UnitConversions[0].Factor", ""),
            ("Input.UnitConversions[1].UnitCode", "BOX"), ("Input.UnitConversions[1].Factor", "10"),
            ("Input.Barcodes[0]", "6921234501139"), ("Input.Barcodes[1]", ""),
            ("Input.IsBatchTracked", "true"), ("Input.ShelfLifeDays", "1095"), ("Input.SalePrice", "220.5"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await PageAsync(browser, response.Headers.Location!.OriginalString);
        details.QuerySelector("#product-code")!.TextContent.ShouldBe("SKU-20001");
        details.QuerySelector("#product-conversions")!.TextContent.Trim().ShouldBe("1 BOX = 10 KG");
        details.QuerySelector("#product-barcodes")!.TextContent.Trim().ShouldBe("6921234501139");
        details.QuerySelector("#product-sale-price")!.TextContent.ShouldBe("220.5");
        details.QuerySelector("#flash")!.TextContent.ShouldContain(T("Products:Created"));
    }

    [Fact]
    public async Task A_barcode_of_another_product_is_shown_next_to_its_own_row_with_the_input_kept_and_nothing_saved()
    {
        var response = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/products/create", "/app/catalog/products/create",
            ("Input.Code", "SKU-NEW"), ("Input.Name", "新物料"), ("Input.BaseUnit", "PCS"),
            ("Input.Barcodes[0]", ""), ("Input.Barcodes[1]", "NEW-1"), ("Input.Barcodes[2]", "6921234501016"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AdminPagesFactory.HtmlAsync(response);
        ErrorAt(page, "Input.Barcodes[1]").ShouldBe(T("Error:" + CatalogErrorCodes.ProductBarcodeTaken, "en", "6921234501016", "SKU-10086"));
        ErrorAt(page, "Input.Barcodes[0]").ShouldBeNull();
        page.QuerySelector("input[name='Input.Barcodes[1]']")!.GetAttribute("value").ShouldBe("6921234501016");
        page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("新物料");
        page.QuerySelectorAll("#barcodes input[name^='Input.Barcodes']").Length.ShouldBe(2 + ProductFormPageModelBlankRows);
        Codes(await PageAsync(Admin, "/app/catalog/products?Search=SKU-NEW")).ShouldBeEmpty();
    }

    private const int ProductFormPageModelBlankRows = ErpSaaS.Web.Pages.App.Catalog.Products.ProductFormPageModel.BlankRows;

    [Fact]
    public async Task An_unknown_unit_and_a_duplicate_code_are_shown_next_to_their_fields()
    {
        var unknownUnit = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/products/create", "/app/catalog/products/create",
            ("Input.Code", "SKU-X"), ("Input.Name", "X"), ("Input.BaseUnit", "PCS"),
            ("Input.UnitConversions[0].UnitCode", "BOX"), ("Input.UnitConversions[0].Factor", "12"),
            ("Input.UnitConversions[1].UnitCode", "CRATE"), ("Input.UnitConversions[1].Factor", "48"));
        var duplicate = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/products/create", "/app/catalog/products/create",
            ("Input.Code", "sku-10086"), ("Input.Name", "重复"), ("Input.BaseUnit", "PCS"));
        var unreadable = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/products/create", "/app/catalog/products/create",
            ("Input.Code", "SKU-Y"), ("Input.Name", "Y"), ("Input.BaseUnit", "PCS"), ("Input.SafetyStock", "lots"));

        ErrorAt(await AdminPagesFactory.HtmlAsync(unknownUnit), "Input.UnitConversions[1].UnitCode")
            .ShouldBe(T("Error:" + CatalogErrorCodes.ProductUnitUnknown, "en", "CRATE"));
        ErrorAt(await AdminPagesFactory.HtmlAsync(duplicate), "Input.Code").ShouldBe(T("Error:" + CatalogErrorCodes.ProductCodeTaken, "en", "SKU-10086"));
        var unreadablePage = await AdminPagesFactory.HtmlAsync(unreadable);
        ErrorAt(unreadablePage, "Input.SafetyStock").ShouldNotBeNull();
        unreadablePage.QuerySelector("input[name='Input.SafetyStock']")!.GetAttribute("value").ShouldBe("lots");
        Codes(await PageAsync(Admin, "/app/catalog/products?Search=SKU-Y")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Editing_a_product_saves_it_and_an_edit_overtaken_by_a_colleague_is_refused_with_the_reason()
    {
        var id = await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<IProductAppService>()
            .CreateAsync(new ProductInput { Code = "EDIT-1", Name = "原名", BaseUnit = "PCS" }));
        var url = $"/app/catalog/products/{id}/edit";
        var form = await PageAsync(Admin, url);
        var version = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        form.QuerySelector("input[name='Input.Code']")!.HasAttribute("readonly").ShouldBeTrue();

        var saved = await AdminPagesFactory.PostFormAsync(Admin, url, url,
            ("Input.Version", version), ("Input.Name", "新名字"), ("Input.BaseUnit", "PCS"), ("Input.Barcodes[0]", "EDIT-BC"));
        var stale = await AdminPagesFactory.PostFormAsync(Admin, url, url,
            ("Input.Version", version), ("Input.Name", "过时的修改"), ("Input.BaseUnit", "PCS"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe($"/app/catalog/products/{id}");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AdminPagesFactory.HtmlAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain(T("Error:" + ErrorCodes.ConcurrencyConflict));
        var details = await PageAsync(Admin, $"/app/catalog/products/{id}");
        details.QuerySelector(".page-title")!.TextContent.ShouldBe("EDIT-1 · 新名字");
        details.QuerySelector("#product-barcodes")!.TextContent.Trim().ShouldBe("EDIT-BC");
    }

    [Fact]
    public async Task A_product_is_deactivated_activated_and_deleted_from_its_page()
    {
        var id = await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<IProductAppService>()
            .CreateAsync(new ProductInput { Code = "GONE-1", Name = "录错的物料", BaseUnit = "PCS" }));
        var url = $"/app/catalog/products/{id}";

        await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=Deactivate");
        var inactive = await PageAsync(Admin, url);
        await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=Activate");
        var active = await PageAsync(Admin, url);
        var deleted = await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=Delete");

        inactive.QuerySelector("#product-status")!.TextContent.ShouldBe(T("Catalog:Inactive"));
        active.QuerySelector("#product-status")!.TextContent.ShouldBe(T("Catalog:Active"));
        deleted.Headers.Location!.OriginalString.ShouldBe("/app/catalog/products");
        (await Admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_companys_product_is_not_found_on_any_product_page()
    {
        var globex = await factory.Data.Given.Tenant("prx-" + Guid.NewGuid().ToString("N")[..6]);
        var globexAdmin = await factory.Data.Given.User(globex, "admin", StaticRoles.Admin);
        var intruder = factory.ClientFor(globex, globexAdmin);
        var url = $"/app/catalog/products/{_resistor}";

        (await intruder.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.GetAsync(url + "/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(intruder, "/app/catalog/products/create", url + "?handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(intruder, "/app/catalog/products/create", url + "/edit",
            ("Input.Name", "偷改"), ("Input.BaseUnit", "PCS"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var search = await PageAsync(intruder, "/app/catalog/products?Search=6921234501016&Status=All");
        var export = await (await intruder.GetAsync("/app/catalog/products?handler=Export&Status=All")).Content.ReadAsStringAsync();

        Codes(search).ShouldBeEmpty();
        export.ShouldNotContain("SKU-10086");
        var mine = await PageAsync(Admin, url);
        (mine.QuerySelector("#product-status")!.TextContent, mine.QuerySelector(".page-title")!.TextContent).ShouldBe((T("Catalog:Active"), "SKU-10086 · 贴片电阻 10kΩ"));
    }

    [Fact]
    public async Task Without_the_catalog_permission_every_catalog_page_is_forbidden_and_the_menu_hides_them()
    {
        var outsider = await factory.Data.Given.User(_acme, "outsider-" + Guid.NewGuid().ToString("N")[..4]);
        await factory.Data.InScopeAsync(_acme, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(outsider.ToString()))!, StaticRoles.Viewer)).Succeeded.ShouldBeTrue();
        });
        var client = factory.ClientFor(_acme, outsider);

        foreach (var url in new[] { "/app/catalog/products", "/app/catalog/products/create", $"/app/catalog/products/{_resistor}", $"/app/catalog/products/{_resistor}/edit",
                     "/app/catalog/products?handler=Export", "/app/catalog/categories", "/app/catalog/units", "/app/catalog/tax-rates" })
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        var home = await PageAsync(client, "/");
        home.QuerySelectorAll("a[href^='/app/catalog/']").ShouldBeEmpty();
        var adminHome = await PageAsync(Admin, "/");
        adminHome.QuerySelectorAll("#main-menu a[href^='/app/catalog/']").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/app/catalog/products", "/app/catalog/categories", "/app/catalog/warehouses", "/app/catalog/units", "/app/catalog/tax-rates",
                "/app/catalog/customers", "/app/catalog/suppliers", "/app/catalog/price-lists", "/app/catalog/currencies", "/app/catalog/exchange-rates"]);
    }

    [Fact]
    public void Every_catalog_menu_entry_is_named_in_both_languages()
    {
        var menu = new MenuDefinition();
        new CatalogMenuContributor().Contribute(menu);

        menu.Items.Count.ShouldBe(5);
        foreach (var key in menu.Items.Select(i => i.TextKey).Concat(menu.Groups.Select(g => g.TextKey)))
        {
            ErpLocalizationResources.For("en").ContainsKey(key).ShouldBeTrue(key);
            ErpLocalizationResources.For("zh-Hans").ContainsKey(key).ShouldBeTrue(key);
        }
    }
}
