using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

/// <summary>Categories, units of measure, tax rates and bins: what products are described with.</summary>
public sealed class ProductReferenceDataTests(ProductCatalogFixture fixture) : IClassFixture<ProductCatalogFixture>
{
    private Task<T> Categories<T>(CatalogCompany company, Func<IProductCategoryAppService, Task<T>> work) =>
        fixture.As(company, sp => work(sp.GetRequiredService<IProductCategoryAppService>()));

    private Task<T> Units<T>(CatalogCompany company, Func<IUnitOfMeasureAppService, Task<T>> work) =>
        fixture.As(company, sp => work(sp.GetRequiredService<IUnitOfMeasureAppService>()));

    private Task<T> TaxRates<T>(CatalogCompany company, Func<ITaxRateAppService, Task<T>> work) =>
        fixture.As(company, sp => work(sp.GetRequiredService<ITaxRateAppService>()));

    private Task<T> Bins<T>(CatalogCompany company, Func<IWarehouseLocationAppService, Task<T>> work) =>
        fixture.As(company, sp => work(sp.GetRequiredService<IWarehouseLocationAppService>()));

    private Task<Guid> WarehouseAsync(CatalogCompany company, string code) =>
        fixture.As(company, sp => sp.GetRequiredService<IWarehouseAppService>().CreateAsync(new WarehouseInput { Code = code, Name = code }));

    [Fact]
    public async Task The_category_tree_lists_depth_first_with_each_level_indented_and_the_products_below_each()
    {
        var acme = await fixture.CompanyAsync();
        var packaging = await fixture.CategoryAsync(acme, "PACK", "包装材料");
        var electronics = await fixture.CategoryAsync(acme, "ELEC", "电子元器件");
        var resistors = await fixture.CategoryAsync(acme, "RES", "电阻", electronics);
        await fixture.CategoryAsync(acme, "CAP", "电容", electronics);
        var smd = await fixture.CategoryAsync(acme, "RES-SMD", "贴片电阻", resistors);
        foreach (var (code, category) in new[] { ("SKU-1", resistors), ("SKU-2", smd) })
        {
            var product = ProductCatalogTestData.Product(code);
            product.CategoryId = category;
            await fixture.Products(acme, p => p.CreateAsync(product));
        }

        var tree = await Categories(acme, c => c.GetTreeAsync());

        tree.Select(c => (c.Code, c.Depth, c.ProductCount)).ShouldBe([("ELEC", 0, 2), ("CAP", 1, 0), ("RES", 1, 2), ("RES-SMD", 2, 1), ("PACK", 0, 0)]);
        tree.Single(c => c.Code == "PACK").Id.ShouldBe(packaging);
    }

    [Fact]
    public async Task Moving_a_category_under_its_own_subcategory_is_refused_next_to_the_parent_and_changes_nothing()
    {
        var acme = await fixture.CompanyAsync();
        var electronics = await fixture.CategoryAsync(acme, "ELEC", "电子元器件");
        var resistors = await fixture.CategoryAsync(acme, "RES", "电阻", electronics);
        var category = await Categories(acme, c => c.GetAsync(electronics));

        var refused = await Should.ThrowAsync<BusinessException>(() => Categories(acme, async c =>
        {
            await c.UpdateAsync(electronics, new ProductCategoryInput { Code = "ELEC", Name = "改名", ParentId = resistors, Version = category.Version });
            return true;
        }));

        (refused.Field, refused.Code).ShouldBe(("ParentId", CatalogErrorCodes.CategoryCycle));
        var unchanged = await Categories(acme, c => c.GetAsync(electronics));
        (unchanged.Name, unchanged.ParentId).ShouldBe(("电子元器件", (Guid?)null));
    }

    [Fact]
    public async Task A_category_tree_deeper_than_six_levels_is_refused()
    {
        var acme = await fixture.CompanyAsync();
        Guid? parent = null;
        for (var level = 1; level <= ProductCategoryConsts.MaxDepth; level++) parent = await fixture.CategoryAsync(acme, $"L{level}", $"第{level}级", parent);

        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.CategoryAsync(acme, "L7", "第7级", parent));

