using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Inventory.Documents;

public sealed class StockDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly StockDocumentActor Keeper = new(Guid.NewGuid(), "keeper", Now, new DateOnly(2026, 11, 2));
    private static readonly Guid Warehouse = Guid.NewGuid();

    private static Product Product(string code = "P-1", bool batches = false, int? shelfLife = null) =>
        new(code, new ProductDetails
        {
            Name = code, BaseUnit = "PCS", IsBatchTracked = batches, ShelfLifeDays = shelfLife, StandardCost = 2.5m,
            UnitConversions = [new UnitConversionDetails("BOX", 12m), new UnitConversionDetails("PACK", 0.5m)],
        });

    private static StockCount CountingOf(params BookQuantity[] book)
    {
        var count = new StockCount("SC-1", Guid.NewGuid(), Warehouse, [], null, null, Keeper);
        count.Start(book, Keeper);
        return count;
    }

    [Fact]
    public void An_opening_line_keeps_the_quantity_as_entered_and_in_base_units_with_the_cost_of_one_base_unit()
    {
        var opening = new OpeningBalance("OB-1", Guid.NewGuid(), null, Keeper);
        var product = Product();

        opening.ReplaceLines([new OpeningLineDetails(product, Warehouse, null, null, null, 3m, "box", 100m)], Keeper);

        var line = opening.Lines.Single();
        (line.Quantity, line.Unit, line.BaseQuantity, line.UnitCost, line.BaseUnitCost).ShouldBe((3m, "BOX", 36m, 100m, 8.333333m));
    }

    [Fact]
    public void A_base_quantity_finer_than_four_decimals_is_refused()
    {
        var opening = new OpeningBalance("OB-1", Guid.NewGuid(), null, Keeper);

        var refused = Should.Throw<BusinessException>(() =>
            opening.ReplaceLines([new OpeningLineDetails(Product(), Warehouse, null, null, null, 0.0001m, "PACK", 1m)], Keeper));

        (refused.Field, refused.Code).ShouldBe(("Lines[0].Quantity", StockDocumentErrorCodes.QuantityTooPrecise));
    }

    [Fact]
    public void A_draft_moves_to_posted_once_and_then_nothing_changes_it()
    {
        var opening = new OpeningBalance("OB-1", Guid.NewGuid(), null, Keeper);
        opening.ReplaceLines([new OpeningLineDetails(Product(), Warehouse, null, null, null, 1m, null, null)], Keeper);
        var posting = opening.BeginPosting(Now);

        opening.CompletePosting([new PostedMovement(1, Guid.NewGuid(), 1m, 2.5m, 2.5m)], Keeper);

        (posting.SourceType, posting.SourceNumber, posting.Movements.Single().Quantity, posting.Movements.Single().UnitCost).ShouldBe(("Opening", "OB-1", 1m, (decimal?)2.5m));
        opening.Status.ShouldBe(StockDocumentStatus.Posted);
        opening.Timeline.Select(e => e.Status).ShouldBe([StockDocumentStatus.Draft, StockDocumentStatus.Posted]);
        Should.Throw<BusinessException>(() => opening.ReplaceLines([], Keeper)).Code.ShouldBe(StockDocumentErrorCodes.NotEditable);
        Should.Throw<BusinessException>(() => opening.Cancel(Keeper, null)).Code.ShouldBe(StockDocumentErrorCodes.StatusChangeNotAllowed);
        Should.Throw<BusinessException>(() => opening.BeginPosting(Now)).Code.ShouldBe(StockDocumentErrorCodes.NotEditable);
    }

    [Fact]
    public void A_transfer_receives_every_line_at_the_cost_its_issue_carried()
    {
        var transfer = new StockTransfer("TR-1", Guid.NewGuid(), null, Keeper);
        var product = Product(batches: true);
        var destination = Guid.NewGuid();
        transfer.ReplaceLines([new TransferLineDetails(product, Warehouse, null, "L1", destination, null, 2m, "BOX")], Keeper);

        var issues = transfer.BeginIssues(Now);
        var receipts = transfer.Receipts(Now, [new PostedMovement(1, Guid.NewGuid(), -24m, 7.25m, -174m)],
            new Dictionary<(Guid, string), DateOnly?> { [(product.Id, "L1")] = new DateOnly(2027, 1, 1) });

        issues.Movements.Single().ShouldBe(new StockMovement { LineNumber = 1, ProductId = product.Id, WarehouseId = Warehouse, BatchNumber = "L1", Quantity = -24m });
        receipts.Movements.Single().ShouldBe(new StockMovement
        {
            LineNumber = 1, ProductId = product.Id, WarehouseId = destination, BatchNumber = "L1", ExpiryDate = new DateOnly(2027, 1, 1), Quantity = 24m, UnitCost = 7.25m,
        });
        transfer.CrossesWarehouses.ShouldBeTrue();
    }

    [Fact]
    public void A_count_posts_counted_minus_frozen_book_gains_at_the_frozen_cost_and_losses_at_the_ledgers()
    {
        var product = Product();
        var count = CountingOf(new BookQuantity(product.Id, null, null, null, 10m, 3m), new BookQuantity(Guid.NewGuid(), null, null, null, 4m, 1m),
            new BookQuantity(Guid.NewGuid(), null, null, null, 6m, 2m));
        count.SetCounted([(1, 12m), (2, 1m), (3, 6m)], Keeper);
        count.FinishCounting(Keeper);

        var posting = count.BeginPosting(Now);

        posting.Movements.Select(m => (m.LineNumber, m.Quantity, m.UnitCost)).ShouldBe([(1, 2m, (decimal?)3m), (2, -3m, null)]);
        posting.MayTakeReservedStock.ShouldBeTrue();
        posting.SourceType.ShouldBe(StockSourceTypes.StockCount);
        count.Lines.Select(l => l.VarianceValue).ShouldBe([6.00m, -3.00m, 0m]);
    }

    [Fact]
    public void Scans_add_up_on_the_products_line_and_open_a_found_line_where_the_book_had_none()
    {
        var product = Product();
        var bin = Guid.NewGuid();
        var count = CountingOf(new BookQuantity(product.Id, bin, null, null, 10m, 3m));

        count.AddCounted(product, bin, null, 1m, 9m, Keeper);
        count.AddCounted(product, bin, null, 4m, 9m, Keeper);
        var found = count.AddCounted(product, null, null, 2m, 9m, Keeper);

        count.Lines.Select(l => (l.LocationId, l.BookQuantity, l.CountedQuantity, l.BookUnitCost)).ShouldBe([(bin, 10m, (decimal?)5m, 3m), (null, 0m, 2m, 9m)]);
        found.LineNumber.ShouldBe(2);
    }

    [Fact]
    public void A_count_takes_counts_only_while_counting_and_goes_back_to_counting_for_a_recount()
    {
        var product = Product();
        var count = new StockCount("SC-1", Guid.NewGuid(), Warehouse, [], null, null, Keeper);

        Should.Throw<BusinessException>(() => count.AddCounted(product, null, null, 1m, 0m, Keeper)).Code.ShouldBe(StockDocumentErrorCodes.CountNotOpen);
        count.Start([new BookQuantity(product.Id, null, null, null, 1m, 1m)], Keeper);
        count.SetCounted([(1, 0m)], Keeper);
        count.FinishCounting(Keeper);
        Should.Throw<BusinessException>(() => count.SetCounted([(1, 2m)], Keeper)).Code.ShouldBe(StockDocumentErrorCodes.CountNotOpen);
        count.ResumeCounting(Keeper);
        count.SetCounted([(1, 2m)], Keeper);

        count.Timeline.Select(e => e.Status).ShouldBe(
            [StockDocumentStatus.Draft, StockDocumentStatus.Counting, StockDocumentStatus.Counted, StockDocumentStatus.Counting]);
        count.Lines.Single().CountedQuantity.ShouldBe(2m);
    }

    [Fact]
    public void A_negative_count_is_refused_next_to_its_line()
    {
        var count = CountingOf(new BookQuantity(Guid.NewGuid(), null, null, null, 1m, 1m));

        var refused = Should.Throw<BusinessException>(() => count.SetCounted([(1, -1m)], Keeper));

        (refused.Field, refused.Code).ShouldBe(("Lines[0].Counted", StockDocumentErrorCodes.CountedQuantityInvalid));
    }

    [Fact]
    public void Each_change_counts_a_revision_so_the_row_changes_even_when_only_lines_did()
    {
        var count = CountingOf(new BookQuantity(Guid.NewGuid(), null, null, null, 1m, 1m));
        var before = count.Revision;

        count.SetCounted([(1, 1m)], Keeper);

        count.Revision.ShouldBe(before + 1);
    }
}
