using System.Globalization;
using System.Text;
using ErpSaaS.Benchmarks.Dataset;

namespace ErpSaaS.Benchmarks.Measurement;

/// <summary>The results as a markdown section: conditions (scale, machine, load), the table, then what each figure means.</summary>
public static class ResultsReport
{
    public static string Render(BenchCompany company, IReadOnlyList<ScenarioResult> results, string loadBefore, string loadAfter, string? commit, TimeSpan elapsed)
    {
        var shape = company.Shape;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Stock benchmarks, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Scale {shape.Scale.ToString(CultureInfo.InvariantCulture)} (seed {company.Seed}, database `{company.DatabaseName}`): {shape.StockedProducts:N0} stocked of "
            + $"{shape.CatalogProducts:N0} products, {shape.Warehouses} warehouses, {shape.LedgerEntries:N0} generated ledger entries. "
            + $"{Environment.ProcessorCount} cores; load average {loadBefore} before, {loadAfter} after; "
            + $"{(commit is null ? "" : $"commit {commit}; ")}{elapsed.TotalMinutes:F1} min.");
        text.AppendLine();
        text.AppendLine("| scenario | figure | target | raw baseline | ratio | met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Figure} | {r.Target} | {r.Baseline ?? "–"} | {r.Ratio ?? "–"} | {(r.Met ? "yes" : "**no**")} |");
        }
        text.AppendLine();
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Scenario}**: {string.Join(" ", r.Details)}");
        }
        return text.ToString();
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} / {fields[1]} / {fields[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
