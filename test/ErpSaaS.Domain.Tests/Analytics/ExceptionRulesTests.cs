using ErpSaaS.Analytics;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Analytics;

public sealed class ExceptionRulesTests
{
    [Fact]
    public void The_average_weighs_each_price_by_its_quantity()
    {
        ExceptionRules.WeightedAverage([(5m, 10m), (5m, 10m), (7m, 10m)])!.Value.ShouldBe(170m / 30m);
        ExceptionRules.WeightedAverage([(3m, 1m), (6m, 2m)]).ShouldBe(5m);
        ExceptionRules.WeightedAverage([]).ShouldBeNull();
    }

    [Fact]
    public void A_price_is_an_exception_only_strictly_above_the_threshold()
    {
        ExceptionRules.PercentAbove(7m, 170m / 30m).ShouldBe(23.53m);
        ExceptionRules.PercentAbove(4m, 5m).ShouldBe(-20.00m);
        ExceptionRules.PercentAbove(1m, 0m).ShouldBeNull();
        ExceptionRules.Exceeds(10.01m, 10m).ShouldBeTrue();
        ExceptionRules.Exceeds(10.00m, 10m).ShouldBeFalse();
        ExceptionRules.Exceeds(null, 0m).ShouldBeFalse();
    }
}
