using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class SupplierPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private (Guid Tenant, Guid Admin) _acme;
    private Guid _suzhou;

    private PartnersGiven Given => new(factory.Data);

    public async Task InitializeAsync()
    {
        _acme = await Given.Company("sp");
        await Given.Product(_acme, "RES-10K", 0.05m, name: "贴片电阻 10K");
        await Given.Product(_acme, "CAP-1UF", 0.08m, name: "贴片电容 1uF");
        _suzhou = await Given.As<ISupplierAppService, Guid>(_acme, s => s.CreateAsync(new SupplierInput { Code = "S001", Name = "苏州精密", DefaultLeadTimeDays = 7 }));
        await Given.As<ISupplierAppService, Guid>(_acme, s => s.CreateAsync(new SupplierInput { Code = "S002", Name = "東京部品", Currency = "JPY", DefaultLeadTimeDays = 21 }));
        await Given.As<ISupplierAppService>(_acme, s => s.AddContactAsync(_suzhou, new ContactInput { Name = "孙强", Email = "sun@suzhou-precision.example" }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Admin => factory.ClientFor(_acme.Tenant, _acme.Admin);

    [Fact]
    public async Task The_suppliers_list_filters_by_currency_and_contact_and_exports_the_same_rows()
    {
        var all = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/suppliers"));
        var yen = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/suppliers?Currency=JPY"));
        var byEmail = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/suppliers?Search=suzhou-precision"));
        var csv = await (await Admin.GetAsync("/app/catalog/suppliers?handler=Export&Currency=JPY")).Content.ReadAsStringAsync();

        all.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T("Partners:Suppliers")]);
        all.QuerySelectorAll("#suppliers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["S001", "S002"]);
        yen.QuerySelectorAll("#suppliers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["S002"]);
        byEmail.QuerySelectorAll("#suppliers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["S001"]);
        csv.ShouldContain("東京部品");
        csv.ShouldNotContain("苏州精密");
    }

    [Fact]
    public async Task Products_are_added_by_code_and_an_unknown_code_is_refused_in_the_add_form()
    {
        var client = Admin;
        var url = $"/app/catalog/suppliers/{_suzhou}";

        var unknown = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(client, url, url + "?handler=AddProduct",
            ("Product.ProductCode", "NOPE"), ("Product.Price", "0.01"), ("Product.Currency", "CNY"), ("Product.MinimumOrderQuantity", "0")));
        var added = await AdminPagesFactory.PostFormAsync(client, url, url + "?handler=AddProduct",
            ("Product.ProductCode", "res-10k"), ("Product.SupplierProductCode", "SZ-1001"), ("Product.Price", "0.012345"), ("Product.Currency", "CNY"),
            ("Product.LeadTimeDays", ""), ("Product.MinimumOrderQuantity", "5000"), ("Product.IsPreferred", "true"));
        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync(url));

        unknown.QuerySelector("#add-product .invalid-feedback")!.TextContent.ShouldBe(T("Error:Partners:ProductUnknown", "en", "NOPE"));
        unknown.QuerySelector("#add-product input[name='Product.ProductCode']")!.GetAttribute("value").ShouldBe("NOPE");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector(".alert-success")!.TextContent.ShouldBe(T("Partners:Added"));
        var row = page.QuerySelector(".product-row")!;
        row.QuerySelector(".product-code")!.TextContent.ShouldBe("RES-10K");
        row.QuerySelector("input[name='Product.Price']")!.GetAttribute("value").ShouldBe("0.012345");
        row.QuerySelector("input[name='Product.LeadTimeDays']")!.GetAttribute("placeholder").ShouldBe("7");
        row.QuerySelector(".badge")!.TextContent.ShouldBe(T("Partners:PreferredBadge"));
        page.QuerySelectorAll("#product-options option").Select(o => o.GetAttribute("value")).ShouldBe(["CAP-1UF", "RES-10K"]);
    }

    [Fact]
    public async Task A_supplier_with_a_bad_lead_time_is_refused_next_to_the_field_on_create()
    {
        var page = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/suppliers/create", "/app/catalog/suppliers/create",
            ("Input.Code", "S009"), ("Input.Name", "新供应商"), ("Input.Currency", "CNY"), ("Input.PaymentTermsDays", "30"), ("Input.DefaultLeadTimeDays", "999")));

        page.QuerySelector("span[data-valmsg-for='Input.DefaultLeadTimeDays']")!.TextContent.ShouldBe(T("Error:Partners:LeadTimeInvalid", "en", 365));
    }

    [Fact]
    public async Task A_user_of_another_company_gets_not_found_for_a_suppliers_page_and_its_product_form()
    {
        var globex = await Given.Company("gs");
        await Given.Product(globex, "RES-10K", 1m);
        var other = factory.ClientFor(globex.Tenant, globex.Admin);

        (await other.GetAsync($"/app/catalog/suppliers/{_suzhou}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var add = await AdminPagesFactory.PostFormAsync(other, "/app/catalog/suppliers/create", $"/app/catalog/suppliers/{_suzhou}?handler=AddProduct",
            ("Product.ProductCode", "RES-10K"), ("Product.Price", "1"), ("Product.MinimumOrderQuantity", "0"));

        add.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As<ISupplierAppService, SupplierDetailDto>(_acme, s => s.GetAsync(_suzhou))).Products.ShouldBeEmpty();
    }
}
