namespace ErpSaaS.Purchasing;

/// <summary>The arithmetic behind the supplier figures, kept in decimals so a rate reads the same on every machine.</summary>
public static class SupplierPerformanceMath
{
    /// <summary>part / whole in percent, two decimals; null when there is nothing to divide by.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0m ? null : decimal.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Population standard deviation / mean of the prices (0 = perfectly stable); null without prices or with a zero
    /// mean, where the ratio means nothing.
    /// </summary>
    public static decimal? CoefficientOfVariation(IReadOnlyList<decimal> prices)
    {
        if (prices.Count == 0) return null;
        var mean = prices.Sum() / prices.Count;
        if (mean == 0m) return null;
        var variance = prices.Sum(p => (p - mean) * (p - mean)) / prices.Count;
        return (decimal)Math.Sqrt((double)variance) / mean;
    }
}
