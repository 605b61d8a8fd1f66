using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Catalog;

public sealed class ProductTests
{
    private static ProductDetails Details(string baseUnit = "pcs") => new() { Name = "贴片电阻 10kΩ", BaseUnit = baseUnit };

    [Fact]
    public void A_box_of_twelve_converts_to_base_units_and_the_base_unit_converts_to_itself()
    {
        var product = new Product("sku-10086", Details() with { UnitConversions = [new("box", 12m), new("KG", 0.25m)] });

        product.Code.ShouldBe("SKU-10086");
        product.ToBaseQuantity(3m, "BOX").ShouldBe(36m);
        product.ToBaseQuantity(2m, "kg").ShouldBe(0.5m);
        product.ToBaseQuantity(7m, "PCS").ShouldBe(7m);
        product.Units.ShouldBe(["PCS", "BOX", "KG"]);
        Should.Throw<BusinessException>(() => product.ToBaseQuantity(1m, "SET")).Code.ShouldBe(CatalogErrorCodes.ProductUnitNotConvertible);
    }

    [Fact]
    public void A_conversion_to_the_base_unit_itself_or_listed_twice_is_refused()
    {
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { UnitConversions = [new("PCS", 1m)] }))
            .Code.ShouldBe(CatalogErrorCodes.ProductConversionDuplicate);
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { UnitConversions = [new("BOX", 12m), new("box", 10m)] }))
            .Code.ShouldBe(CatalogErrorCodes.ProductConversionDuplicate);
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { UnitConversions = [new("BOX", 12m), new("PACK", 0m)] }))
            .Field.ShouldBe("UnitConversions[1].Factor");
    }

    [Fact]
    public void Stock_levels_must_be_positive_and_the_maximum_above_the_reorder_point()
    {
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { SafetyStock = -1m })).Field.ShouldBe("SafetyStock");
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { ReorderPoint = 50m, MaximumStock = 40m }))
            .Code.ShouldBe(CatalogErrorCodes.ProductMaximumBelowReorderPoint);
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { ReorderQuantity = 1.00001m }))
            .Code.ShouldBe(CatalogErrorCodes.ProductQuantityTooPrecise);

        var product = new Product("A1", Details() with { SafetyStock = 10m, ReorderPoint = 20m, ReorderQuantity = 100m, MaximumStock = 200m });

        (product.SafetyStock, product.ReorderPoint, product.ReorderQuantity, product.MaximumStock).ShouldBe((10m, 20m, 100m, (decimal?)200m));
    }

    [Fact]
    public void A_shelf_life_needs_batch_tracking_and_a_service_has_neither()
    {
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { ShelfLifeDays = 180 })).Code
            .ShouldBe(CatalogErrorCodes.ProductShelfLifeNeedsBatches);
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { Type = ProductType.Service, IsBatchTracked = true })).Code
            .ShouldBe(CatalogErrorCodes.ProductServiceCannotTrackBatches);

        var milk = new Product("MILK", Details() with { IsBatchTracked = true, ShelfLifeDays = 21 });
        var installation = new Product("SVC-INSTALL", Details() with { Type = ProductType.Service });

        (milk.IsBatchTracked, milk.ShelfLifeDays, milk.IsStocked).ShouldBe((true, (int?)21, true));
        installation.IsStocked.ShouldBeFalse();
    }

    [Fact]
    public void Barcodes_are_kept_once_each_and_replaced_as_a_set()
    {
        var product = new Product("A1", Details() with { Barcodes = ["6901234567892", " 6901234567892 ", "A-100"] });
        product.Barcodes.Select(b => b.Code).ShouldBe(["6901234567892", "A-100"]);

        product.Apply(Details() with { Barcodes = ["A-100", "B-200"] });

        product.Barcodes.Select(b => b.Code).ShouldBe(["A-100", "B-200"], ignoreOrder: true);
        Should.Throw<BusinessException>(() => product.Apply(Details() with { Barcodes = ["has space"] })).Code.ShouldBe(CatalogErrorCodes.ProductBarcodeInvalid);
    }

    [Fact]
    public void A_refused_row_of_conversions_or_barcodes_is_named_by_its_index_so_the_message_sits_next_to_it()
    {
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { UnitConversions = [new("BOX", 12m), new("box", 10m)] }))
            .Field.ShouldBe("UnitConversions[1].UnitCode");
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { UnitConversions = [new(" ", 12m)] }))
            .Field.ShouldBe("UnitConversions[0].UnitCode");
        Should.Throw<BusinessException>(() => new Product("A1", Details() with { Barcodes = ["6901234567892", "has space"] }))
            .Field.ShouldBe("Barcodes[1]");
    }

    [Fact]
    public void A_missing_base_unit_is_refused_at_the_base_unit_not_at_the_code()
    {
        var refused = Should.Throw<BusinessException>(() => new Product("A1", Details(baseUnit: " ")));

        (refused.Field, refused.Code).ShouldBe(("BaseUnit", CatalogErrorCodes.UnitCodeInvalid));
    }
}
