using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Documents;

public sealed class StockCountTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static async Task<StockDocumentsCompany> CompanyWithStockAsync(ErpTestFixture fixture)
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture);
        await acme.AddLocationAsync("WH01", "A-01");
        await acme.AddLocationAsync("WH01", "B-01");
        await acme.AddProductAsync("P-1", p => p with { Barcodes = ["6901234567892"] });
        await acme.AddProductAsync("P-2", p => p with { Barcodes = ["6901234567908"] });
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 90m, 2m, location: "A-01"), acme.Opening("P-2", "WH01", 10m, 5m, location: "B-01"));
        return acme;
    }

    private static async Task<Guid> StartedCountAsync(StockDocumentsCompany acme, params string[] bins)
    {
        var id = await acme.Counts(s => s.CreateAsync(new StockCountInput
        {
            RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01"), LocationIds = [.. bins.Select(acme.Location)],
        }));
        await acme.Counts(async s => await s.StartAsync(id, new() { Version = (await s.GetAsync(id)).Header.Version }));
        return id;
    }

    private static Task<StockCountScanResultDto> ScanAsync(StockDocumentsCompany acme, Guid count, string barcode, string bin, decimal? quantity = null) =>
        acme.Counts(s => s.ScanAsync(count, new StockCountScanInput { Barcode = barcode, LocationId = acme.Location(bin), Quantity = quantity }));

    private static async Task FinishAndPostAsync(StockDocumentsCompany acme, Guid count)
    {
        await acme.Counts(async s => await s.FinishCountingAsync(count, new() { Version = (await s.GetAsync(count)).Header.Version }));
        await acme.Counts(async s => await s.PostAsync(count, new() { Version = (await s.GetAsync(count)).Header.Version }));
    }

    [Fact]
    public async Task Starting_a_count_freezes_the_book_of_its_bins_per_product_bin_and_batch()
    {
        var acme = await CompanyWithStockAsync(fixture);

        var count = await StartedCountAsync(acme, "A-01");

        var frozen = await acme.Counts(s => s.GetAsync(count));
        frozen.Header.Status.ShouldBe(StockDocumentStatus.Counting);
        frozen.FrozenAt.ShouldBe(fixture.Clock.GetUtcNow());
        frozen.Lines.Select(l => (l.LocationCode, l.ProductCode, l.BookQuantity, l.BookUnitCost, l.CountedQuantity))
            .ShouldBe([("A-01", "P-1", 90m, 2m, (decimal?)null)]);
        frozen.LocationCodes.ShouldBe(["A-01"]);
    }

    [Fact]
    public async Task Scanning_adds_one_or_the_typed_quantity_to_the_products_line_in_the_bin_and_finds_stock_the_book_did_not_have()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme);

        await ScanAsync(acme, count, "6901234567892", "A-01");
        await ScanAsync(acme, count, "6901234567892", "A-01");
        var typed = await ScanAsync(acme, count, "6901234567892", "A-01", 85m);
        var found = await ScanAsync(acme, count, "6901234567908", "A-01");

        (typed.ProductCode, typed.LocationCode, typed.Added, typed.CountedQuantity).ShouldBe(("P-1", "A-01", 85m, 87m));
        (found.ProductCode, found.CountedQuantity).ShouldBe(("P-2", 1m));
        var lines = (await acme.Counts(s => s.GetAsync(count))).Lines;
        lines.Select(l => (l.LocationCode, l.ProductCode, l.BookQuantity, l.CountedQuantity))
            .ShouldBe([("A-01", "P-1", 90m, (decimal?)87m), ("A-01", "P-2", 0m, 1m), ("B-01", "P-2", 10m, null)]);
    }

    [Fact]
    public async Task An_unknown_barcode_is_refused_next_to_the_scan_box_and_counts_nothing()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme);

        var refused = await Should.ThrowAsync<BusinessException>(() => ScanAsync(acme, count, "0000000000000", "A-01"));

        (refused.Field, refused.Code, refused.Args.Single()).ShouldBe(("Barcode", StockDocumentErrorCodes.BarcodeUnknown, (object?)"0000000000000"));
        (await acme.Counts(s => s.GetAsync(count))).Lines.ShouldAllBe(l => l.CountedQuantity == null);
    }

    [Fact]
    public async Task Counting_cannot_finish_while_a_line_is_uncounted_and_posting_books_only_the_variances()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme);
        await ScanAsync(acme, count, "6901234567892", "A-01", 88m);

        var unfinished = await Should.ThrowAsync<BusinessException>(() =>
            acme.Counts(async s => await s.FinishCountingAsync(count, new() { Version = (await s.GetAsync(count)).Header.Version })));
        await ScanAsync(acme, count, "6901234567908", "B-01", 10m);
        await FinishAndPostAsync(acme, count);

        (unfinished.Code, unfinished.Args.Single()).ShouldBe((StockDocumentErrorCodes.CountLinesUncounted, (object?)1));
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/A-01/-", 88m, 176.00m)]);
        (await acme.BalancesAsync("P-2")).ShouldBe([("WH01/B-01/-", 10m, 50.00m)]);
        var posted = await acme.Counts(s => s.GetAsync(count));
        posted.Header.Status.ShouldBe(StockDocumentStatus.Posted);
        posted.Lines.Select(l => (l.ProductCode, l.Variance, l.PostedValue)).ShouldBe([("P-1", -2m, (decimal?)-4.00m), ("P-2", 0m, null)]);
        (posted.LossValue, posted.GainValue, posted.NetVarianceValue).ShouldBe((-4.00m, 0m, -4.00m));
    }

    [Fact]
    public async Task Goods_that_move_during_the_count_are_not_counted_twice_because_only_the_variance_against_the_frozen_book_is_posted()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme, "A-01");
        // Counters find 89 in A-01 (one piece is missing) ...
        await ScanAsync(acme, count, "6901234567892", "A-01", 89m);
        // ... while, during the count, two pieces leave A-01 on an adjustment of their own.
        var loss = await acme.Adjustments(s => s.CreateAsync(new StockAdjustmentInput
        {
            RequestId = Guid.NewGuid(), Reason = AdjustmentReason.Loss,
            Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouse("WH01"), Location = "A-01", Quantity = -2m }],
        }));
        await acme.Adjustments(async s => await s.PostAsync(loss, new() { Version = (await s.GetAsync(loss)).Header.Version }));

        await FinishAndPostAsync(acme, count);

        // 90 frozen − 2 moved − 1 missing = 87: what lay there (89) less what left since (2).
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/A-01/-", 87m, 174.00m)]);
    }

    [Fact]
    public async Task An_uploaded_count_file_sets_every_row_or_changes_nothing_when_a_row_is_wrong()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme);

        var refused = await Should.ThrowAsync<BusinessException>(() => acme.Counts(s => s.UploadCountsAsync(count,
        [
            new StockCountUploadRowInput(2, "A-01", "P-1", null, "80"),
            new StockCountUploadRowInput(3, "B-01", "NO-SUCH", null, "1"),
        ])));
        var untouched = await acme.Counts(s => s.GetAsync(count));
        var applied = await acme.Counts(s => s.UploadCountsAsync(count,
        [
            new StockCountUploadRowInput(2, "a-01", "P-1", null, "80"),
            new StockCountUploadRowInput(3, "B-01", "6901234567908", null, "9.5"),
        ]));

        (refused.Field, refused.Code).ShouldBe(("Upload", StockDocumentErrorCodes.UploadRowProductUnknown));
        refused.Args.ShouldBe([3, "NO-SUCH"]);
        untouched.Lines.ShouldAllBe(l => l.CountedQuantity == null);
        applied.ShouldBe(2);
        (await acme.Counts(s => s.GetAsync(count))).Lines.Select(l => (l.ProductCode, l.CountedQuantity)).ShouldBe([("P-1", (decimal?)80m), ("P-2", 9.5m)]);
    }

    [Fact]
    public async Task A_count_of_some_bins_refuses_scans_in_other_bins()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme, "A-01");

        var refused = await Should.ThrowAsync<BusinessException>(() => ScanAsync(acme, count, "6901234567908", "B-01"));

        (refused.Field, refused.Code).ShouldBe(("LocationId", StockDocumentErrorCodes.CountLocationNotInScope));
    }

    [Fact]
    public async Task A_count_of_one_category_covers_its_subcategories_and_refuses_other_products()
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture);
        var (parts, resistors) = await acme.InTransactionAsync(async sp =>
        {
            var categories = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ProductCategoryManager>(sp);
            var parent = await categories.CreateAsync("PARTS", "Parts", null);
            var child = await categories.CreateAsync("RES", "Resistors", parent.Id);
            return (parent.Id, child.Id);
        });
        await acme.AddProductAsync("R-10K", p => p with { CategoryId = resistors });
        await acme.AddProductAsync("BOX-1");
        await acme.PostOpeningAsync(acme.Opening("R-10K", "WH01", 500m, 0.01m), acme.Opening("BOX-1", "WH01", 3m, 1m));

        var count = await acme.Counts(s => s.CreateAsync(new StockCountInput { RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01"), CategoryId = parts }));
        await acme.Counts(async s => await s.StartAsync(count, new() { Version = (await s.GetAsync(count)).Header.Version }));
        var refused = await Should.ThrowAsync<BusinessException>(() =>
            acme.Counts(s => s.ScanAsync(count, new StockCountScanInput { Barcode = "BOX-1" })));

        (await acme.Counts(s => s.GetAsync(count))).Lines.Select(l => (l.ProductCode, l.BookQuantity)).ShouldBe([("R-10K", 500m)]);
        refused.Code.ShouldBe(StockDocumentErrorCodes.CountProductNotInScope);
    }

    [Fact]
    public async Task Typed_counts_from_a_stale_sheet_are_refused_so_scans_made_meanwhile_are_not_overwritten()
    {
        var acme = await CompanyWithStockAsync(fixture);
        var count = await StartedCountAsync(acme, "A-01");
        var sheet = await acme.Counts(s => s.GetAsync(count));
        await ScanAsync(acme, count, "6901234567892", "A-01", 5m);

        var refused = await Should.ThrowAsync<BusinessException>(() => acme.Counts(s => s.EnterCountsAsync(count, new StockCountEntryInput
        {
            Version = sheet.Header.Version, Lines = [new() { LineNumber = sheet.Lines[0].LineNumber, Counted = 1m }],
        })));

        refused.Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        (await acme.Counts(s => s.GetAsync(count))).Lines.Single().CountedQuantity.ShouldBe(5m);
    }

    [Fact]
    public async Task A_batch_tracked_product_with_several_batches_in_the_bin_needs_the_batch_said_when_scanned()
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture);
        await acme.AddLocationAsync("WH01", "A-01");
        await acme.AddProductAsync("MILK", p => p with { IsBatchTracked = true, ShelfLifeDays = 30, Barcodes = ["6900000000011"] });
        await acme.PostOpeningAsync(acme.Opening("MILK", "WH01", 10m, 3m, location: "A-01", batch: "L1"), acme.Opening("MILK", "WH01", 5m, 3m, location: "A-01", batch: "L2"));
        var count = await StartedCountAsync(acme);

        var ambiguous = await Should.ThrowAsync<BusinessException>(() => ScanAsync(acme, count, "6900000000011", "A-01"));
        var scanned = await acme.Counts(s => s.ScanAsync(count, new StockCountScanInput { Barcode = "6900000000011", LocationId = acme.Location("A-01"), BatchNumber = "L2" }));

        (ambiguous.Field, ambiguous.Code).ShouldBe(("BatchNumber", StockDocumentErrorCodes.ScanBatchAmbiguous));
        (scanned.BatchNumber, scanned.CountedQuantity).ShouldBe(("L2", 1m));
    }
}
