using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class CustomerTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private readonly PartnersGiven _given = new(fixture);

    private Task<T> As<T>((Guid Tenant, Guid Admin) company, Func<ICustomerAppService, Task<T>> work) => _given.As(company, work);

    private Task As((Guid Tenant, Guid Admin) company, Func<ICustomerAppService, Task> work) => _given.As(company, work);

    private static CustomerInput Input(string code, string name = "客户") => new() { Code = code, Name = name };

    [Fact]
    public async Task A_new_customer_takes_the_base_currency_grade_b_and_cash_terms_by_default()
    {
        var acme = await _given.Company("cust");

        var id = await As(acme, c => c.CreateAsync(Input(" c-001 ", "  华东电子科技有限公司 ")));

        var customer = (await As(acme, c => c.GetAsync(id))).Customer;
        customer.ShouldBe(new CustomerDto(id, "C-001", "华东电子科技有限公司", CustomerGrade.B, null, 0m, 0, "CNY", null, null, true, null, null));
    }

    [Fact]
    public async Task A_customer_code_is_unique_in_a_company_but_another_company_may_use_it()
    {
        var acme = await _given.Company("a");
        var globex = await _given.Company("g");
        await As(acme, c => c.CreateAsync(Input("C001")));

        var taken = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.CreateAsync(Input(" c001 "))));
        var invalid = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.CreateAsync(Input("客户 1"))));
        var other = await As(globex, c => c.CreateAsync(Input("C001", "Globex 的客户")));

        (taken.Field, taken.Code).ShouldBe(("Code", PartnerErrorCodes.CustomerCodeTaken));
        (invalid.Field, invalid.Code).ShouldBe(("Code", PartnerErrorCodes.CodeInvalid));
        (await As(globex, c => c.GetAsync(other))).Customer.Name.ShouldBe("Globex 的客户");
    }

    [Theory]
    [InlineData(nameof(CustomerInput.CreditLimit), PartnerErrorCodes.CreditLimitInvalid)]
    [InlineData(nameof(CustomerInput.PaymentTermsDays), PartnerErrorCodes.PaymentTermsInvalid)]
    [InlineData(nameof(CustomerInput.Currency), PartnerErrorCodes.CurrencyUnknown)]
    [InlineData(nameof(CustomerInput.TaxId), PartnerErrorCodes.TaxIdInvalid)]
    [InlineData(nameof(CustomerInput.Name), PartnerErrorCodes.NameRequired)]
    [InlineData(nameof(CustomerInput.Grade), ErrorCodes.ValueNotAllowed)]
    public async Task Bad_input_is_refused_next_to_its_field(string field, string code)
    {
        var acme = await _given.Company("bad");
        var input = Input("C1");
        switch (field)
        {
            case nameof(CustomerInput.CreditLimit): input.CreditLimit = -0.01m; break;
            case nameof(CustomerInput.PaymentTermsDays): input.PaymentTermsDays = 366; break;
            case nameof(CustomerInput.Currency): input.Currency = "GBP"; break;
            case nameof(CustomerInput.TaxId): input.TaxId = "9131/0000"; break;
            case nameof(CustomerInput.Name): input.Name = " "; break;
            case nameof(CustomerInput.Grade): input.Grade = (CustomerGrade)9; break;
        }

        var refused = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.CreateAsync(input)));

        (refused.Field, refused.Code).ShouldBe((field, code));
        (await As(acme, c => c.GetListAsync(new CustomerListQuery { IncludeInactive = true }))).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_tax_id_is_kept_upper_case_without_spaces_and_a_wrong_check_character_only_warns()
    {
        var acme = await _given.Company("tax");

        var valid = await As(acme, c => c.CreateAsync(new CustomerInput { Code = "C1", Name = "A", TaxId = "91350100m000100y43" }));
        var wrongCheck = await As(acme, c => c.CreateAsync(new CustomerInput { Code = "C2", Name = "B", TaxId = "9135 0100 M000 100Y 44" }));
        var foreign = await As(acme, c => c.CreateAsync(new CustomerInput { Code = "C3", Name = "C", TaxId = "DE-123456789" }));

        var details = new[] { await As(acme, c => c.GetAsync(valid)), await As(acme, c => c.GetAsync(wrongCheck)), await As(acme, c => c.GetAsync(foreign)) };
        details.Select(d => (d.Customer.TaxId, d.TaxIdIsUnifiedCode)).ShouldBe([
            ("91350100M000100Y43", true), ("91350100M000100Y44", false), ("DE-123456789", false)]);
    }

    [Fact]
    public async Task The_first_contact_is_primary_until_another_is_made_primary_and_removing_it_promotes_the_oldest()
    {
        var acme = await _given.Company("ct");
        var id = await As(acme, c => c.CreateAsync(Input("C1")));

        var liu = await As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "刘建国", Phone = "138 0013 8001", Role = "采购经理" }));
        var qian = await As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "钱芳", Email = "qian@example.com" }));
        var zhou = await As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "周婷", Phone = "+86 21 6888-1234 ext 8012", IsPrimary = true }));
        var afterAdding = (await As(acme, c => c.GetAsync(id))).Contacts.Select(k => (k.Name, k.IsPrimary)).ToList();
        await As(acme, c => c.RemoveContactAsync(id, zhou));
        var afterRemoving = await As(acme, c => c.GetAsync(id));
        await As(acme, c => c.UpdateContactAsync(id, qian, new ContactInput { Name = "钱芳", Email = "qian.f@example.com", Role = "财务", IsPrimary = true }));
        var afterUpdating = await As(acme, c => c.GetAsync(id));

        afterAdding.ShouldBe([("刘建国", false), ("钱芳", false), ("周婷", true)]);
        afterRemoving.Contacts.Select(k => (k.Id, k.IsPrimary)).ShouldBe([(liu, true), (qian, false)]);
        afterRemoving.Customer.PrimaryContactName.ShouldBe("刘建国");
        afterUpdating.Contacts.Select(k => (k.Name, k.Email, k.Role, k.IsPrimary)).ShouldBe([
            ("刘建国", null, "采购经理", false), ("钱芳", "qian.f@example.com", "财务", true)]);
    }

    [Fact]
    public async Task A_contact_with_a_bad_e_mail_or_phone_is_refused_next_to_that_field()
    {
        var acme = await _given.Company("ctbad");
        var id = await As(acme, c => c.CreateAsync(Input("C1")));

        var email = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "A", Email = "a@" })));
        var phone = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "A", Phone = "call me" })));
        var name = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "" })));

        (email.Field, email.Code).ShouldBe(("Email", PartnerErrorCodes.ContactEmailInvalid));
        (phone.Field, phone.Code).ShouldBe(("Phone", PartnerErrorCodes.ContactPhoneInvalid));
        (name.Field, name.Code).ShouldBe(("Name", PartnerErrorCodes.ContactNameRequired));
        (await As(acme, c => c.GetAsync(id))).Contacts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_kind_of_address_has_one_default()
    {
        var acme = await _given.Company("addr");
        var id = await As(acme, c => c.CreateAsync(Input("C1")));

        var billing = await As(acme, c => c.AddAddressAsync(id, new AddressInput { Kind = PartnerAddressKind.Billing, Text = "上海市浦东新区世纪大道 88 号" }));
        var dock3 = await As(acme, c => c.AddAddressAsync(id, new AddressInput { Kind = PartnerAddressKind.Shipping, Text = "金桥路 1200 号 3 号库" }));
        var dock5 = await As(acme, c => c.AddAddressAsync(id, new AddressInput { Kind = PartnerAddressKind.Shipping, Text = "金桥路 1200 号 5 号库", IsDefault = true }));
        var withTwoShipping = (await As(acme, c => c.GetAsync(id))).Addresses.Select(a => (a.Id, a.IsDefault)).ToList();
        await As(acme, c => c.UpdateAddressAsync(id, dock5, new AddressInput { Kind = PartnerAddressKind.Billing, Text = "金桥路 1200 号", IsDefault = true }));
        var afterMove = await As(acme, c => c.GetAsync(id));

        withTwoShipping.ShouldBe([(billing, true), (dock3, false), (dock5, true)]);
        afterMove.Addresses.Select(a => (a.Kind, a.Id, a.IsDefault)).ShouldBe([
            (PartnerAddressKind.Billing, billing, false), (PartnerAddressKind.Billing, dock5, true), (PartnerAddressKind.Shipping, dock3, true)]);
        var empty = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.AddAddressAsync(id, new AddressInput { Text = " " })));
        (empty.Field, empty.Code).ShouldBe(("Text", PartnerErrorCodes.AddressRequired));
    }

    [Fact]
    public async Task The_list_finds_customers_by_code_name_tax_id_and_contact_and_filters_by_grade_and_state()
    {
        var acme = await _given.Company("list");
        var east = await As(acme, c => c.CreateAsync(new CustomerInput { Code = "C001", Name = "华东电子", Grade = CustomerGrade.A, TaxId = "91310115MA1FL2K3A0" }));
        var south = await As(acme, c => c.CreateAsync(new CustomerInput { Code = "C002", Name = "深圳鹏程", CreditLimit = 200_000m, PaymentTermsDays = 45 }));
        var old = await As(acme, c => c.CreateAsync(new CustomerInput { Code = "C003", Name = "旧客户", Grade = CustomerGrade.C }));
        await As(acme, c => c.AddContactAsync(south, new ContactInput { Name = "周婷", Phone = "139 2288 6655", Email = "zhou@pengcheng.example" }));
        await As(acme, c => c.DeactivateAsync(old));

        async Task<string[]> Codes(CustomerListQuery query) => [.. (await As(acme, c => c.GetListAsync(query))).Items.Select(i => i.Code)];

        (await Codes(new CustomerListQuery())).ShouldBe(["C001", "C002"]);
        (await Codes(new CustomerListQuery { IncludeInactive = true, Sort = "code", Desc = true })).ShouldBe(["C003", "C002", "C001"]);
        (await Codes(new CustomerListQuery { Search = "2288" })).ShouldBe(["C002"]);
        (await Codes(new CustomerListQuery { Search = "PENGCHENG.example" })).ShouldBe(["C002"]);
        (await Codes(new CustomerListQuery { Search = "ma1fl" })).ShouldBe(["C001"]);
        (await Codes(new CustomerListQuery { Search = "华东" })).ShouldBe(["C001"]);
        (await Codes(new CustomerListQuery { Grade = CustomerGrade.C, IncludeInactive = true })).ShouldBe(["C003"]);
        (await Codes(new CustomerListQuery { Sort = "creditLimit", Desc = true })).ShouldBe(["C002", "C001"]);
        (await Codes(new CustomerListQuery { Search = "%" })).ShouldBeEmpty();
        var row = (await As(acme, c => c.GetListAsync(new CustomerListQuery { Search = "C002" }))).Items.Single();
        (row.PrimaryContactName, row.PrimaryContactPhone, row.CreditLimit, row.PaymentTermsDays).ShouldBe(("周婷", "139 2288 6655", 200_000m, 45));
        await As(acme, c => c.ActivateAsync(old));
        (await Codes(new CustomerListQuery())).ShouldBe(["C001", "C002", "C003"]);
        _ = east;
    }

    [Fact]
    public async Task Editing_keeps_the_code_and_changes_everything_else()
    {
        var acme = await _given.Company("edit");
        var id = await As(acme, c => c.CreateAsync(Input("C1", "旧名")));

        await As(acme, c => c.UpdateAsync(id, new CustomerInput
        {
            Code = "OTHER", Name = "新名", Grade = CustomerGrade.A, TaxId = "91310115MA1FL2K3A0", CreditLimit = 123_456.78m, PaymentTermsDays = 60, Currency = "usd",
        }));

        (await As(acme, c => c.GetAsync(id))).Customer.ShouldBe(
            new CustomerDto(id, "C1", "新名", CustomerGrade.A, "91310115MA1FL2K3A0", 123_456.78m, 60, "USD", null, null, true, null, null));
    }

    [Fact]
    public async Task A_user_of_another_company_can_neither_read_nor_change_a_customer_by_its_id()
    {
        var acme = await _given.Company("a");
        var globex = await _given.Company("g");
        var id = await As(acme, c => c.CreateAsync(Input("C1", "Acme 的客户")));
        var contact = await As(acme, c => c.AddContactAsync(id, new ContactInput { Name = "刘" }));

        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.GetAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.UpdateAsync(id, Input("C1", "抢走"))));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.DeactivateAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.AddContactAsync(id, new ContactInput { Name = "X" })));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.RemoveContactAsync(id, contact)));
        (await As(globex, c => c.GetListAsync(new CustomerListQuery { Search = "Acme" }))).TotalCount.ShouldBe(0);

        var still = await As(acme, c => c.GetAsync(id));
        (still.Customer.Name, still.Customer.IsActive, still.Contacts.Count).ShouldBe(("Acme 的客户", true, 1));
    }

    [Fact]
    public async Task A_contact_of_another_customer_is_not_found_through_this_one()
    {
        var acme = await _given.Company("other");
        var first = await As(acme, c => c.CreateAsync(Input("C1")));
        var second = await As(acme, c => c.CreateAsync(Input("C2")));
        var contact = await As(acme, c => c.AddContactAsync(first, new ContactInput { Name = "刘" }));

        await Should.ThrowAsync<EntityNotFoundException>(() => As(acme, c => c.RemoveContactAsync(second, contact)));

        (await As(acme, c => c.GetAsync(first))).Contacts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_user_without_the_catalog_permission_cannot_list_or_create_customers()
    {
        var acme = await _given.Company("perm");
        var outsider = await fixture.Given.User(acme.Tenant, "outsider", StaticRoles.Viewer);
        await fixture.InScopeAsync(acme.Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(outsider.ToString()))!, StaticRoles.Viewer)).Succeeded.ShouldBeTrue();
        });

        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(acme.Tenant, outsider, sp => sp.GetRequiredService<ICustomerAppService>().GetListAsync(new CustomerListQuery())));
        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(acme.Tenant, outsider, sp => sp.GetRequiredService<ICustomerAppService>().CreateAsync(Input("C1"))));
    }
}
