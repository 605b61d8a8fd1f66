using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Documents;

public sealed class BatchAndExpiryTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static async Task<StockDocumentsCompany> DairyAsync(ErpTestFixture fixture)
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.AddLocationAsync("WH01", "COLD-1");
        await acme.AddLocationAsync("WH01", "COLD-2");
        await acme.AddProductAsync("MILK", p => p with { IsBatchTracked = true, ShelfLifeDays = 30 });
        return acme;
    }

    [Fact]
    public async Task An_opening_batch_without_an_expiry_takes_the_shelf_life_from_the_companys_today()
    {
        var acme = await DairyAsync(fixture);

        var id = await acme.PostOpeningAsync(
            acme.Opening("MILK", "WH01", 10m, 3m, location: "COLD-1", batch: "L-0901"),
            acme.Opening("MILK", "WH01", 4m, 3m, location: "COLD-1", batch: "L-0915", expiry: new DateOnly(2026, 11, 20)));

        // The clock stands at 2026-11-02 01:00 UTC, which is 09:00 the same day in Shanghai: 30 days later is 2 December.
        (await acme.Openings(s => s.GetAsync(id))).Lines.Select(l => (l.BatchNumber, l.ExpiryDate))
            .ShouldBe([("L-0901", (DateOnly?)new DateOnly(2026, 12, 2)), ("L-0915", new DateOnly(2026, 11, 20))]);
        (await acme.BalancesAsync("MILK")).ShouldBe([("WH01/COLD-1/L-0901", 10m, 30.00m), ("WH01/COLD-1/L-0915", 4m, 12.00m)]);
    }

    [Fact]
    public async Task A_batch_tracked_product_needs_its_batch_and_another_product_refuses_one()
    {
        var acme = await DairyAsync(fixture);
        await acme.AddProductAsync("CUP");

        var noBatch = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("MILK", "WH01", 1m, 3m)],
        })));
        var strayBatch = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("CUP", "WH01", 1m, 3m, batch: "X")],
        })));

        (noBatch.Field, noBatch.Code).ShouldBe(("Lines[0].BatchNumber", StockDocumentErrorCodes.BatchRequired));
        (strayBatch.Field, strayBatch.Code).ShouldBe(("Lines[0].BatchNumber", StockDocumentErrorCodes.BatchNotTracked));
    }

    [Fact]
    public async Task Batches_to_issue_are_suggested_first_expired_first_out_with_what_to_take_from_each()
    {
        var acme = await DairyAsync(fixture);
        await acme.PostOpeningAsync(
            acme.Opening("MILK", "WH01", 10m, 3m, location: "COLD-1", batch: "L-LATE", expiry: new DateOnly(2027, 3, 1)),
            acme.Opening("MILK", "WH01", 5m, 3m, location: "COLD-2", batch: "L-EARLY", expiry: new DateOnly(2027, 1, 31)),
            acme.Opening("MILK", "WH01", 8m, 3m, location: "COLD-1", batch: "L-MID", expiry: new DateOnly(2027, 2, 14)),
            acme.Opening("MILK", "WH02", 50m, 3m, batch: "L-ELSEWHERE", expiry: new DateOnly(2026, 12, 1)));

        var suggestions = await acme.Documents(s => s.SuggestBatchesAsync(new BatchSuggestionQuery
        {
            Product = "MILK", WarehouseId = acme.Warehouse("WH01"), Quantity = 12m,
        }));
        var inOneBin = await acme.Documents(s => s.SuggestBatchesAsync(new BatchSuggestionQuery
        {
            Product = "MILK", WarehouseId = acme.Warehouse("WH01"), Location = "COLD-1",
        }));

        suggestions.Select(s => (s.BatchNumber, s.LocationCode, s.ExpiryDate, s.Available, s.Take)).ShouldBe(
        [
            ("L-EARLY", "COLD-2", (DateOnly?)new DateOnly(2027, 1, 31), 5m, 5m),
            ("L-MID", "COLD-1", new DateOnly(2027, 2, 14), 8m, 7m),
            ("L-LATE", "COLD-1", new DateOnly(2027, 3, 1), 10m, 0m),
        ]);
        inOneBin.Select(s => s.BatchNumber).ShouldBe(["L-MID", "L-LATE"]);
    }

    [Fact]
    public async Task A_batch_moved_to_another_warehouse_keeps_its_expiry_date()
    {
        var acme = await DairyAsync(fixture);
        await acme.PostOpeningAsync(acme.Opening("MILK", "WH01", 10m, 3m, location: "COLD-1", batch: "L-0901", expiry: new DateOnly(2027, 1, 31)));

        var transfer = await acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "MILK", FromWarehouseId = acme.Warehouse("WH01"), FromLocation = "COLD-1", BatchNumber = "L-0901", ToWarehouseId = acme.Warehouse("WH02"), Quantity = 4m }],
        }));
        await acme.Transfers(async s => await s.PostAsync(transfer, new() { Version = (await s.GetAsync(transfer)).Header.Version }));

        var moved = await acme.Documents(s => s.SuggestBatchesAsync(new BatchSuggestionQuery { Product = "MILK", WarehouseId = acme.Warehouse("WH02") }));
        moved.Select(b => (b.BatchNumber, b.ExpiryDate, b.Available)).ShouldBe([("L-0901", (DateOnly?)new DateOnly(2027, 1, 31), 4m)]);
        (await acme.BalancesAsync("MILK")).ShouldBe([("WH01/COLD-1/L-0901", 6m, 18.00m), ("WH02/-/L-0901", 4m, 12.00m)]);
    }

    [Fact]
    public async Task An_expiry_write_off_takes_out_the_named_batch_and_needs_one()
    {
        var acme = await DairyAsync(fixture);
        await acme.PostOpeningAsync(
            acme.Opening("MILK", "WH01", 10m, 3m, location: "COLD-1", batch: "L-OLD", expiry: new DateOnly(2026, 10, 30)),
            acme.Opening("MILK", "WH01", 10m, 3m, location: "COLD-1", batch: "L-NEW", expiry: new DateOnly(2026, 12, 30)));
        StockAdjustmentInput WriteOff(string? batch) => new()
        {
            RequestId = Guid.NewGuid(), Reason = AdjustmentReason.ExpiryWriteOff,
            Lines = [new() { Product = "MILK", WarehouseId = acme.Warehouse("WH01"), Location = "COLD-1", BatchNumber = batch, Quantity = -10m }],
        };

        var noBatch = await Should.ThrowAsync<BusinessException>(() => acme.Adjustments(s => s.CreateAsync(WriteOff(null))));
        var writeOff = await acme.Adjustments(s => s.CreateAsync(WriteOff("L-OLD")));
        await acme.Adjustments(async s => await s.PostAsync(writeOff, new() { Version = (await s.GetAsync(writeOff)).Header.Version }));

        (noBatch.Field, noBatch.Code).ShouldBe(("Lines[0].BatchNumber", StockDocumentErrorCodes.BatchRequired));
        (await acme.BalancesAsync("MILK")).ShouldBe([("WH01/COLD-1/L-NEW", 10m, 30.00m)]);
    }
}
