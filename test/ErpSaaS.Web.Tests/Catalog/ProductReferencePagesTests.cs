using System.Net;
using AngleSharp.Html.Dom;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

/// <summary>The pages of what products are described with: the category tree, units, tax rates and warehouse bins.</summary>
public sealed class ProductReferencePagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;
    private Guid _electronics;
    private Guid _resistors;
    private Guid _warehouse;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("rfp-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            var categories = sp.GetRequiredService<IProductCategoryAppService>();
            _electronics = await categories.CreateAsync(new ProductCategoryInput { Code = "ELEC", Name = "Electronics" });
            _resistors = await categories.CreateAsync(new ProductCategoryInput { Code = "RES", Name = "Resistors", ParentId = _electronics });
            await categories.CreateAsync(new ProductCategoryInput { Code = "RES-SMD", Name = "SMD resistors", ParentId = _resistors });
            _warehouse = await sp.GetRequiredService<IWarehouseAppService>().CreateAsync(new WarehouseInput { Code = "WH01", Name = "Main" });
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

    private static string? ErrorAt(IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    private async Task<(Guid Tenant, HttpClient Client)> OtherCompanyAsync()
    {
        var globex = await factory.Data.Given.Tenant("rfx-" + Guid.NewGuid().ToString("N")[..6]);
        return (globex, factory.ClientFor(globex, await factory.Data.Given.User(globex, "admin", StaticRoles.Admin)));
    }

    [Fact]
    public async Task The_category_tree_shows_each_level_indented_under_its_parent_and_adds_a_subcategory()
    {
        var added = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/categories", "/app/catalog/categories",
            ("Input.Code", "cap"), ("Input.Name", "Capacitors"), ("Input.ParentId", _electronics.ToString()));

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PageAsync(Admin, "/app/catalog/categories");
        page.QuerySelectorAll("#categories tbody tr").Select(r => (r.QuerySelector("td a")!.TextContent.Trim(), r.GetAttribute("data-depth")))
            .ShouldBe([("Electronics", "0"), ("Capacitors", "1"), ("Resistors", "1"), ("SMD resistors", "2")]);
        page.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Moving_a_category_under_its_own_subcategory_shows_the_reason_next_to_the_parent()
    {
        var url = $"/app/catalog/categories/{_electronics}";
        var form = await PageAsync(Admin, url);

        var refused = await AdminPagesFactory.PostFormAsync(Admin, url, url,
            ("Input.Version", form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!), ("Input.Code", "ELEC"),
            ("Input.Name", "Electronic parts"), ("Input.ParentId", _resistors.ToString()));
        var taken = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/categories", "/app/catalog/categories",
            ("Input.Code", "res"), ("Input.Name", "Again"));

        ErrorAt(await AdminPagesFactory.HtmlAsync(refused), "Input.ParentId").ShouldBe(T("Error:" + CatalogErrorCodes.CategoryCycle));
        ErrorAt(await AdminPagesFactory.HtmlAsync(taken), "Input.Code").ShouldBe(T("Error:" + CatalogErrorCodes.CategoryCodeTaken, "en", "RES"));
        (await PageAsync(Admin, url)).QuerySelector("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("Electronics");
    }

    [Fact]
    public async Task A_category_is_renamed_and_deactivated_from_its_page()
    {
        var id = await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<IProductCategoryAppService>()
            .CreateAsync(new ProductCategoryInput { Code = "OLD", Name = "Old stuff" }));
        var url = $"/app/catalog/categories/{id}";
        var form = await PageAsync(Admin, url);

        var saved = await AdminPagesFactory.PostFormAsync(Admin, url, url,
            ("Input.Version", form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!), ("Input.Code", "OLD"), ("Input.Name", "Retired stuff"));
        await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=Deactivate");

        saved.Headers.Location!.OriginalString.ShouldBe("/app/catalog/categories");
        var row = (await PageAsync(Admin, "/app/catalog/categories")).QuerySelectorAll("#categories tbody tr").Single(r => r.TextContent.Contains("OLD"));
        row.QuerySelector("td a")!.TextContent.Trim().ShouldBe("Retired stuff");
        row.QuerySelector(".badge")!.TextContent.ShouldBe(T("Catalog:Inactive"));
    }

    [Fact]
    public async Task Units_are_listed_added_and_a_taken_code_is_shown_next_to_the_code()
    {
        var added = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/units", "/app/catalog/units",
            ("Input.Code", "roll"), ("Input.Name", "Roll"), ("Input.DecimalPlaces", "0"));
        var taken = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/units", "/app/catalog/units",
            ("Input.Code", "pcs"), ("Input.Name", "Piece again"), ("Input.DecimalPlaces", "0"));

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ErrorAt(await AdminPagesFactory.HtmlAsync(taken), "Input.Code").ShouldBe(T("Error:" + CatalogErrorCodes.UnitCodeTaken, "en", "PCS"));
        var page = await PageAsync(Admin, "/app/catalog/units");
        page.QuerySelectorAll("#units tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["BOX", "G", "KG", "L", "M", "PACK", "PCS", "ROLL", "SET"]);
    }

    [Fact]
    public async Task A_unit_gets_other_decimal_places_and_an_impossible_number_is_shown_next_to_the_field()
    {
        var kilogram = (await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<IUnitOfMeasureAppService>().GetListAsync())).Single(u => u.Code == "KG");
        var url = $"/app/catalog/units/{kilogram.Id}";
        var version = (await PageAsync(Admin, url)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        var refused = await AdminPagesFactory.PostFormAsync(Admin, url, url, ("Input.Version", version), ("Input.Code", "KG"), ("Input.Name", "Kilogram"), ("Input.DecimalPlaces", "9"));
        var saved = await AdminPagesFactory.PostFormAsync(Admin, url, url, ("Input.Version", version), ("Input.Code", "KG"), ("Input.Name", "Kilo"), ("Input.DecimalPlaces", "2"));

        ErrorAt(await AdminPagesFactory.HtmlAsync(refused), "Input.DecimalPlaces").ShouldNotBeNull();
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await PageAsync(Admin, "/app/catalog/units")).QuerySelectorAll("#units tbody tr").Single(r => r.TextContent.Contains("KG"));
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(3).ShouldBe(["KG", "Kilo", "2"]);
    }

    [Fact]
    public async Task Tax_rates_read_in_percent_a_new_rate_is_entered_in_percent_and_another_becomes_the_default()
    {
        var refused = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/tax-rates", "/app/catalog/tax-rates",
            ("Input.Code", "BAD"), ("Input.Name", "Too precise"), ("Input.RatePercent", "13.125"));
        await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/tax-rates", "/app/catalog/tax-rates",
            ("Input.Code", "VAT5"), ("Input.Name", "VAT 5%"), ("Input.RatePercent", "5"));
        var vat9 = (await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<ITaxRateAppService>().GetListAsync())).Single(t => t.Code == "VAT9").Id;
        await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/tax-rates", $"/app/catalog/tax-rates?handler=MakeDefault&id={vat9}");

        ErrorAt(await AdminPagesFactory.HtmlAsync(refused), "Input.RatePercent").ShouldBe(T("Error:" + CatalogErrorCodes.TaxRateOutOfRange));
        var page = await PageAsync(Admin, "/app/catalog/tax-rates");
        page.QuerySelectorAll("#tax-rates tbody tr").Select(r => (r.QuerySelector("td")!.TextContent.Trim(), r.QuerySelector("td:nth-child(3)")!.TextContent.Trim()))
            .ShouldBe([("VAT13", "13 %"), ("VAT9", "9 %"), ("VAT6", "6 %"), ("VAT5", "5 %"), ("VAT0", "0 %")]);
        page.QuerySelectorAll("#tax-rates tbody tr").Single(r => r.QuerySelector(".badge.bg-blue-lt") is not null).QuerySelector("td")!.TextContent.Trim().ShouldBe("VAT9");
    }

    [Fact]
    public async Task A_tax_rate_is_renamed_on_its_page_keeping_its_rate()
    {
        var vat6 = (await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<ITaxRateAppService>().GetListAsync())).Single(t => t.Code == "VAT6");
        var url = $"/app/catalog/tax-rates/{vat6.Id}";
        var form = await PageAsync(Admin, url);

        var saved = await AdminPagesFactory.PostFormAsync(Admin, url, url,
            ("Input.Version", form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!), ("Input.Code", "VAT6"), ("Input.Name", "Modern services 6%"));

        form.QuerySelector("#tax-rate-percent")!.GetAttribute("value").ShouldBe("6 %");
        saved.Headers.Location!.OriginalString.ShouldBe("/app/catalog/tax-rates");
        var row = (await PageAsync(Admin, "/app/catalog/tax-rates")).QuerySelectorAll("#tax-rates tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "VAT6");
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(3).ShouldBe(["VAT6", "Modern services 6%", "6 %"]);
    }

    [Fact]
    public async Task The_default_tax_rate_cannot_be_deactivated_and_the_page_says_why()
    {
        var vat13 = (await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<ITaxRateAppService>().GetListAsync())).Single(t => t.Code == "VAT13");
        vat13.IsDefault.ShouldBeTrue();
        var url = $"/app/catalog/tax-rates/{vat13.Id}";

        var refused = await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=Deactivate");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AdminPagesFactory.HtmlAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain(T("Error:" + CatalogErrorCodes.DefaultTaxRateCannotBeDeactivated, "en", "VAT13"));
    }

    [Fact]
    public async Task Bins_are_reached_from_the_warehouse_list_added_listed_renamed_and_deactivated()
    {
        var warehouses = await PageAsync(Admin, "/app/catalog/warehouses");
        var binsUrl = warehouses.QuerySelector($"#warehouses a[href='/app/catalog/warehouses/{_warehouse}/locations']")!.GetAttribute("href")!;
        (await PageAsync(Admin, $"/app/catalog/warehouses/{_warehouse}")).QuerySelector($".page-header a[href='{binsUrl}']").ShouldNotBeNull();

        var added = await AdminPagesFactory.PostFormAsync(Admin, binsUrl, binsUrl, ("Input.Code", "a-01-01"), ("Input.Name", "Aisle A, rack 1, level 1"));
        var taken = await AdminPagesFactory.PostFormAsync(Admin, binsUrl, binsUrl, ("Input.Code", "A-01-01"), ("Input.Name", "Again"));
        var list = await PageAsync(Admin, binsUrl);
        var editUrl = list.QuerySelector("#locations tbody a")!.GetAttribute("href")!;
        var version = (await PageAsync(Admin, editUrl)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        await AdminPagesFactory.PostFormAsync(Admin, editUrl, editUrl, ("Input.Version", version), ("Input.Code", "A-01-01"), ("Input.Name", "Cold corner"));
        await AdminPagesFactory.PostFormAsync(Admin, editUrl, editUrl + "?handler=Deactivate");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ErrorAt(await AdminPagesFactory.HtmlAsync(taken), "Input.Code").ShouldBe(T("Error:" + CatalogErrorCodes.LocationCodeTaken, "en", "A-01-01"));
        list.QuerySelectorAll("#locations tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["A-01-01"]);
        list.QuerySelector(".page-title")!.TextContent.ShouldBe(T("Locations:Title", "en", "WH01"));
        (await PageAsync(Admin, binsUrl)).QuerySelectorAll("#locations tbody a").ShouldBeEmpty();
        var withInactive = await PageAsync(Admin, binsUrl + "?IncludeInactive=true");
        withInactive.QuerySelectorAll("#locations tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .ShouldBe([["A-01-01", "Cold corner", T("Catalog:Inactive")]]);
        var export = await (await Admin.GetAsync(binsUrl + "?handler=Export&IncludeInactive=true")).Content.ReadAsStringAsync();
        export.ShouldContain("WH01,A-01-01,Cold corner");
    }

    [Fact]
    public async Task Another_companys_categories_units_tax_rates_warehouses_and_bins_are_not_found()
    {
        var (_, intruder) = await OtherCompanyAsync();
        var (unit, rate, bin) = await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            var units = await sp.GetRequiredService<IUnitOfMeasureAppService>().GetListAsync();
            var rates = await sp.GetRequiredService<ITaxRateAppService>().GetListAsync();
            var location = await sp.GetRequiredService<IWarehouseLocationAppService>().CreateAsync(_warehouse, new WarehouseLocationInput { Code = "SECRET", Name = "Secret" });
            return (units[0].Id, rates[0].Id, location);
        });

        foreach (var url in new[]
                 {
                     $"/app/catalog/categories/{_electronics}", $"/app/catalog/units/{unit}", $"/app/catalog/tax-rates/{rate}",
                     $"/app/catalog/warehouses/{_warehouse}/locations", $"/app/catalog/warehouses/{_warehouse}/locations/{bin}",
                     $"/app/catalog/warehouses/{_warehouse}/locations?handler=Export",
                 })
        {
            (await intruder.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await AdminPagesFactory.PostFormAsync(intruder, "/app/catalog/units", $"/app/catalog/units/{unit}?handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(intruder, "/app/catalog/units", $"/app/catalog/tax-rates?handler=MakeDefault&id={rate}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(intruder, "/app/catalog/units", $"/app/catalog/warehouses/{_warehouse}/locations",
            ("Input.Code", "X"), ("Input.Name", "X"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(intruder, "/app/catalog/units", $"/app/catalog/categories/{_electronics}?handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await PageAsync(Admin, $"/app/catalog/categories/{_electronics}")).QuerySelector(".badge")!.TextContent.ShouldBe(T("Catalog:Active"));
        (await PageAsync(Admin, $"/app/catalog/units/{unit}")).QuerySelector(".badge")!.TextContent.ShouldBe(T("Catalog:Active"));
        (await PageAsync(Admin, $"/app/catalog/warehouses/{_warehouse}/locations")).QuerySelectorAll("#locations tbody a").Select(a => a.TextContent).ShouldContain("SECRET");
    }

    [Fact]
    public async Task A_bin_is_only_found_under_its_own_warehouse()
    {
        var (other, bin) = await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            var second = await sp.GetRequiredService<IWarehouseAppService>().CreateAsync(new WarehouseInput { Code = "WH02", Name = "Second" });
            return (second, await sp.GetRequiredService<IWarehouseLocationAppService>().CreateAsync(_warehouse, new WarehouseLocationInput { Code = "B-01", Name = "B" }));
        });

        (await Admin.GetAsync($"/app/catalog/warehouses/{_warehouse}/locations/{bin}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetAsync($"/app/catalog/warehouses/{other}/locations/{bin}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
