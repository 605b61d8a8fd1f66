using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class CustomerPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private (Guid Tenant, Guid Admin) _acme;
    private Guid _east;
    private Guid _south;

    private PartnersGiven Given => new(factory.Data);

    public async Task InitializeAsync()
    {
        _acme = await Given.Company("cp");
        await Given.Product(_acme, "WIDGET", 120m);
        var list = await Given.As<IPriceListAppService, Guid>(_acme, p => p.CreateAsync(new PriceListInput { Name = "大客户价" }));
        await Given.As<IPriceListAppService>(_acme, p => p.AddLineAsync(list, new PriceListLineInput { ProductCode = "WIDGET", MinimumQuantity = 100m, UnitPrice = 95.5m }));
        _east = await Given.As<ICustomerAppService, Guid>(_acme, c => c.CreateAsync(new CustomerInput { Code = "C001", Name = "华东电子", Grade = CustomerGrade.A, PriceListId = list }));
        _south = await Given.As<ICustomerAppService, Guid>(_acme, c => c.CreateAsync(new CustomerInput { Code = "C002", Name = "深圳鹏程", CreditLimit = 200_000m }));
        await Given.As<ICustomerAppService>(_acme, c => c.AddContactAsync(_south, new ContactInput { Name = "周婷", Phone = "139 2288 6655" }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Admin => factory.ClientFor(_acme.Tenant, _acme.Admin);

    [Fact]
    public async Task An_admin_sees_the_customers_sorted_by_code_with_export_and_create_beside_the_title()
    {
        var page = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/customers"));

        page.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T("Partners:Customers")]);
        page.QuerySelectorAll("#customers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["C001", "C002"]);
        page.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
        page.QuerySelector(".page-header a[href='/app/catalog/customers/create']")!.TextContent.ShouldBe(T("Partners:CreateCustomer"));
        page.QuerySelectorAll("#customers tbody tr")[1].TextContent.ShouldContain("200,000.00");
    }

    [Fact]
    public async Task Searching_by_a_contacts_phone_finds_the_customer_and_the_export_holds_the_same_rows()
    {
        var page = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/customers?Search=2288"));
        var export = await Admin.GetAsync("/app/catalog/customers?handler=Export&Search=2288");

        page.QuerySelectorAll("#customers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["C002"]);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = await export.Content.ReadAsStringAsync();
        csv.ShouldContain("深圳鹏程");
        csv.ShouldContain("周婷");
        csv.ShouldNotContain("华东电子");
    }

    [Fact]
    public async Task Creating_with_a_negative_credit_limit_shows_the_message_next_to_it_and_keeps_the_input()
    {
        var response = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/customers/create", "/app/catalog/customers/create",
            ("Input.Code", "C100"), ("Input.Name", "新客户"), ("Input.Grade", "B"), ("Input.Currency", "CNY"), ("Input.CreditLimit", "-5"), ("Input.PaymentTermsDays", "30"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AdminPagesFactory.HtmlAsync(response);
        page.QuerySelector("span[data-valmsg-for='Input.CreditLimit']")!.TextContent.ShouldBe(T("Error:Partners:CreditLimitInvalid"));
        page.QuerySelector("#customer-form input[name='Input.Name']")!.GetAttribute("value").ShouldBe("新客户");
    }

    [Fact]
    public async Task A_credit_limit_that_is_no_number_is_refused_next_to_the_field_instead_of_saving_zero()
    {
        var response = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/customers/create", "/app/catalog/customers/create",
            ("Input.Code", "C101"), ("Input.Name", "新客户"), ("Input.Currency", "CNY"), ("Input.CreditLimit", "lots"), ("Input.PaymentTermsDays", "0"));

        var page = await AdminPagesFactory.HtmlAsync(response);
        page.QuerySelector("span[data-valmsg-for='Input.CreditLimit']")!.TextContent.ShouldNotBeEmpty();
        (await Given.As<ICustomerAppService, int>(_acme, async c => (await c.GetListAsync(new CustomerListQuery { Search = "C101" })).TotalCount)).ShouldBe(0);
    }

    [Fact]
    public async Task Creating_a_customer_leads_to_its_page_where_contacts_and_addresses_are_added()
    {
        var admin = Admin;
        var created = await AdminPagesFactory.PostFormAsync(admin, "/app/catalog/customers/create", "/app/catalog/customers/create",
            ("Input.Code", "c200"), ("Input.Name", "杭州米粒"), ("Input.Grade", "C"), ("Input.Currency", "CNY"), ("Input.CreditLimit", "0"),
            ("Input.PaymentTermsDays", "0"), ("Input.TaxId", "91330106MA2B0K7L3X"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.OriginalString;

        var detail = await AdminPagesFactory.HtmlAsync(await admin.GetAsync(url));
        var badEmail = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=AddContact",
            ("Contact.Name", "吴磊"), ("Contact.Email", "wu@")));
        var added = await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=AddContact", ("Contact.Name", "吴磊"), ("Contact.Phone", "137 5712 3456"));
        var address = await AdminPagesFactory.PostFormAsync(Admin, url, url + "?handler=AddAddress", ("Address.Kind", "Shipping"), ("Address.Text", "杭州市西湖区文三路 90 号"));
        var after = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync(url));

        detail.QuerySelector(".alert-success")!.TextContent.ShouldBe(T("Partners:CustomerCreated", "en", "C200"));
        detail.QuerySelector("#tax-id-warning")!.TextContent.ShouldBe(T("Partners:TaxIdNotUnifiedCode"));
        badEmail.QuerySelector("#add-contact .invalid-feedback")!.TextContent.ShouldBe(T("Error:Partners:ContactEmailInvalid"));
        badEmail.QuerySelector("#add-contact input[name='Contact.Name']")!.GetAttribute("value").ShouldBe("吴磊");
        (added.StatusCode, address.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        after.QuerySelectorAll(".contact-row input[name='Contact.Name']").Select(i => i.GetAttribute("value")).ShouldBe(["吴磊"]);
        after.QuerySelector(".contact-row input[name='Contact.IsPrimary']")!.HasAttribute("checked").ShouldBeTrue();
        after.QuerySelectorAll(".address-row input[name='Address.Text']").Select(i => i.GetAttribute("value")).ShouldBe(["杭州市西湖区文三路 90 号"]);
    }

    [Fact]
    public async Task A_refused_change_of_one_contact_shows_its_message_in_that_row_only()
    {
        var url = $"/app/catalog/customers/{_south}";
        var contact = (await Given.As<ICustomerAppService, CustomerDetailDto>(_acme, c => c.GetAsync(_south))).Contacts.Single();

        var page = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(Admin, url, $"{url}?handler=UpdateContact&contactId={contact.Id}",
            ("Contact.Name", "周婷"), ("Contact.Phone", "call me")));

        var row = page.QuerySelector($".contact-row[data-contact='{contact.Id}']")!;
        row.QuerySelector(".invalid-feedback")!.TextContent.ShouldBe(T("Error:Partners:ContactPhoneInvalid", "en", 32));
        row.QuerySelector("input[name='Contact.Phone']")!.GetAttribute("value").ShouldBe("call me");
        page.QuerySelector("#add-contact .invalid-feedback").ShouldBeNull();
    }

    [Fact]
    public async Task The_price_check_on_a_customers_page_names_the_price_list_and_the_break()
    {
        var page = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync($"/app/catalog/customers/{_east}?handler=Quote&Quote.ProductCode=widget&Quote.Quantity=150&Quote.Date=2026-06-01"));
        var below = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync($"/app/catalog/customers/{_east}?handler=Quote&Quote.ProductCode=WIDGET&Quote.Quantity=10"));
        var unknown = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync($"/app/catalog/customers/{_east}?handler=Quote&Quote.ProductCode=NOPE&Quote.Quantity=10"));

        page.QuerySelector("#quote-result")!.TextContent.Trim().ShouldBe(T("Partners:QuoteFromList", "en", "95.50", "CNY", "大客户价", "100"));
        below.QuerySelector("#quote-result")!.TextContent.Trim().ShouldBe(T("Partners:QuoteFromSalePrice", "en", "120.00", "CNY"));
        unknown.QuerySelector("span[data-valmsg-for='Quote.ProductCode']")!.TextContent.ShouldBe(T("Error:Partners:ProductUnknown", "en", "NOPE"));
    }

    [Fact]
    public async Task A_user_of_another_company_gets_not_found_for_a_customers_page_and_its_forms()
    {
        var globex = await Given.Company("gp");
        var other = factory.ClientFor(globex.Tenant, globex.Admin);
        var contact = (await Given.As<ICustomerAppService, CustomerDetailDto>(_acme, c => c.GetAsync(_south))).Contacts.Single();

        (await other.GetAsync($"/app/catalog/customers/{_south}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var update = await AdminPagesFactory.PostFormAsync(other, "/app/catalog/customers/create", $"/app/catalog/customers/{_south}",
            ("Input.Code", "C002"), ("Input.Name", "抢走"), ("Input.Currency", "CNY"), ("Input.CreditLimit", "0"), ("Input.PaymentTermsDays", "0"));
        var remove = await AdminPagesFactory.PostFormAsync(other, "/app/catalog/customers/create",
            $"/app/catalog/customers/{_south}?handler=RemoveContact&contactId={contact.Id}");
        var list = await AdminPagesFactory.HtmlAsync(await other.GetAsync("/app/catalog/customers?IncludeInactive=true"));

        (update.StatusCode, remove.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        list.QuerySelectorAll("#customers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe([T("List:Empty")]);
        var still = await Given.As<ICustomerAppService, CustomerDetailDto>(_acme, c => c.GetAsync(_south));
        (still.Customer.Name, still.Contacts.Count).ShouldBe(("深圳鹏程", 1));
    }

    [Fact]
    public async Task A_user_without_the_catalog_permission_is_forbidden_the_customers_and_does_not_see_the_menu_items()
    {
        var outsider = await factory.Data.Given.User(_acme.Tenant, "outsider-" + Guid.NewGuid().ToString("N")[..4]);
        await factory.Data.InScopeAsync(_acme.Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(outsider.ToString()))!, StaticRoles.Viewer)).Succeeded.ShouldBeTrue();
        });
        var client = factory.ClientFor(_acme.Tenant, outsider);

        (await client.GetAsync("/app/catalog/customers")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/app/catalog/customers/{_east}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var home = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/"));
        home.QuerySelector("a[href='/app/catalog/customers']").ShouldBeNull();
        var adminHome = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/"));
        foreach (var url in new[] { "/app/catalog/customers", "/app/catalog/suppliers", "/app/catalog/price-lists", "/app/catalog/currencies", "/app/catalog/exchange-rates" })
        {
            adminHome.QuerySelector($"a[href='{url}']").ShouldNotBeNull(url);
        }
    }
}
