using System.Globalization;
using System.Text;
using ErpSaaS.Benchmarks.Dataset;

namespace ErpSaaS.Benchmarks.Measurement;

/// <summary>The results as a markdown section: conditions (scale, machine, load), the table, then what each figure means.</summary>
public static class ResultsReport
{
    /// <summary>The conditions line of a stock run: the generated company's size.</summary>
    public static string Describe(BenchCompany company)
    {
        var shape = company.Shape;
        return string.Create(CultureInfo.InvariantCulture,
            $"Scale {shape.Scale} (seed {company.Seed}, database `{company.DatabaseName}`): {shape.StockedProducts:N0} stocked of "
            + $"{shape.CatalogProducts:N0} products, {shape.Warehouses} warehouses, {shape.LedgerEntries:N0} generated ledger entries.");
    }

    /// <summary>The conditions line of a sales run: the small company of the sales benchmark.</summary>
    public static string Describe(SalesCompany company) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Sales company (seed {company.Seed}, database `{company.DatabaseName}`): {SalesCompany.Products:N0} products of which {SalesCompany.HotProducts} hot, "
            + $"1 warehouse, {company.CustomerIds.Count} customers.");

    public static string Render(string title, IReadOnlyList<string> datasets, IReadOnlyList<ScenarioResult> results, string loadBefore, string loadAfter, string? commit, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{string.Join(" ", datasets)} {Environment.ProcessorCount} cores (shared with other builds and test runs); load average {loadBefore} before, {loadAfter} after; "
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
