using ErpSaaS.Inventory;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Inventory;

public sealed class StockValuationMathTests
{
    [Fact]
    public void An_issue_moves_at_the_average_rounded_to_the_cent_and_the_last_units_take_what_is_left()
    {
        var pool = new ValuationPool(3m, 10.00m, 3.333333m);

        StockValuationMath.MovingAverageValue(pool, -1m, null).ShouldBe(-3.33m);
        StockValuationMath.MovingAverageValue(pool with { Quantity = 1m, Value = 3.34m }, -1m, null).ShouldBe(-3.34m);
        StockValuationMath.MovingAverageValue(pool, -3m, null).ShouldBe(-10.00m);
    }

    [Fact]
    public void A_receipt_with_a_cost_adds_quantity_times_cost_and_one_without_comes_in_at_the_average()
    {
        var pool = new ValuationPool(8m, 90.00m, 11.25m);

        StockValuationMath.MovingAverageValue(pool, 2m, 12.345m).ShouldBe(24.69m);
        StockValuationMath.MovingAverageValue(pool, 2m, null).ShouldBe(22.50m);
    }

    [Fact]
    public void An_empty_or_negative_pool_values_movements_at_the_last_unit_cost()
    {
        var empty = new ValuationPool(0m, 0m, 4.5m);

        StockValuationMath.MovingAverageValue(empty, -2m, null).ShouldBe(-9.00m);
        StockValuationMath.MovingAverageValue(empty with { Quantity = -2m, Value = -9m }, 1m, null).ShouldBe(4.50m);
    }

    [Fact]
    public void Money_rounds_half_away_from_zero_as_postgresql_does()
    {
        StockValuationMath.Money(2.345m).ShouldBe(2.35m);
        StockValuationMath.Money(-2.345m).ShouldBe(-2.35m);
        StockValuationMath.Money(2.335m).ShouldBe(2.34m);
    }

    [Fact]
    public void A_fifo_issue_takes_the_oldest_layers_first_and_costs_what_no_layer_covers_at_the_last_receipt_cost()
    {
        var oldest = new FifoLayer(Guid.NewGuid(), 70m, 10m);
        var newer = new FifoLayer(Guid.NewGuid(), 50m, 13m);

        var value = StockValuationMath.FifoIssueValue([oldest, newer], 80m, 13m);
        var left = (oldest.Remaining, newer.Remaining, oldest.IsChanged, newer.IsChanged);
        var beyond = StockValuationMath.FifoIssueValue([oldest, newer], 45m, 12.5m);

        value.ShouldBe(-830.00m);
        left.ShouldBe((0m, 40m, true, true));
        beyond.ShouldBe(-(40m * 13m + 5m * 12.5m));
        newer.Remaining.ShouldBe(0m);
    }

    [Fact]
    public void A_fifo_receipt_into_a_shortfall_first_makes_it_up()
    {
        StockValuationMath.FifoLayerRemaining(new ValuationPool(-3m, -30m, 10m), 10m).ShouldBe(7m);
        StockValuationMath.FifoLayerRemaining(new ValuationPool(-30m, -300m, 10m), 10m).ShouldBe(0m);
        StockValuationMath.FifoLayerRemaining(new ValuationPool(5m, 50m, 10m), 10m).ShouldBe(10m);
    }
}
