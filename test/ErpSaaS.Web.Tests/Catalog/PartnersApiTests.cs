using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Catalog;
using ErpSaaS.Errors;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class PartnersApiTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private PartnersGiven Given => new(fixture);

    private Task<(ErpBrowser Browser, (Guid Tenant, Guid Admin) Company)> SignedInAsync() => fixture.SignedInCompanyAsync("api");

    private static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> SendAsync(ErpBrowser browser, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await browser.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, json.RootElement.Clone());
    }

    [Fact]
    public async Task A_customer_created_through_the_api_is_listed_and_a_bad_credit_limit_is_a_field_error()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var (created, _, body) = await SendAsync(browser, HttpMethod.Post, "/api/v1/customers",
                new { code = "c001", name = "华东电子", grade = (int)CustomerGrade.A, creditLimit = 500000m, paymentTermsDays = 30 });
            var (refused, mediaType, problem) = await SendAsync(browser, HttpMethod.Post, "/api/v1/customers",
                new { code = "C002", name = "深圳鹏程", creditLimit = -1m });
            var (_, _, list) = await SendAsync(browser, HttpMethod.Get, "/api/v1/customers?search=华东");

            created.ShouldBe(HttpStatusCode.Created);
            body.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
            (refused, mediaType).ShouldBe((HttpStatusCode.BadRequest, "application/problem+json"));
            problem.GetProperty("code").GetString().ShouldBe(PartnerErrorCodes.CreditLimitInvalid);
            problem.GetProperty("errors").GetProperty("creditLimit")[0].GetString().ShouldBe(T("Error:Partners:CreditLimitInvalid"));
            list.GetProperty("totalCount").GetInt32().ShouldBe(1);
            var row = list.GetProperty("items")[0];
            (row.GetProperty("code").GetString(), row.GetProperty("currency").GetString(), row.GetProperty("creditLimit").GetDecimal())
                .ShouldBe(("C001", "CNY", 500000m));
        }
    }

    [Fact]
    public async Task The_price_and_the_rate_on_a_day_are_answered_and_a_missing_rate_is_a_clear_problem()
    {
        var (browser, company) = await SignedInAsync();
        using (browser)
        {
            await Given.Product(company, "WIDGET", 120m);
            var customer = await Given.As<ICustomerAppService, Guid>(company, c => c.CreateAsync(new CustomerInput { Code = "C1", Name = "散客" }));
            await Given.As<ICurrencyAppService, Guid>(company, c => c.SetRateAsync(new ExchangeRateInput { Currency = "USD", EffectiveDate = new DateOnly(2026, 11, 1), Rate = 7.1083m }));

            var (_, _, price) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/prices?customerId={customer}&productCode=WIDGET&quantity=3&date=2026-11-15");
            var (_, _, rate) = await SendAsync(browser, HttpMethod.Get, "/api/v1/currencies/USD/rates/2026-11-15");
            var (missing, _, problem) = await SendAsync(browser, HttpMethod.Get, "/api/v1/currencies/USD/rates/2026-10-31");

            (price.GetProperty("unitPrice").GetDecimal(), price.GetProperty("currency").GetString(), price.GetProperty("source").GetInt32())
                .ShouldBe((120m, "CNY", (int)PriceSource.ProductSalePrice));
            (rate.GetProperty("rate").GetDecimal(), rate.GetProperty("effectiveDate").GetString()).ShouldBe((7.1083m, "2026-11-01"));
            missing.ShouldBe(HttpStatusCode.BadRequest);
            problem.GetProperty("detail").GetString().ShouldBe(T("Error:Partners:ExchangeRateMissing", "en", "USD", "CNY", "2026-10-31"));
        }
    }

    [Fact]
    public async Task Another_companys_customer_is_not_found_through_the_api()
    {
        var acme = await Given.Company("acme");
        var theirs = await Given.As<ICustomerAppService, Guid>(acme, c => c.CreateAsync(new CustomerInput { Code = "C1", Name = "Acme 的客户" }));
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var (read, _, _) = await SendAsync(browser, HttpMethod.Get, $"/api/v1/customers/{theirs}");
            var (write, _, _) = await SendAsync(browser, HttpMethod.Put, $"/api/v1/customers/{theirs}", new { code = "C1", name = "抢走" });

            (read, write).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
            (await Given.As<ICustomerAppService, CustomerDetailDto>(acme, c => c.GetAsync(theirs))).Customer.Name.ShouldBe("Acme 的客户");
        }
    }
}
