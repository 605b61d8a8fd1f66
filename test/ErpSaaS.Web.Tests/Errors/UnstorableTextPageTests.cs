using System.Net;
using System.Net.Http.Headers;
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

namespace ErpSaaS.Web.Tests.Errors;

/// <summary>
/// On pages, text PostgreSQL cannot hold is a message next to its field: a form comes back with what was typed and
/// nothing saved, a search box says why the list is empty.
/// </summary>
public sealed class UnstorableTextPageTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("nulp-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("zh-Hans");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            await sp.GetRequiredService<IProductAppService>().CreateAsync(new ProductInput { Code = "SKU-1", Name = "贴片电阻", BaseUnit = "PCS" });
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client(string culture = "en")
    {
        var client = factory.ClientFor(_acme, _admin);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        return client;
    }

    private static string Message(string culture = "en") => T("Error:" + ErrorCodes.UnstorableText, culture);

    private static string? ErrorAt(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    private Task<IReadOnlyList<string>> CustomerNamesAsync() =>
        factory.Data.AsUserAsync(_acme, _admin, async sp =>
            (IReadOnlyList<string>)(await sp.GetRequiredService<ICustomerAppService>().GetListAsync(new CustomerListQuery { IncludeInactive = true }))
            .Items.Select(c => c.Name).ToList());

    /// <summary>Posts a page's form as multipart, as a form with a file input does: its values arrive as sent, NULs included.</summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync(url));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(("__RequestVerificationToken", token))) content.Add(new StringContent(value), name);
        return await client.PostAsync(url, content);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task A_customer_name_with_a_nul_comes_back_with_the_message_next_to_the_name_and_nothing_saved(string culture)
    {
        var response = await PostMultipartAsync(Client(culture), "/app/catalog/customers/create",
            ("Input.Code", "C-NUL"), ("Input.Name", "华东\0电子"), ("Input.Currency", "CNY"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AdminPagesFactory.HtmlAsync(response);
        ErrorAt(page, "Input.Name").ShouldBe(Message(culture));
        ErrorAt(page, "Input.Code").ShouldBeNull();
        page.QuerySelector("input[name='Input.Code']")!.GetAttribute("value").ShouldBe("C-NUL");
        (await CustomerNamesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_product_form_with_a_nul_in_a_row_field_names_that_row_keeps_the_input_and_saves_nothing()
    {
        var response = await PostMultipartAsync(Client(), "/app/catalog/products/create",
            ("Input.Code", "SKU-2"), ("Input.Name", "新物料"), ("Input.BaseUnit", "PCS"), ("Input.Barcodes[0]", "692\0"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AdminPagesFactory.HtmlAsync(response);
        ErrorAt(page, "Input.Barcodes[0]").ShouldBe(Message());
        page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("新物料");
        var found = await factory.Data.AsUserAsync(_acme, _admin, sp =>
            sp.GetRequiredService<IProductAppService>().GetListAsync(new ProductListQuery { Search = "SKU-2" }));
        found.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_url_encoded_form_with_a_nul_is_not_accepted_and_nothing_is_saved()
    {
        var response = await AdminPagesFactory.PostFormAsync(Client(), "/app/catalog/customers/create", "/app/catalog/customers/create",
            ("Input.Code", "C-NUL"), ("Input.Name", "华东\0电子"), ("Input.Currency", "CNY"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CustomerNamesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_named_in_chinese_with_emoji_is_saved_as_typed()
    {
        var response = await AdminPagesFactory.PostFormAsync(Client(), "/app/catalog/customers/create", "/app/catalog/customers/create",
            ("Input.Code", "C-OK"), ("Input.Name", "华东电子 🚀"), ("Input.Currency", "CNY"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CustomerNamesAsync()).ShouldBe(["华东电子 🚀"]);
    }

    [Theory]
    [InlineData("/app/catalog/products?Search=%00")]
    [InlineData("/app/catalog/products?Search=a%00b")]
    [InlineData("/app/catalog/customers?Search=a%00b")]
    [InlineData("/app/sales/orders?Search=%00")]
    [InlineData("/app/inventory/stock?Search=%00")]
    public async Task A_search_with_a_nul_shows_the_message_next_to_the_search_box_and_no_rows(string url)
    {
        var response = await Client("zh-Hans").GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AdminPagesFactory.HtmlAsync(response);
        ErrorAt(page, "Search").ShouldBe(Message("zh-Hans"));
        page.QuerySelector("input[name='Search']")!.ClassList.ShouldContain("is-invalid");
        page.QuerySelectorAll("table tbody tr td a[href*='/app/']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_that_does_not_show_refused_text_answers_400_not_500()
    {
        var response = await Client().GetAsync("/app/catalog/products/create?returnUrl=%00");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
