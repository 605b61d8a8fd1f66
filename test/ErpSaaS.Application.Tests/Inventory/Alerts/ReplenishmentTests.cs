using ErpSaaS.Catalog;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Alerts;

public sealed class ReplenishmentTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static readonly DateTimeOffset Oct1 = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Suggestions_fill_up_to_the_maximum_or_the_reorder_quantity_rounded_up_to_the_largest_pack()
    {
        var acme = await AlertCompany.CreateAsync(fixture);
        // Up to the maximum: 100 − 15 = 85, in boxes of 12 (the largest unit, not packs of 6) → 8 boxes = 96.
        await acme.AddProductAsync("A-MAX", reorderPoint: 20m, reorderQuantity: 10m, maximumStock: 100m,
            units: [new UnitConversionDetails("PACK", 6m), new UnitConversionDetails("BOX", 12m)]);
        await acme.ReceiveAsync("A-MAX", 15m, Oct1);
        // No maximum: the reorder quantity 30 → 3 boxes = 36.
        await acme.AddProductAsync("B-QTY", reorderPoint: 10m, reorderQuantity: 30m, units: [new UnitConversionDetails("BOX", 12m)]);
        await acme.ReceiveAsync("B-QTY", 10m, Oct1);
        // The maximum is nearly reached (50 − 48 = 2) but the reorder quantity 5 is the least to buy: 1 box of 12.
        await acme.AddProductAsync("C-MIN", reorderPoint: 48m, reorderQuantity: 5m, maximumStock: 50m, units: [new UnitConversionDetails("BOX", 12m)]);
        await acme.ReceiveAsync("C-MIN", 48m, Oct1);
        // No conversion: the reorder quantity as it is.
        await acme.AddProductAsync("D-LOOSE", reorderPoint: 3m, reorderQuantity: 7m);
        // Above its reorder point: no suggestion.
        await acme.AddProductAsync("E-FINE", reorderPoint: 3m, reorderQuantity: 7m);
        await acme.ReceiveAsync("E-FINE", 4m, Oct1);

        var suggestions = await acme.ReplenishmentAsync(s => s.GetListAsync(new ReplenishmentQuery()));

        suggestions.Items.Select(s => (s.ProductCode, s.OnHand, s.Projected, s.PackUnit, s.PackSize, s.SuggestedQuantity, s.SuggestedPacks)).ShouldBe(
        [
            ("A-MAX", 15m, 15m, "BOX", (decimal?)12m, 96m, (decimal?)8m),
            ("B-QTY", 10m, 10m, "BOX", 12m, 36m, 3m),
            ("C-MIN", 48m, 48m, "BOX", 12m, 12m, 1m),
            ("D-LOOSE", 0m, 0m, null, null, 7m, null),
        ]);
        var chosen = await acme.ReplenishmentAsync(s => s.GetForProductsAsync([acme.Product("B-QTY"), acme.Product("E-FINE")]));
        chosen.Select(s => (s.ProductCode, s.SuggestedQuantity)).ShouldBe([("B-QTY", 36m)]);
    }

    [Theory]
    [InlineData(15, 10, 100, 12, 96)]   // 85 → 8 boxes
    [InlineData(4, 10, 100, 12, 96)]    // 96 → exactly 8 boxes
    [InlineData(20, 0, null, 12, 12)]   // nothing else to go by: one box
    [InlineData(20, 0, null, null, 1)]  // nothing else to go by and no pack: one unit
    [InlineData(-5, 10, 30, null, 35)]  // projected below zero (reserved more than on hand): more to buy
    public void The_rule_rounds_the_need_up_to_whole_packs(int projected, int reorderQuantity, int? maximum, int? pack, int expected) =>
        ReplenishmentRule.SuggestedQuantity(projected, reorderQuantity, maximum, pack).ShouldBe((decimal)expected);
}