        (refused.Field, refused.Code).ShouldBe(("ParentId", CatalogErrorCodes.CategoryTooDeep));
    }

    [Fact]
    public async Task A_category_is_renamed_moved_to_the_top_and_deactivated()
    {
        var acme = await fixture.CompanyAsync();
        var electronics = await fixture.CategoryAsync(acme, "ELEC", "电子元器件");
        var resistors = await fixture.CategoryAsync(acme, "RES", "电阻", electronics);
        var before = await Categories(acme, c => c.GetAsync(resistors));

        await Categories(acme, async c =>
        {
            await c.UpdateAsync(resistors, new ProductCategoryInput { Code = "IGNORED", Name = "电阻器", ParentId = null, Version = before.Version });
            await c.DeactivateAsync(resistors);
            return true;
        });

        var after = await Categories(acme, c => c.GetAsync(resistors));
        (after.Code, after.Name, after.ParentId, after.Depth, after.IsActive).ShouldBe(("RES", "电阻器", (Guid?)null, 0, false));
        (await Categories(acme, c => c.GetTreeAsync(includeInactive: false))).Select(c => c.Code).ShouldBe(["ELEC"]);
    }

    [Fact]
    public async Task Another_companys_category_is_neither_visible_nor_a_parent()
    {
        var acme = await fixture.CompanyAsync();
        var globex = await fixture.CompanyAsync();
        var theirs = await fixture.CategoryAsync(globex, "THEIRS", "别人的");

        await Should.ThrowAsync<EntityNotFoundException>(() => Categories(acme, c => c.GetAsync(theirs)));
        await Should.ThrowAsync<EntityNotFoundException>(() => Categories(acme, async c => { await c.DeactivateAsync(theirs); return true; }));
        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.CategoryAsync(acme, "MINE", "我的", theirs));

        (refused.Field, refused.Code).ShouldBe(("ParentId", CatalogErrorCodes.CategoryParentUnknown));
        (await Categories(globex, c => c.GetAsync(theirs))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_unit_is_created_renamed_with_other_decimal_places_and_a_taken_code_is_refused()
    {
        var acme = await fixture.CompanyAsync();

        var roll = await Units(acme, u => u.CreateAsync(new UnitOfMeasureInput { Code = "卷", Name = "卷", DecimalPlaces = 0 }));
        var taken = await Should.ThrowAsync<BusinessException>(() => Units(acme, u => u.CreateAsync(new UnitOfMeasureInput { Code = "pcs", Name = "件" })));
        var before = await Units(acme, u => u.GetAsync(roll));
        await Units(acme, async u => { await u.UpdateAsync(roll, new UnitOfMeasureInput { Code = "卷", Name = "卷（50米）", DecimalPlaces = 2, Version = before.Version }); return true; });
        var tooFine = await Should.ThrowAsync<BusinessException>(() => Units(acme, async u =>
        {
            await u.UpdateAsync(roll, new UnitOfMeasureInput { Name = "卷", DecimalPlaces = 6, Version = (await u.GetAsync(roll)).Version });
            return true;
        }));

        (taken.Field, taken.Code).ShouldBe(("Code", CatalogErrorCodes.UnitCodeTaken));
        (tooFine.Field, tooFine.Code).ShouldBe(("DecimalPlaces", CatalogErrorCodes.UnitDecimalPlacesInvalid));
        var unit = await Units(acme, u => u.GetAsync(roll));
        (unit.Code, unit.Name, unit.DecimalPlaces).ShouldBe(("卷", "卷（50米）", 2));
    }

    [Fact]
    public async Task A_stale_unit_edit_is_refused()
    {
        var acme = await fixture.CompanyAsync();
        var kilogram = (await Units(acme, u => u.GetListAsync())).Single(u => u.Code == "KG");
        await Units(acme, async u => { await u.UpdateAsync(kilogram.Id, new UnitOfMeasureInput { Name = "公斤", DecimalPlaces = 3, Version = kilogram.Version }); return true; });

        var refused = await Should.ThrowAsync<BusinessException>(() => Units(acme, async u =>
        {
            await u.UpdateAsync(kilogram.Id, new UnitOfMeasureInput { Name = "千克", DecimalPlaces = 2, Version = kilogram.Version });
            return true;
        }));

        refused.Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        (await Units(acme, u => u.GetAsync(kilogram.Id))).Name.ShouldBe("公斤");
    }

    [Fact]
    public async Task A_tax_rate_is_entered_in_percent_and_more_than_two_decimals_of_a_percent_is_refused_at_the_percent()
    {
        var acme = await fixture.CompanyAsync();

        var reduced = await TaxRates(acme, t => t.CreateAsync(new TaxRateInput { Code = "VAT9.5", Name = "测试税率", RatePercent = 9.5m }));
        var refused = await Should.ThrowAsync<BusinessException>(() => TaxRates(acme, t => t.CreateAsync(new TaxRateInput { Code = "BAD", Name = "坏", RatePercent = 13.125m })));
        var tooHigh = await Should.ThrowAsync<BusinessException>(() => TaxRates(acme, t => t.CreateAsync(new TaxRateInput { Code = "BAD", Name = "坏", RatePercent = 100m })));
        var missing = await Should.ThrowAsync<BusinessException>(() => TaxRates(acme, t => t.CreateAsync(new TaxRateInput { Code = "BAD", Name = "坏" })));

        var rate = await TaxRates(acme, t => t.GetAsync(reduced));
        (rate.Rate, rate.Percent, rate.IsDefault).ShouldBe((0.095m, 9.5m, false));
        (refused.Field, refused.Code).ShouldBe(("RatePercent", CatalogErrorCodes.TaxRateOutOfRange));
        (tooHigh.Field, missing.Field).ShouldBe(("RatePercent", "RatePercent"));
    }

    [Fact]
    public async Task Making_a_rate_the_default_takes_it_from_the_previous_one_and_only_a_non_default_rate_can_be_deactivated()
    {
        var acme = await fixture.CompanyAsync();
        var rates = await TaxRates(acme, t => t.GetListAsync());
        var (vat13, vat9) = (rates.Single(r => r.Code == "VAT13").Id, rates.Single(r => r.Code == "VAT9").Id);

        await TaxRates(acme, async t => { await t.MakeDefaultAsync(vat9); return true; });
        var refused = await Should.ThrowAsync<BusinessException>(() => TaxRates(acme, async t => { await t.DeactivateAsync(vat9); return true; }));
        await TaxRates(acme, async t => { await t.DeactivateAsync(vat13); return true; });

        refused.Code.ShouldBe(CatalogErrorCodes.DefaultTaxRateCannotBeDeactivated);
        var after = await TaxRates(acme, t => t.GetListAsync());
        after.Where(r => r.IsDefault).Select(r => r.Code).ShouldBe(["VAT9"]);
        after.Single(r => r.Code == "VAT13").IsActive.ShouldBeFalse();
        (await TaxRates(acme, t => t.GetListAsync(includeInactive: false))).Select(r => r.Code).ShouldBe(["VAT9", "VAT6", "VAT0"]);
    }

    [Fact]
    public async Task A_tax_rate_is_renamed_but_keeps_its_code_and_rate()
    {
        var acme = await fixture.CompanyAsync();
        var vat6 = (await TaxRates(acme, t => t.GetListAsync())).Single(r => r.Code == "VAT6");

        await TaxRates(acme, async t =>
        {
            await t.UpdateAsync(vat6.Id, new TaxRateInput { Code = "X", Name = "现代服务 6%", RatePercent = 50m, Version = vat6.Version });
            return true;
        });

        var renamed = await TaxRates(acme, t => t.GetAsync(vat6.Id));
        (renamed.Code, renamed.Name, renamed.Rate).ShouldBe(("VAT6", "现代服务 6%", 0.06m));
    }

    [Fact]
    public async Task Bins_are_unique_within_their_warehouse_listed_paged_renamed_and_deactivated()
    {
        var acme = await fixture.CompanyAsync(ErpSaaS.Features.PlanCodes.Professional);
        var main = await WarehouseAsync(acme, "WH01");
        var second = await WarehouseAsync(acme, "WH02");
        for (var i = 1; i <= 3; i++) await Bins(acme, b => b.CreateAsync(main, new WarehouseLocationInput { Code = $"a-01-0{i}", Name = $"A区1排{i}层" }));
        await Bins(acme, b => b.CreateAsync(second, new WarehouseLocationInput { Code = "A-01-01", Name = "二号仓 A 区" }));

        var taken = await Should.ThrowAsync<BusinessException>(() => Bins(acme, b => b.CreateAsync(main, new WarehouseLocationInput { Code = "A-01-01", Name = "重复" })));
        var page = await Bins(acme, b => b.GetListAsync(main, new WarehouseLocationListQuery { PageSize = 2, Page = 2 }));
        var first = (await Bins(acme, b => b.GetListAsync(main, new WarehouseLocationListQuery()))).Items[0];
        await Bins(acme, async b =>
        {
            await b.UpdateAsync(first.Id, new WarehouseLocationInput { Name = "A区1排1层（冷藏）", Version = first.Version });
            await b.DeactivateAsync(first.Id);
            return true;
        });

        (taken.Field, taken.Code).ShouldBe(("Code", CatalogErrorCodes.LocationCodeTaken));
        (page.TotalCount, page.Items.Single().Code).ShouldBe((3, "A-01-03"));
        var renamed = await Bins(acme, b => b.GetAsync(first.Id));
        (renamed.Code, renamed.Name, renamed.IsActive, renamed.WarehouseId).ShouldBe(("A-01-01", "A区1排1层（冷藏）", false, main));
        (await Bins(acme, b => b.GetListAsync(main, new WarehouseLocationListQuery()))).TotalCount.ShouldBe(2);
        (await Bins(acme, b => b.GetListAsync(main, new WarehouseLocationListQuery { IncludeInactive = true, Search = "冷藏" }))).Items.Single().Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task A_starter_company_with_one_warehouse_has_bins_too()
    {
        var small = await fixture.CompanyAsync(ErpSaaS.Features.PlanCodes.Starter);
        var only = await WarehouseAsync(small, "WH01");

        await Bins(small, b => b.CreateAsync(only, new WarehouseLocationInput { Code = "A-01", Name = "A 区" }));

        (await Bins(small, b => b.GetListAsync(only, new WarehouseLocationListQuery()))).Items.Select(l => l.Code).ShouldBe(["A-01"]);
    }

    [Fact]
    public async Task Another_companys_warehouse_and_bins_are_out_of_reach()
    {
        var acme = await fixture.CompanyAsync();
        var globex = await fixture.CompanyAsync();
        var theirWarehouse = await WarehouseAsync(globex, "WH01");
        var theirBin = await Bins(globex, b => b.CreateAsync(theirWarehouse, new WarehouseLocationInput { Code = "A-01", Name = "A 区" }));

        await Should.ThrowAsync<EntityNotFoundException>(() => Bins(acme, b => b.GetListAsync(theirWarehouse, new WarehouseLocationListQuery())));
        await Should.ThrowAsync<EntityNotFoundException>(() => Bins(acme, b => b.CreateAsync(theirWarehouse, new WarehouseLocationInput { Code = "X", Name = "X" })));
        await Should.ThrowAsync<EntityNotFoundException>(() => Bins(acme, b => b.GetAsync(theirBin)));
        await Should.ThrowAsync<EntityNotFoundException>(() => Bins(acme, async b => { await b.DeactivateAsync(theirBin); return true; }));

        (await Bins(globex, b => b.GetAsync(theirBin))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Another_companys_units_and_tax_rates_are_out_of_reach()
    {
        var acme = await fixture.CompanyAsync();
        var globex = await fixture.CompanyAsync();
        var theirUnit = (await Units(globex, u => u.GetListAsync())).Single(u => u.Code == "PCS");
        var theirRate = (await TaxRates(globex, t => t.GetListAsync())).Single(t => t.Code == "VAT6");

        await Should.ThrowAsync<EntityNotFoundException>(() => Units(acme, u => u.GetAsync(theirUnit.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => Units(acme, async u =>
        {
            await u.UpdateAsync(theirUnit.Id, new UnitOfMeasureInput { Name = "被改", Version = theirUnit.Version });
            return true;
        }));
        await Should.ThrowAsync<EntityNotFoundException>(() => Units(acme, async u => { await u.DeactivateAsync(theirUnit.Id); return true; }));
        await Should.ThrowAsync<EntityNotFoundException>(() => TaxRates(acme, t => t.GetAsync(theirRate.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => TaxRates(acme, async t => { await t.MakeDefaultAsync(theirRate.Id); return true; }));
        await Should.ThrowAsync<EntityNotFoundException>(() => TaxRates(acme, async t => { await t.DeactivateAsync(theirRate.Id); return true; }));

        (await Units(globex, u => u.GetAsync(theirUnit.Id))).ShouldBe(theirUnit);
        (await TaxRates(globex, t => t.GetAsync(theirRate.Id))).ShouldBe(theirRate);
        (await TaxRates(acme, t => t.GetListAsync())).Where(t => t.IsDefault).Select(t => t.Code).ShouldBe(["VAT13"]);
    }
}
