using ErpSaaS.Inventory.Documents;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Inventory.Documents;

public sealed class FefoTests
{
    private static AvailableBatch Batch(string number, int? month, decimal available) =>
        new(number, null, month is { } m ? new DateOnly(2027, m, 1) : null, available);

    [Fact]
    public void Batches_go_out_by_earliest_expiry_then_batch_number_and_those_without_expiry_last()
    {
        var ordered = Fefo.Order([Batch("B-9", null, 1m), Batch("B-3", 5, 1m), Batch("B-2", 3, 1m), Batch("B-1", 5, 1m), Batch("B-0", 1, 0m)]);

        ordered.Select(b => b.BatchNumber).ShouldBe(["B-2", "B-1", "B-3", "B-9"]);
    }

    [Fact]
    public void The_quantity_is_taken_from_the_first_batches_until_it_is_covered()
    {
        var suggestions = Fefo.Suggest([Batch("LATE", 6, 10m), Batch("EARLY", 2, 4m), Batch("MID", 4, 5m)], 7m);

        suggestions.Select(s => (s.Batch.BatchNumber, s.Take)).ShouldBe([("EARLY", 4m), ("MID", 3m), ("LATE", 0m)]);
    }

    [Fact]
    public void Without_a_quantity_every_batch_is_listed_and_nothing_taken()
    {
        Fefo.Suggest([Batch("A", 2, 4m), Batch("B", 1, 5m)], null).Select(s => (s.Batch.BatchNumber, s.Take)).ShouldBe([("B", 0m), ("A", 0m)]);
    }
}
