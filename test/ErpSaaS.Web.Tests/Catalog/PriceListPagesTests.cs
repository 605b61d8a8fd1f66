using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class PriceListPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private (Guid Tenant, Guid Admin) _acme;
    private Guid _keyAccounts;

    private PartnersGiven Given => new(factory.Data);

    public async Task InitializeAsync()
    {
        _acme = await Given.Company("pl");
        await Given.Product(_acme, "WIDGET", 120m, name: "小部件");
        _keyAccounts = await Given.As<IPriceListAppService, Guid>(_acme, p => p.CreateAsync(new PriceListInput { Name = "大客户价" }));
        await Given.As<IPriceListAppService, Guid>(_acme, p => p.CreateAsync(new PriceListInput { Name = "Export USD", Currency = "USD" }));
        await Given.As<IPriceListAppService>(_acme, p => p.AddLineAsync(_keyAccounts, new PriceListLineInput { ProductCode = "WIDGET", MinimumQuantity = 0m, UnitPrice = 100m }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Admin => factory.ClientFor(_acme.Tenant, _acme.Admin);

    [Fact]
    public async Task The_price_lists_show_currency_validity_and_counts_and_filter_by_currency()
    {
        var all = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/price-lists"));
        var dollars = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/price-lists?Currency=USD"));
        var csv = await (await Admin.GetAsync("/app/catalog/price-lists?handler=Export&Currency=CNY")).Content.ReadAsStringAsync();

        all.QuerySelectorAll("#price-lists tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["Export USD", "大客户价"]);
        all.QuerySelectorAll("#price-lists tbody tr")[1].QuerySelectorAll("td").Take(5).Select(td => td.TextContent.Trim())
            .ShouldBe(["大客户价", "CNY", T("Partners:OpenEnded"), T("Partners:OpenEnded"), "1"]);
        dollars.QuerySelectorAll("#price-lists tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["Export USD"]);
        csv.ShouldContain("大客户价");
        csv.ShouldNotContain("Export USD");
    }

    [Fact]
    public async Task Prices_with_quantity_breaks_are_added_and_a_second_price_for_the_same_break_is_refused_in_the_add_form()
    {
        var client = Admin;
        var url = $"/app/catalog/price-lists/{_keyAccounts}";

        var added = await AdminPagesFactory.PostFormAsync(client, url, url + "?handler=AddLine",
            ("Line.ProductCode", "widget"), ("Line.MinimumQuantity", "100"), ("Line.UnitPrice", "95.5"));
        var twice = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(client, url, url + "?handler=AddLine",
            ("Line.ProductCode", "WIDGET"), ("Line.MinimumQuantity", "100"), ("Line.UnitPrice", "90")));
        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync(url));

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        twice.QuerySelector("#add-line .invalid-feedback")!.TextContent.ShouldBe(T("Error:Partners:PriceListLineDuplicate", "en", "100"));
        page.QuerySelectorAll(".line-row").Select(r => (
                r.QuerySelector(".product-code")!.TextContent,
                r.QuerySelector("input[name='Line.MinimumQuantity']")!.GetAttribute("value"),
                r.QuerySelector("input[name='Line.UnitPrice']")!.GetAttribute("value")))
            .ShouldBe([("WIDGET", "0", "100"), ("WIDGET", "100", "95.5")]);
    }

    [Fact]
    public async Task A_list_that_ends_before_it_starts_is_refused_next_to_the_end_day()
    {
        var page = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/price-lists/create", "/app/catalog/price-lists/create",
            ("Input.Name", "2027"), ("Input.Currency", "CNY"), ("Input.ValidFrom", "2027-12-31"), ("Input.ValidTo", "2027-01-01")));

        page.QuerySelector("span[data-valmsg-for='Input.ValidTo']")!.TextContent.ShouldBe(T("Error:Partners:PriceListValidityInvalid"));
    }

    [Fact]
    public async Task A_user_of_another_company_gets_not_found_for_a_price_lists_page_and_its_lines()
    {
        var globex = await Given.Company("gl");
        var other = factory.ClientFor(globex.Tenant, globex.Admin);
        var line = (await Given.As<IPriceListAppService, PriceListDetailDto>(_acme, p => p.GetAsync(_keyAccounts))).Lines.Single();

        (await other.GetAsync($"/app/catalog/price-lists/{_keyAccounts}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var remove = await AdminPagesFactory.PostFormAsync(other, "/app/catalog/price-lists/create", $"/app/catalog/price-lists/{_keyAccounts}?handler=RemoveLine&lineId={line.Id}");

        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As<IPriceListAppService, PriceListDetailDto>(_acme, p => p.GetAsync(_keyAccounts))).Lines.Count.ShouldBe(1);
    }
}
