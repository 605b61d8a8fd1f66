using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class ProductAppServiceTests(ProductCatalogFixture fixture) : IClassFixture<ProductCatalogFixture>
{
    private static ProductInput Product(string code, string name = "贴片电阻 10kΩ", string baseUnit = "PCS") => ProductCatalogTestData.Product(code, name, baseUnit);

    private Task<Guid> CreateAsync(CatalogCompany company, ProductInput input) => fixture.Products(company, p => p.CreateAsync(input));

    private Task<ProductDto> GetAsync(CatalogCompany company, Guid id) => fixture.Products(company, p => p.GetAsync(id));

    private Task<PagedResult<ProductListItemDto>> ListAsync(CatalogCompany company, ProductListQuery query) => fixture.Products(company, p => p.GetListAsync(query));

    private Task<int> ProductCountAsync(CatalogCompany company) =>
        fixture.As(company, sp => sp.GetRequiredService<ErpDbContext>().Products.CountAsync());

    [Fact]
    public async Task A_product_is_created_with_boxes_barcodes_batches_and_stock_levels_and_reads_back_the_same()
    {
        var acme = await fixture.CompanyAsync();
        var resistors = await fixture.CategoryAsync(acme, "RES", "电阻");
        var warehouse = await fixture.As(acme, sp => sp.GetRequiredService<IWarehouseAppService>().CreateAsync(new WarehouseInput { Code = "WH01", Name = "主仓库" }));
        var vat9 = (await fixture.As(acme, sp => sp.GetRequiredService<ITaxRateAppService>().GetListAsync())).Single(t => t.Code == "VAT9").Id;
        var input = Product(" sku-10086 ", "锂电池 18650");
        input.Specification = "3.7V 3000mAh";
        input.CategoryId = resistors;
        input.UnitConversions = [new UnitConversionInput { UnitCode = "box", Factor = 50m }, new UnitConversionInput { UnitCode = "PACK", Factor = 10m }];
        input.Barcodes = ["6921234501115", "B-18650"];
        input.DefaultWarehouseId = warehouse;
        (input.SafetyStock, input.ReorderPoint, input.ReorderQuantity, input.MaximumStock) = (100m, 200m, 500m, 1000m);
        (input.LeadTimeDays, input.IsBatchTracked, input.ShelfLifeDays) = (14, true, 730);
        (input.ValuationMethod, input.StandardCost, input.SalePrice, input.TaxRateId) = (ValuationMethod.Fifo, 9.2m, 13.5m, vat9);

        var id = await CreateAsync(acme, input);

        var product = await GetAsync(acme, id);
        (product.Code, product.Name, product.Specification, product.CategoryName, product.BaseUnit).ShouldBe(("SKU-10086", "锂电池 18650", "3.7V 3000mAh", "电阻", "PCS"));
        product.UnitConversions.ShouldBe([new UnitConversionDto("PACK", 10m), new UnitConversionDto("BOX", 50m)]);
        product.Barcodes.ShouldBe(["6921234501115", "B-18650"]);
        (product.DefaultWarehouseCode, product.SafetyStock, product.ReorderPoint, product.ReorderQuantity, product.MaximumStock).ShouldBe(("WH01", 100m, 200m, 500m, (decimal?)1000m));
        (product.LeadTimeDays, product.IsBatchTracked, product.ShelfLifeDays, product.ValuationMethod).ShouldBe((14, true, (int?)730, ValuationMethod.Fifo));
        (product.StandardCost, product.SalePrice, product.TaxRateCode, product.TaxRate, product.IsActive, product.IsUsed).ShouldBe((9.2m, 13.5m, "VAT9", (decimal?)0.09m, true, false));
    }

    [Fact]
    public async Task A_product_left_without_a_tax_rate_gets_the_companys_default_and_empty_numbers_count_as_zero()
    {
        var acme = await fixture.CompanyAsync();

        var product = await GetAsync(acme, await CreateAsync(acme, Product("SKU-1")));

        (product.TaxRateCode, product.SafetyStock, product.LeadTimeDays, product.MaximumStock, product.Type).ShouldBe(("VAT13", 0m, 0, (decimal?)null, ProductType.Goods));
    }

    [Fact]
    public async Task A_code_already_used_in_the_company_is_refused_next_to_the_code_and_nothing_is_saved()
    {
        var acme = await fixture.CompanyAsync();
        await CreateAsync(acme, Product("SKU-10086"));

        var refused = await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, Product("sku-10086", "另一个")));

        (refused.Field, refused.Code, refused.Args[0]).ShouldBe(("Code", CatalogErrorCodes.ProductCodeTaken, (object?)"SKU-10086"));
        (await ProductCountAsync(acme)).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_unit_is_refused_next_to_its_own_conversion_row()
    {
        var acme = await fixture.CompanyAsync();
        var input = Product("SKU-1");
        input.UnitConversions = [new UnitConversionInput { UnitCode = "BOX", Factor = 12m }, new UnitConversionInput { UnitCode = "CRATE", Factor = 48m }];

        var refused = await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, input));

        (refused.Field, refused.Code, refused.Args[0]).ShouldBe(("UnitConversions[1].UnitCode", CatalogErrorCodes.ProductUnitUnknown, (object?)"CRATE"));
        (await ProductCountAsync(acme)).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_base_unit_and_a_zero_factor_are_refused_at_their_fields()
    {
        var acme = await fixture.CompanyAsync();
        var zeroFactor = Product("SKU-2");
        zeroFactor.UnitConversions = [new UnitConversionInput { UnitCode = "BOX" }];

        var unknownBase = await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, Product("SKU-1", baseUnit: "桶")));
        var noFactor = await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, zeroFactor));

        (unknownBase.Field, unknownBase.Code).ShouldBe(("BaseUnit", CatalogErrorCodes.ProductUnitUnknown));
        (noFactor.Field, noFactor.Code).ShouldBe(("UnitConversions[0].Factor", CatalogErrorCodes.ProductConversionInvalid));
    }

    [Fact]
    public async Task A_barcode_of_another_product_is_refused_next_to_its_row_naming_the_owner()
    {
        var acme = await fixture.CompanyAsync();
        var first = Product("SKU-1");
        first.Barcodes = ["6921234501016"];
        await CreateAsync(acme, first);
        var second = Product("SKU-2");
        second.Barcodes = ["6921234501023", "6921234501016"];

        var refused = await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, second));

        (refused.Field, refused.Code).ShouldBe(("Barcodes[1]", CatalogErrorCodes.ProductBarcodeTaken));
        refused.Args.ShouldBe(["6921234501016", "SKU-1"]);
    }

    [Fact]
    public async Task Searching_finds_part_of_a_code_name_or_specification_in_any_case_and_a_whole_scanned_barcode()
    {
        var acme = await fixture.CompanyAsync();
        var resistor = Product("SKU-10086", "贴片电阻 10kΩ");
        resistor.Specification = "0603 ±1%";
        resistor.Barcodes = ["6921234501016"];
        await CreateAsync(acme, resistor);
        var capacitor = Product("CAP-100N", "Ceramic Capacitor");
        capacitor.Specification = "X7R 50V";
        capacitor.Barcodes = ["6921234501030"];
        await CreateAsync(acme, capacitor);

        async Task<IEnumerable<string>> Search(string text) => (await ListAsync(acme, new ProductListQuery { Search = text })).Items.Select(i => i.Code);

        (await Search("sku-100")).ShouldBe(["SKU-10086"]);
        (await Search("电阻")).ShouldBe(["SKU-10086"]);
        (await Search("CERAMIC")).ShouldBe(["CAP-100N"]);
        (await Search("x7r")).ShouldBe(["CAP-100N"]);
        (await Search(" 6921234501030 ")).ShouldBe(["CAP-100N"]);
        (await Search("692123450")).ShouldBeEmpty();
        (await Search("50%")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filtering_by_a_category_includes_the_products_of_its_subcategories()
    {
        var acme = await fixture.CompanyAsync();
        var electronics = await fixture.CategoryAsync(acme, "ELEC", "电子元器件");
        var resistors = await fixture.CategoryAsync(acme, "RES", "电阻", electronics);
        var smd = await fixture.CategoryAsync(acme, "RES-SMD", "贴片电阻", resistors);
        var packaging = await fixture.CategoryAsync(acme, "PACK", "包装材料");
        foreach (var (code, category) in new[] { ("E-1", electronics), ("R-1", resistors), ("S-1", smd), ("P-1", packaging) })
        {
            var input = Product(code);
            input.CategoryId = category;
            await CreateAsync(acme, input);
        }

        (await ListAsync(acme, new ProductListQuery { CategoryId = electronics })).Items.Select(i => i.Code).ShouldBe(["E-1", "R-1", "S-1"]);
        (await ListAsync(acme, new ProductListQuery { CategoryId = resistors })).Items.Select(i => (i.Code, i.CategoryName)).ShouldBe([("R-1", "电阻"), ("S-1", "贴片电阻")]);
        (await ListAsync(acme, new ProductListQuery { CategoryId = packaging })).Items.Select(i => i.Code).ShouldBe(["P-1"]);
    }

    [Fact]
    public async Task The_list_pages_sorts_and_filters_by_type_and_status_with_the_total_of_the_filter()
    {
        var acme = await fixture.CompanyAsync();
        for (var i = 1; i <= 5; i++) await CreateAsync(acme, Product($"G-{i}", $"商品 {6 - i}"));
        var service = Product("SVC-1", "安装服务", baseUnit: "SET");
        service.Type = ProductType.Service;
        var serviceId = await CreateAsync(acme, service);
        await fixture.Products(acme, p => p.DeactivateAsync(serviceId));

        var secondPage = await ListAsync(acme, new ProductListQuery { PageSize = 2, Page = 2, Sort = "name" });
        var byNameDescending = await ListAsync(acme, new ProductListQuery { Sort = "name", Desc = true });
        var services = await ListAsync(acme, new ProductListQuery { Type = ProductType.Service, Status = ProductStatusFilter.All });
        var inactive = await ListAsync(acme, new ProductListQuery { Status = ProductStatusFilter.Inactive });

        (secondPage.TotalCount, secondPage.PageCount).ShouldBe((5, 3));
        secondPage.Items.Select(i => i.Name).ShouldBe(["商品 3", "商品 4"]);
        byNameDescending.Items.Select(i => i.Code).ShouldBe(["G-1", "G-2", "G-3", "G-4", "G-5"]);
        services.Items.Select(i => (i.Code, i.IsActive)).ShouldBe([("SVC-1", false)]);
        inactive.Items.Select(i => i.Code).ShouldBe(["SVC-1"]);
    }

    [Fact]
    public async Task Editing_changes_every_field_but_the_code_and_replaces_barcodes_and_conversions()
    {
        var acme = await fixture.CompanyAsync();
        var input = Product("SKU-1");
        input.Barcodes = ["A-1", "A-2"];
        input.UnitConversions = [new UnitConversionInput { UnitCode = "BOX", Factor = 12m }];
        var id = await CreateAsync(acme, input);
        var edit = ProductInput.From(await GetAsync(acme, id));
        edit.Code = "SKU-999";
        edit.Name = "改名后的物料";
        edit.Barcodes = ["A-2", "A-3"];
        edit.UnitConversions = [new UnitConversionInput { UnitCode = "BOX", Factor = 24m }, new UnitConversionInput { UnitCode = "PACK", Factor = 6m }];
        edit.SalePrice = 9.99m;

        await fixture.Products(acme, p => p.UpdateAsync(id, edit));

        var product = await GetAsync(acme, id);
        (product.Code, product.Name, product.SalePrice).ShouldBe(("SKU-1", "改名后的物料", 9.99m));
        product.Barcodes.ShouldBe(["A-2", "A-3"]);
        product.UnitConversions.ShouldBe([new UnitConversionDto("PACK", 6m), new UnitConversionDto("BOX", 24m)]);
    }

    [Fact]
    public async Task An_edit_started_before_someone_elses_save_is_refused_and_keeps_their_change()
    {
        var acme = await fixture.CompanyAsync();
        var id = await CreateAsync(acme, Product("SKU-1", "原名"));
        var mine = ProductInput.From(await GetAsync(acme, id));
        var theirs = ProductInput.From(await GetAsync(acme, id));
        theirs.Name = "同事改的名";
        await fixture.Products(acme, p => p.UpdateAsync(id, theirs));
        mine.Name = "我改的名";

        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.Products(acme, p => p.UpdateAsync(id, mine)));

        refused.Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        (await GetAsync(acme, id)).Name.ShouldBe("同事改的名");
    }

    [Fact]
    public async Task A_product_keeps_a_category_and_unit_deactivated_since_but_cannot_newly_choose_them()
    {
        var acme = await fixture.CompanyAsync();
        var old = await fixture.CategoryAsync(acme, "OLD", "旧分类");
        var input = Product("SKU-1", baseUnit: "KG");
        input.CategoryId = old;
        var id = await CreateAsync(acme, input);
        var kilogram = (await fixture.As(acme, sp => sp.GetRequiredService<IUnitOfMeasureAppService>().GetListAsync())).Single(u => u.Code == "KG").Id;
        await fixture.As(acme, async sp =>
        {
            await sp.GetRequiredService<IProductCategoryAppService>().DeactivateAsync(old);
            await sp.GetRequiredService<IUnitOfMeasureAppService>().DeactivateAsync(kilogram);
            return true;
        });
        var edit = ProductInput.From(await GetAsync(acme, id));
        edit.Name = "仍可编辑";
        var other = Product("SKU-2", baseUnit: "KG");

        await fixture.Products(acme, p => p.UpdateAsync(id, edit));
        var refused = await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, other));
        var options = await fixture.Products(acme, p => p.GetFormOptionsAsync(id));
        var newOptions = await fixture.Products(acme, p => p.GetFormOptionsAsync());

        (await GetAsync(acme, id)).Name.ShouldBe("仍可编辑");
        (refused.Field, refused.Code).ShouldBe(("BaseUnit", CatalogErrorCodes.ProductUnitUnknown));
        options.Categories.Select(c => c.Code).ShouldContain("OLD");
        options.Units.Select(u => u.Code).ShouldContain("KG");
        newOptions.Categories.Select(c => c.Code).ShouldNotContain("OLD");
        newOptions.Units.Select(u => u.Code).ShouldNotContain("KG");
    }

    [Fact]
    public async Task A_deactivated_product_leaves_the_default_list_and_comes_back_when_activated()
    {
        var acme = await fixture.CompanyAsync();
        var id = await CreateAsync(acme, Product("SKU-1"));

        await fixture.Products(acme, p => p.DeactivateAsync(id));
        var whileInactive = await ListAsync(acme, new ProductListQuery());
        await fixture.Products(acme, p => p.ActivateAsync(id));

        whileInactive.TotalCount.ShouldBe(0);
        (await ListAsync(acme, new ProductListQuery())).Items.Single().IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_never_used_product_may_be_deleted_but_a_used_one_only_deactivated()
    {
        var acme = await fixture.CompanyAsync();
        var mistake = Product("SKU-TYPO");
        mistake.Barcodes = ["6921234501016"];
        var typo = await CreateAsync(acme, mistake);
        var sold = await CreateAsync(acme, Product("SKU-SOLD"));
        fixture.Usage.MarkUsed(sold);

        await fixture.Products(acme, p => p.DeleteAsync(typo));
        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.Products(acme, p => p.DeleteAsync(sold)));
        var reused = Product("SKU-NEW");
        reused.Barcodes = ["6921234501016"];
        await CreateAsync(acme, reused);

        (refused.Code, refused.Args[0]).ShouldBe((ProductErrorCodes.ProductInUseCannotBeDeleted, (object?)"SKU-SOLD"));
        (await GetAsync(acme, sold)).IsUsed.ShouldBeTrue();
        await Should.ThrowAsync<EntityNotFoundException>(() => GetAsync(acme, typo));
    }

    [Fact]
    public async Task A_used_product_keeps_its_base_unit_and_valuation_method()
    {
        var acme = await fixture.CompanyAsync();
        var id = await CreateAsync(acme, Product("SKU-1"));
        fixture.Usage.MarkUsed(id);
        var edit = ProductInput.From(await GetAsync(acme, id));
        edit.BaseUnit = "BOX";

        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.Products(acme, p => p.UpdateAsync(id, edit)));

        refused.Code.ShouldBe(CatalogErrorCodes.ProductInUseKeepsUnitAndValuation);
        (await GetAsync(acme, id)).BaseUnit.ShouldBe("PCS");
    }

    [Fact]
    public async Task Batch_tracking_needs_a_plan_with_batches()
    {
        var small = await fixture.CompanyAsync(PlanCodes.Starter);
        var milk = Product("MILK");
        (milk.IsBatchTracked, milk.ShelfLifeDays) = (true, 21);

        var refused = await Should.ThrowAsync<AuthorizationException>(() => CreateAsync(small, milk));
        var options = await fixture.Products(small, p => p.GetFormOptionsAsync());

        refused.MissingFeature.ShouldBe(ErpFeatures.MultiWarehouse);
        options.BatchTrackingAvailable.ShouldBeFalse();
        (await ProductCountAsync(small)).ShouldBe(0);
    }

    [Fact]
    public async Task The_export_holds_every_product_of_the_filter_with_all_its_fields()
    {
        var acme = await fixture.CompanyAsync();
        for (var i = 1; i <= 30; i++)
        {
            var input = Product($"SKU-{i:000}", i % 2 == 0 ? "电阻" : "电容");
            input.Barcodes = [$"BC-{i}"];
            input.UnitConversions = [new UnitConversionInput { UnitCode = "BOX", Factor = i }];
            await CreateAsync(acme, input);
        }

        var export = await fixture.Products(acme, p => p.ExportAsync(new ProductListQuery { Search = "电阻", PageSize = 5 }));

        export.Count.ShouldBe(15);
        export[0].ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe("SKU-002"),
            p => p.Barcodes.ShouldBe(["BC-2"]),
            p => p.UnitConversions.ShouldBe([new UnitConversionDto("BOX", 2m)]),
            p => p.TaxRateCode.ShouldBe("VAT13"));
    }

    [Fact]
    public async Task Another_company_can_neither_read_nor_change_a_product_by_its_id()
    {
        var acme = await fixture.CompanyAsync();
        var globex = await fixture.CompanyAsync();
        var id = await CreateAsync(acme, Product("SKU-SECRET", "机密物料"));
        var edit = ProductInput.From(await GetAsync(acme, id));
        edit.Name = "被改了";

        await Should.ThrowAsync<EntityNotFoundException>(() => GetAsync(globex, id));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.Products(globex, p => p.GetFormOptionsAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.Products(globex, p => p.UpdateAsync(id, edit)));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.Products(globex, p => p.DeactivateAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.Products(globex, p => p.DeleteAsync(id)));
        (await ListAsync(globex, new ProductListQuery { Search = "SKU-SECRET", Status = ProductStatusFilter.All })).TotalCount.ShouldBe(0);

        var product = await GetAsync(acme, id);
        (product.Name, product.IsActive).ShouldBe(("机密物料", true));
    }

    [Fact]
    public async Task A_product_cannot_point_at_another_companys_category_or_warehouse()
    {
        var acme = await fixture.CompanyAsync();
        var globex = await fixture.CompanyAsync();
        var theirCategory = await fixture.CategoryAsync(globex, "THEIRS", "别人的分类");
        var theirWarehouse = await fixture.As(globex, sp => sp.GetRequiredService<IWarehouseAppService>().CreateAsync(new WarehouseInput { Code = "WH9", Name = "别人的仓库" }));
        var withCategory = Product("SKU-1");
        withCategory.CategoryId = theirCategory;
        var withWarehouse = Product("SKU-2");
        withWarehouse.DefaultWarehouseId = theirWarehouse;

        (await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, withCategory))).Field.ShouldBe("CategoryId");
        (await Should.ThrowAsync<BusinessException>(() => CreateAsync(acme, withWarehouse))).Field.ShouldBe("DefaultWarehouseId");
    }

    [Fact]
    public async Task A_user_without_the_catalog_permission_can_neither_list_nor_create_products()
    {
        var acme = await fixture.CompanyAsync();
        var outsider = await fixture.Given.User(acme.Tenant, "outsider", StaticRoles.Viewer);
        await fixture.InScopeAsync(acme.Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(outsider.ToString()))!, StaticRoles.Viewer)).Succeeded.ShouldBeTrue();
        });
        var asOutsider = new CatalogCompany(acme.Tenant, outsider);

        await Should.ThrowAsync<AuthorizationException>(() => ListAsync(asOutsider, new ProductListQuery()));
        await Should.ThrowAsync<AuthorizationException>(() => CreateAsync(asOutsider, Product("SKU-1")));
        (await ProductCountAsync(acme)).ShouldBe(0);
    }
}
