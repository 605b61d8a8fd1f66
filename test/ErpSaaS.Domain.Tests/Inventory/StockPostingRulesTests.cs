using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Inventory;

public sealed class StockPostingRulesTests
{
    private static readonly Product Goods = new("SKU-1", new ProductDetails { Name = "Goods", BaseUnit = "PCS" });
    private static readonly Product Lots = new("LOT-1", new ProductDetails { Name = "Lots", BaseUnit = "PCS", IsBatchTracked = true });
    private static readonly Warehouse Main = new("WH01", "Main", null, false, true);
    private static readonly Warehouse Other = new("WH02", "Other", null, false, false);
    private static readonly WarehouseLocation Bin = new(Main.Id, "A-01", "Bin A-01");

    private static IReadOnlyList<CheckedMovement> Check(bool batchesEnabled, params StockMovement[] movements) =>
        StockPostingRules.Check(new StockPosting(StockSourceTypes.Adjustment, Guid.NewGuid(), "AD-1", DateTimeOffset.UtcNow, movements),
            new[] { Goods, Lots }.ToDictionary(p => p.Id), new[] { Main, Other }.ToDictionary(w => w.Id), new[] { Bin }.ToDictionary(l => l.Id), batchesEnabled);

    private static StockMovement Movement(Product product, decimal quantity, Warehouse? warehouse = null) =>
        new() { ProductId = product.Id, WarehouseId = (warehouse ?? Main).Id, Quantity = quantity, LineNumber = 3 };

    [Fact]
    public void A_movement_without_bin_and_batch_gets_the_empty_keys()
    {
        var movement = Check(true, Movement(Goods, 5m)).Single();

        (movement.LocationKey, movement.BatchKey, movement.IsReceipt).ShouldBe((StockConsts.NoLocation, StockConsts.NoBatch, true));
    }

    [Fact]
    public void A_batch_number_is_trimmed_and_required_only_when_the_plan_has_batches()
    {
        Check(true, Movement(Lots, 5m) with { BatchNumber = "  B-7 " }).Single().BatchKey.ShouldBe("B-7");
        Check(false, Movement(Lots, 5m)).Single().BatchKey.ShouldBe(StockConsts.NoBatch);
        var refused = Should.Throw<BusinessException>(() => Check(true, Movement(Goods, 1m), Movement(Lots, 5m)));
        (refused.Field, refused.Code, refused.Args[0], refused.Args[1]).ShouldBe(("Movements[1].BatchNumber", InventoryErrorCodes.BatchRequired, (object?)3, (object?)"LOT-1"));
    }

    [Fact]
    public void A_bin_must_belong_to_the_movements_warehouse()
    {
        Check(true, Movement(Goods, 1m) with { LocationId = Bin.Id }).Single().LocationKey.ShouldBe(Bin.Id);
        Should.Throw<BusinessException>(() => Check(true, Movement(Goods, 1m, Other) with { LocationId = Bin.Id }))
            .Code.ShouldBe(InventoryErrorCodes.LocationNotInWarehouse);
    }

    [Fact]
    public void A_posting_names_its_source_and_has_lines()
    {
        Should.Throw<BusinessException>(() => StockPostingRules.Check(new StockPosting("", Guid.NewGuid(), "X", DateTimeOffset.UtcNow, [Movement(Goods, 1m)]),
            new Dictionary<Guid, Product>(), new Dictionary<Guid, Warehouse>(), new Dictionary<Guid, WarehouseLocation>(), true)).Code.ShouldBe(InventoryErrorCodes.SourceInvalid);
        Should.Throw<BusinessException>(() => Check(true)).Code.ShouldBe(InventoryErrorCodes.PostingEmpty);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00001")]
    [InlineData("100000000000000")]
    public void Quantities_are_never_zero_and_keep_at_most_four_decimals(string quantity)
    {
        Should.Throw<BusinessException>(() => Check(true, Movement(Goods, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture))))
            .Code.ShouldBe(InventoryErrorCodes.QuantityInvalid);
    }
}
