using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class SupplierTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private readonly PartnersGiven _given = new(fixture);

    private Task<T> As<T>((Guid Tenant, Guid Admin) company, Func<ISupplierAppService, Task<T>> work) => _given.As(company, work);

    private Task As((Guid Tenant, Guid Admin) company, Func<ISupplierAppService, Task> work) => _given.As(company, work);

    private static SupplierInput Input(string code, string name = "供应商", int leadTime = 7) =>
        new() { Code = code, Name = name, PaymentTermsDays = 30, DefaultLeadTimeDays = leadTime };

    [Fact]
    public async Task A_supplier_has_a_unique_code_terms_a_default_lead_time_and_contacts()
    {
        var acme = await _given.Company("sup");

        var id = await As(acme, s => s.CreateAsync(new SupplierInput
        {
            Code = "s001", Name = "苏州精密元件有限公司", TaxId = "91320594MA1MT6PB27", PaymentTermsDays = 60, DefaultLeadTimeDays = 14, Currency = "CNY",
        }));
        await As(acme, s => s.AddContactAsync(id, new ContactInput { Name = "孙强", Phone = "0512-6555 7788", Role = "销售经理" }));
        var taken = await Should.ThrowAsync<BusinessException>(() => As(acme, s => s.CreateAsync(Input("S001"))));
        var leadTime = await Should.ThrowAsync<BusinessException>(() => As(acme, s => s.CreateAsync(Input("S002", leadTime: -1))));

        var supplier = await As(acme, s => s.GetAsync(id));
        supplier.Supplier.ShouldBe(new SupplierDto(id, "S001", "苏州精密元件有限公司", "91320594MA1MT6PB27", 60, 14, "CNY", true, "孙强", "0512-6555 7788"));
        supplier.TaxIdIsUnifiedCode.ShouldBeTrue();
        (taken.Field, taken.Code).ShouldBe(("Code", PartnerErrorCodes.SupplierCodeTaken));
        (leadTime.Field, leadTime.Code).ShouldBe(("DefaultLeadTimeDays", PartnerErrorCodes.LeadTimeInvalid));
    }

    [Fact]
    public async Task A_supplier_lists_products_by_code_with_price_lead_time_and_minimum_order_quantity()
    {
        var acme = await _given.Company("sp");
        var product = await _given.Product(acme, "RES-10K", 0.05m, name: "贴片电阻 10K");
        var supplier = await As(acme, s => s.CreateAsync(Input("S1", "苏州精密", leadTime: 7)));

        var ownLeadTime = await As(acme, s => s.AddProductAsync(supplier, new SupplierProductInput
        {
            ProductCode = " res-10k ", SupplierProductCode = "SZ-1001", Price = 0.012345m, LeadTimeDays = 3, MinimumOrderQuantity = 5000m,
        }));
        var detail = await As(acme, s => s.GetAsync(supplier));

        detail.Products.ShouldBe([new SupplierProductDto(ownLeadTime, supplier, "S1", "苏州精密", product, "RES-10K", "贴片电阻 10K", "PCS",
            "SZ-1001", 0.012345m, "CNY", 3, true, 5000m, false)]);
        await As(acme, s => s.UpdateProductAsync(supplier, ownLeadTime, new SupplierProductInput { ProductCode = "ignored", Price = 0.011m, Currency = "USD" }));
        var updated = (await As(acme, s => s.GetAsync(supplier))).Products.Single();
        (updated.Price, updated.Currency, updated.LeadTimeDays, updated.HasOwnLeadTime, updated.MinimumOrderQuantity, updated.ProductCode)
            .ShouldBe((0.011m, "USD", 7, false, 0m, "RES-10K"));
    }

    [Fact]
    public async Task A_product_is_listed_once_per_supplier_and_only_if_the_company_has_it()
    {
        var acme = await _given.Company("once");
        var globex = await _given.Company("g");
        await _given.Product(acme, "P1", 10m);
        await _given.Product(globex, "ONLY-GLOBEX", 10m);
        var supplier = await As(acme, s => s.CreateAsync(Input("S1")));
        await As(acme, s => s.AddProductAsync(supplier, new SupplierProductInput { ProductCode = "P1", Price = 8m }));

        var twice = await Should.ThrowAsync<BusinessException>(() => As(acme, s => s.AddProductAsync(supplier, new SupplierProductInput { ProductCode = "P1", Price = 7m })));
        var foreign = await Should.ThrowAsync<BusinessException>(() =>
            As(acme, s => s.AddProductAsync(supplier, new SupplierProductInput { ProductCode = "ONLY-GLOBEX", Price = 7m })));

        (twice.Field, twice.Code, twice.Args[0]).ShouldBe(("ProductCode", PartnerErrorCodes.SupplierProductTaken, (object?)"P1"));
        (foreign.Field, foreign.Code).ShouldBe(("ProductCode", PartnerErrorCodes.ProductUnknown));
    }

    [Fact]
    public async Task Bad_terms_of_a_supplied_product_are_refused_next_to_their_fields()
    {
        var acme = await _given.Company("terms");
        await _given.Product(acme, "P1", 10m);
        var supplier = await As(acme, s => s.CreateAsync(Input("S1")));

        async Task<(string?, string)> Refusal(SupplierProductInput input)
        {
            var error = await Should.ThrowAsync<BusinessException>(() => As(acme, s => s.AddProductAsync(supplier, input)));
            return (error.Field, error.Code);
        }

        (await Refusal(new SupplierProductInput { ProductCode = "P1", Price = -1m })).ShouldBe(("Price", PartnerErrorCodes.UnitPriceInvalid));
        (await Refusal(new SupplierProductInput { ProductCode = "P1", Price = 1.0000001m })).ShouldBe(("Price", PartnerErrorCodes.UnitPriceInvalid));
        (await Refusal(new SupplierProductInput { ProductCode = "P1", MinimumOrderQuantity = -5m })).ShouldBe(("MinimumOrderQuantity", PartnerErrorCodes.MinimumQuantityInvalid));
        (await Refusal(new SupplierProductInput { ProductCode = "P1", LeadTimeDays = 400 })).ShouldBe(("LeadTimeDays", PartnerErrorCodes.LeadTimeInvalid));
        (await Refusal(new SupplierProductInput { ProductCode = "P1", Currency = "GBP" })).ShouldBe(("Currency", PartnerErrorCodes.CurrencyUnknown));
        (await Refusal(new SupplierProductInput { ProductCode = "" })).ShouldBe(("ProductCode", PartnerErrorCodes.ProductUnknown));
        (await As(acme, s => s.GetAsync(supplier))).Products.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_product_has_at_most_one_preferred_supplier_and_purchasing_sees_it_first()
    {
        var acme = await _given.Company("pref");
        var product = await _given.Product(acme, "P1", 10m);
        var suzhou = await As(acme, s => s.CreateAsync(Input("S1", "苏州", leadTime: 7)));
        var dongguan = await As(acme, s => s.CreateAsync(Input("S2", "东莞", leadTime: 14)));
        var tokyo = await As(acme, s => s.CreateAsync(new SupplierInput { Code = "S3", Name = "東京", Currency = "JPY", DefaultLeadTimeDays = 21 }));
        var atSuzhou = await As(acme, s => s.AddProductAsync(suzhou, new SupplierProductInput { ProductCode = "P1", Price = 8m, IsPreferred = true }));
        await As(acme, s => s.AddProductAsync(dongguan, new SupplierProductInput { ProductCode = "P1", Price = 7.5m }));
        await As(acme, s => s.AddProductAsync(tokyo, new SupplierProductInput { ProductCode = "P1", Price = 160m, IsPreferred = true }));

        var afterTokyo = await As(acme, s => s.GetSuppliersOfProductAsync(product));
        await As(acme, s => s.UpdateProductAsync(suzhou, atSuzhou, new SupplierProductInput { Price = 8m, IsPreferred = true }));
        var afterSuzhou = await As(acme, s => s.GetSuppliersOfProductAsync(product));

        afterTokyo.Select(l => (l.SupplierCode, l.IsPreferred, l.Currency, l.LeadTimeDays)).ShouldBe([
            ("S3", true, "JPY", 21), ("S2", false, "CNY", 14), ("S1", false, "CNY", 7)]);
        afterSuzhou.Select(l => (l.SupplierCode, l.IsPreferred)).ShouldBe([("S1", true), ("S2", false), ("S3", false)]);
    }

    [Fact]
    public async Task Removing_a_supplied_product_keeps_the_product_and_another_suppliers_listing_is_out_of_reach()
    {
        var acme = await _given.Company("rm");
        var product = await _given.Product(acme, "P1", 10m);
        var first = await As(acme, s => s.CreateAsync(Input("S1")));
        var second = await As(acme, s => s.CreateAsync(Input("S2")));
        var listing = await As(acme, s => s.AddProductAsync(first, new SupplierProductInput { ProductCode = "P1", Price = 8m }));

        await Should.ThrowAsync<EntityNotFoundException>(() => As(acme, s => s.RemoveProductAsync(second, listing)));
        await As(acme, s => s.RemoveProductAsync(first, listing));

        (await As(acme, s => s.GetSuppliersOfProductAsync(product))).ShouldBeEmpty();
        (await As(acme, s => s.GetProductOptionsAsync())).Select(p => p.Code).ShouldBe(["P1"]);
    }

    [Fact]
    public async Task A_user_of_another_company_can_neither_read_nor_change_a_supplier_or_its_products()
    {
        var acme = await _given.Company("a");
        var globex = await _given.Company("g");
        await _given.Product(acme, "P1", 10m);
        await _given.Product(globex, "P1", 10m);
        var supplier = await As(acme, s => s.CreateAsync(Input("S1", "Acme 的供应商")));
        var listing = await As(acme, s => s.AddProductAsync(supplier, new SupplierProductInput { ProductCode = "P1", Price = 8m }));

        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, s => s.GetAsync(supplier)));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, s => s.UpdateAsync(supplier, Input("S1", "抢走"))));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, s => s.AddProductAsync(supplier, new SupplierProductInput { ProductCode = "P1", Price = 1m })));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, s => s.RemoveProductAsync(supplier, listing)));
        (await As(globex, s => s.GetListAsync(new SupplierListQuery { IncludeInactive = true }))).TotalCount.ShouldBe(0);

        (await As(acme, s => s.GetAsync(supplier))).Products.Single().Price.ShouldBe(8m);
    }

    [Fact]
    public async Task Suppliers_are_found_by_contact_and_deactivated_ones_only_on_request()
    {
        var acme = await _given.Company("find");
        var active = await As(acme, s => s.CreateAsync(Input("S1", "苏州")));
        var old = await As(acme, s => s.CreateAsync(new SupplierInput { Code = "S2", Name = "东京", Currency = "JPY" }));
        await As(acme, s => s.AddContactAsync(old, new ContactInput { Name = "Sato", Email = "sato@tokyo-parts.example" }));
        await As(acme, s => s.DeactivateAsync(old));

        (await As(acme, s => s.GetListAsync(new SupplierListQuery()))).Items.Select(i => i.Code).ShouldBe(["S1"]);
        (await As(acme, s => s.GetListAsync(new SupplierListQuery { Search = "tokyo-parts", IncludeInactive = true }))).Items.Select(i => i.Code).ShouldBe(["S2"]);
        (await As(acme, s => s.GetListAsync(new SupplierListQuery { Currency = "jpy", IncludeInactive = true }))).Items.Select(i => i.Code).ShouldBe(["S2"]);
        _ = active;
    }
}
