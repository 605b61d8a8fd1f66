using BenchmarkDotNet.Attributes;
using ErpSaaS.Inventory;

namespace ErpSaaS.Benchmarks.Micro;

/// <summary>
/// The in-process arithmetic every posting runs under the product lock: how much of a posting's time is C# valuation
/// (expected: nanoseconds per line, against milliseconds of round trips). Run with <c>etc/bench.sh --micro</c>.
/// </summary>
[MemoryDiagnoser]
public class ValuationMathBenchmarks
{
    private readonly (decimal Quantity, decimal? UnitCost)[] _movements = new (decimal, decimal?)[1_000];
    private readonly decimal[] _layerRemaining = new decimal[100];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261121);
        for (var i = 0; i < _movements.Length; i++)
        {
            _movements[i] = random.Next(3) == 0 ? (-random.Next(1, 20), null) : (random.Next(10, 200), Math.Round(10m + (decimal)random.NextDouble(), 4));
        }
        for (var i = 0; i < _layerRemaining.Length; i++) _layerRemaining[i] = random.Next(1, 50);
    }

    /// <summary>1,000 movements through a moving-average pool, as a 1,000-line posting values them.</summary>
    [Benchmark]
    public decimal MovingAverage1000Lines()
    {
        var pool = new ValuationPool(1_000m, 10_000m, 10m);
        foreach (var (quantity, unitCost) in _movements)
        {
            var value = StockValuationMath.MovingAverageValue(pool, quantity, unitCost);
            pool = StockValuationMath.After(pool, quantity, value, StockValuationMath.UnitCostOf(value, quantity, unitCost));
        }
        return pool.Value;
    }

    /// <summary>A FIFO issue that takes half of 100 open layers.</summary>
    [Benchmark]
    public decimal FifoIssueAcross100Layers()
    {
        var layers = _layerRemaining.Select((remaining, i) => new FifoLayer(Guid.Empty, remaining, 10m + i / 100m)).ToList();
        return StockValuationMath.FifoIssueValue(layers, _layerRemaining.Sum() / 2, 10m);
    }
}
