using ErpSaaS.Catalog;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Documents;

/// <summary>
/// The stock documents one after the other, as a warehouse keeps its books: opening stock, a transfer, a damage
/// write-off and a count that finds a shortage, with the exact quantities and values they leave behind.
/// </summary>
public sealed class StockDocumentFlowTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task Opening_transfer_adjustment_and_count_with_a_variance_leave_exact_balances_and_values()
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.AddLocationAsync("WH01", "A-01");
        await acme.AddProductAsync("P-1", p => p with { UnitConversions = [new UnitConversionDetails("BOX", 12m)] });

        // Opening: 10 boxes of 12 at ¥120 a box in bin A-01 of WH01, and 5 pieces at ¥13 in WH02. Company-wide average: 1265 / 125 = 10.12.
        var opening = await acme.PostOpeningAsync(
            acme.Opening("P-1", "WH01", 10m, 120m, unit: "BOX", location: "A-01"),
            acme.Opening("P-1", "WH02", 5m, 13m));

        // Transfer 30 pieces from WH01/A-01 to WH02: they leave at 10.12 and arrive at exactly that cost.
        var transfer = await acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "P-1", FromWarehouseId = acme.Warehouse("WH01"), FromLocation = "A-01", ToWarehouseId = acme.Warehouse("WH02"), Quantity = 30m }],
        }));
        await acme.Transfers(async s => await s.PostAsync(transfer, new() { Version = (await s.GetAsync(transfer)).Header.Version }));

        // Five pieces in WH02 are damaged.
        var damage = await acme.Adjustments(s => s.CreateAsync(new StockAdjustmentInput
        {
            RequestId = Guid.NewGuid(), Reason = AdjustmentReason.Damage, Comment = "Crushed by a forklift",
            Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouse("WH02"), Quantity = -5m }],
        }));
        await acme.Adjustments(async s => await s.PostAsync(damage, new() { Version = (await s.GetAsync(damage)).Header.Version }));

        // Counting WH01 finds 87 where the book says 90.
        var count = await acme.Counts(s => s.CreateAsync(new StockCountInput { RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01") }));
        await acme.Counts(async s => await s.StartAsync(count, new() { Version = (await s.GetAsync(count)).Header.Version }));
        var frozen = await acme.Counts(s => s.GetAsync(count));
        await acme.Counts(s => s.EnterCountsAsync(count, new StockCountEntryInput
        {
            Version = frozen.Header.Version, Lines = [new() { LineNumber = frozen.Lines.Single().LineNumber, Counted = 87m }],
        }));
        await acme.Counts(async s => await s.FinishCountingAsync(count, new() { Version = (await s.GetAsync(count)).Header.Version }));
        var review = await acme.Counts(s => s.GetAsync(count));
        await acme.Counts(s => s.PostAsync(count, new() { Version = review.Header.Version }));

        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/A-01/-", 87m, 866.04m), ("WH02/-/-", 30m, 318.00m)]);
        var openingLines = (await acme.Openings(s => s.GetAsync(opening))).Lines;
        openingLines.Select(l => (l.BaseQuantity, l.PostedValue)).ShouldBe([(120m, (decimal?)1200.00m), (5m, 65.00m)]);
        var moved = (await acme.Transfers(s => s.GetAsync(transfer))).Lines.Single();
        (moved.PostedUnitCost, moved.IssuedValue, moved.ReceivedValue).ShouldBe((10.12m, 303.60m, 303.60m));
        (await acme.Adjustments(s => s.GetAsync(damage))).Lines.Single().PostedValue.ShouldBe(-50.60m);
        var counted = review.Lines.Single();
        (counted.BookQuantity, counted.CountedQuantity, counted.Variance, counted.BookUnitCost, counted.VarianceValue).ShouldBe((90m, (decimal?)87m, -3m, 10.12m, -30.36m));
        (await acme.Counts(s => s.GetAsync(count))).Lines.Single().PostedValue.ShouldBe(-30.36m);
    }

    [Fact]
    public async Task A_transfer_under_per_warehouse_valuation_carries_the_source_cost_and_the_company_value_stays_the_same()
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.SetAsync(InventorySettings.ValuationScope, nameof(StockValuationScope.Warehouse));
        await acme.AddProductAsync("P-1");
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 100m, 10m), acme.Opening("P-1", "WH02", 10m, 16m));
        var before = (await acme.BalancesAsync("P-1")).Sum(b => b.Value);

        var transfer = await acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "P-1", FromWarehouseId = acme.Warehouse("WH01"), ToWarehouseId = acme.Warehouse("WH02"), Quantity = 30m }],
        }));
        await acme.Transfers(async s => await s.PostAsync(transfer, new() { Version = (await s.GetAsync(transfer)).Header.Version }));

        before.ShouldBe(1160.00m);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 70m, 700.00m), ("WH02/-/-", 40m, 460.00m)]);
        var line = (await acme.Transfers(s => s.GetAsync(transfer))).Lines.Single();
        (line.PostedUnitCost, line.IssuedValue, line.ReceivedValue).ShouldBe((10m, 300.00m, 300.00m));
    }
}
