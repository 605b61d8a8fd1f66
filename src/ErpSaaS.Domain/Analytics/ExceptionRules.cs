namespace ErpSaaS.Analytics;

/// <summary>The arithmetic behind the exceptions list, in decimals so a figure reads the same on every machine.</summary>
public static class ExceptionRules
{
    /// <summary>How far <paramref name="price"/> is above <paramref name="average"/>, in percent with two decimals; null without an average.</summary>
    public static decimal? PercentAbove(decimal price, decimal average) =>
        average <= 0m ? null : decimal.Round((price - average) / average * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>A figure is an exception only strictly above its threshold: exactly at the threshold is still fine.</summary>
    public static bool Exceeds(decimal? percent, decimal thresholdPercent) => percent is { } p && p > thresholdPercent;

    /// <summary>The quantity-weighted average of prices per base unit; null when there is no quantity.</summary>
    public static decimal? WeightedAverage(IEnumerable<(decimal Price, decimal Quantity)> lines)
    {
        decimal value = 0m, quantity = 0m;
        foreach (var (price, count) in lines)
        {
            value += price * count;
            quantity += count;
        }
        return quantity <= 0m ? null : value / quantity;
    }
}
