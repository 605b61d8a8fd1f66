using System.Globalization;

namespace ErpSaaS.Benchmarks.Measurement;

/// <summary>Measured durations of one scenario, with the percentiles the targets are stated in.</summary>
public sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public IReadOnlyList<double> All => _milliseconds;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    /// <summary>Nearest-rank percentile: the smallest measurement that at least <paramref name="percent"/> % of them do not exceed.</summary>
    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Median => Percentile(50);
    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();
    public double Min => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Min();

    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count}, min {Min:F1} ms, p50 {Median:F1} ms, p95 {Percentile(95):F1} ms, max {Max:F1} ms");
}
