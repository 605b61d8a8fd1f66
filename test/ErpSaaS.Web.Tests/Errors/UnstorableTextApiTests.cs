using System.Net;
using System.Text;
using System.Text.Json;
using ErpSaaS.Catalog;
using ErpSaaS.Errors;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Errors;

/// <summary>
/// Text PostgreSQL cannot hold (a NUL, half of a surrogate pair) is refused by the API as a field error before any
/// query runs; every other text, emoji and Chinese included, goes through untouched.
/// </summary>
public sealed class UnstorableTextApiTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private PartnersGiven Given => new(fixture);

    private Task<(ErpBrowser Browser, (Guid Tenant, Guid Admin) Company)> SignedInAsync() => fixture.SignedInCompanyAsync("nul");

    /// <summary>Sends <paramref name="json"/> as written: JsonContent would re-encode the escapes this is about.</summary>
    private static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> SendAsync(ErpBrowser browser, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await browser.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
    }

    private Task<int> CustomerCountAsync((Guid Tenant, Guid Admin) company) =>
        Given.As<ICustomerAppService, int>(company, async c => (await c.GetListAsync(new CustomerListQuery { IncludeInactive = true })).TotalCount);

    private static string Message(string culture = "en") => T("Error:" + ErrorCodes.UnstorableText, culture);

    [Theory]
    [InlineData("/api/v1/customers?search=%00")]
    [InlineData("/api/v1/customers?search=a%00b")]
    [InlineData("/api/v1/sales/orders?search=a%00b")]
    [InlineData("/api/v1/inventory/transfers?search=%00")]
    public async Task A_search_with_a_nul_is_a_problem_naming_the_search_field(string url)
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var (status, mediaType, problem) = await SendAsync(browser, HttpMethod.Get, url);

            (status, mediaType).ShouldBe((HttpStatusCode.BadRequest, "application/problem+json"));
            problem.GetProperty("code").GetString().ShouldBe(ErrorCodes.UnstorableText);
            problem.GetProperty("errors").GetProperty("search")[0].GetString().ShouldBe(Message());
        }
    }

    [Fact]
    public async Task A_problem_about_unstorable_text_is_in_the_users_language()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            await SendAsync(browser, HttpMethod.Put, "/api/v1/me/profile", """{"displayName":"李娜","language":"zh-Hans","timeZone":"Asia/Shanghai"}""");

            var (_, _, problem) = await SendAsync(browser, HttpMethod.Get, "/api/v1/customers?search=%00");

            problem.GetProperty("errors").GetProperty("search")[0].GetString().ShouldBe(Message("zh-Hans"));
        }
    }

    [Theory]
    [InlineData("""{"code":"C100","name":"华东\u0000电子"}""", "name")]
    [InlineData("""{"code":"C100","name":"华东电子","taxId":"\ud800"}""", "taxId")]
    [InlineData("""{"code":"C100","name":"华东电子","taxId":"91310000\uDC00X"}""", "taxId")]
    public async Task A_json_body_with_a_nul_or_half_a_surrogate_pair_is_a_field_error_and_nothing_is_saved(string json, string field)
    {
        var (browser, company) = await SignedInAsync();
        using (browser)
        {
            var (status, mediaType, problem) = await SendAsync(browser, HttpMethod.Post, "/api/v1/customers", json);

            (status, mediaType).ShouldBe((HttpStatusCode.BadRequest, "application/problem+json"));
            problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(Message());
            (await CustomerCountAsync(company)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_field_deep_in_a_json_body_is_named_by_its_path()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var (status, _, problem) = await SendAsync(browser, HttpMethod.Post, "/api/v1/sales/orders",
                """{"customerId":"00000000-0000-0000-0000-000000000001","lines":[{"productId":"00000000-0000-0000-0000-000000000002","quantity":1},{"comment":"ok"},{"comment":"bad\u0000"}]}""");

            status.ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").GetProperty("lines[2].comment")[0].GetString().ShouldBe(Message());
        }
    }

    [Fact]
    public async Task Chinese_text_and_emoji_are_saved_and_found_as_sent()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var (created, _, body) = await SendAsync(browser, HttpMethod.Post, "/api/v1/customers",
                """{"code":"C200","name":"华东电子 \ud83d\ude80 🚀"}""");
            var (_, _, found) = await SendAsync(browser, HttpMethod.Get, "/api/v1/customers?search=" + Uri.EscapeDataString("🚀 🚀"));

            created.ShouldBe(HttpStatusCode.Created, body.ToString());
            found.GetProperty("totalCount").GetInt32().ShouldBe(1);
            found.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("华东电子 🚀 🚀");
        }
    }
}
