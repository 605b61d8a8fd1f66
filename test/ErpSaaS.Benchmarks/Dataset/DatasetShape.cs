using System.Globalization;

namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>
/// How much data one company holds. Scale 1 is the issue's company: 50 k products with stock movements in 10
/// warehouses and 10 M ledger entries, one of the products with 1 M entries after the backdated receipt's date, and
/// 100 k products in the catalog for the reorder scan (the 50 k stocked ones and 50 k never received yet). Smaller
/// scales shrink every count but the warehouses and the hot products.
/// </summary>
public sealed record DatasetShape(double Scale, int StockedProducts, int CatalogProducts, int Warehouses, long LedgerEntries, int DeepLaterEntries, int HotProducts)
{
    /// <summary>Entries of the deep product before the backdated receipt's date (its opening and a few movements).</summary>
    public const int DeepEarlierEntries = 100;

    public static DatasetShape Of(double scale)
    {
        if (scale is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale is a fraction of the issue's company, in (0, 1].");
        return new DatasetShape(
            scale,
            StockedProducts: Math.Max(100, (int)(50_000 * scale)),
            CatalogProducts: Math.Max(200, (int)(100_000 * scale)),
            Warehouses: 10,
            LedgerEntries: Math.Max(20_000, (long)(10_000_000 * scale)),
            DeepLaterEntries: Math.Max(1_000, (int)(1_000_000 * scale)),
            HotProducts: 10);
    }

    /// <summary>Part of the database name: "s1", "s0_01".</summary>
    public string Tag => "s" + Scale.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', '_');
}
