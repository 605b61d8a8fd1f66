namespace ErpSaaS.Benchmarks.Measurement;

/// <summary>
/// One line of the results table: the figure the issue asks for, its target, the raw baseline and ratio where the
/// issue asks for one, whether the target is met, and what exactly was measured (details for the report below the table).
/// </summary>
public sealed record ScenarioResult(string Scenario, string Figure, string Target, bool Met, string? Baseline = null, string? Ratio = null)
{
    public List<string> Details { get; } = [];
}
