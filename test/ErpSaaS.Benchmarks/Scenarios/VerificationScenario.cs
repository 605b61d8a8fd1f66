using System.Diagnostics;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// The nightly verification (<see cref="IStockVerifier.CompareAsync"/>): every kept figure against the sums of the
/// whole ledger, reservations and supplies of the company. The issue sets no target; it runs last, after the other
/// scenarios have posted, so its difference count (must be 0) is also the application's own verdict on them.
/// </summary>
public sealed class VerificationScenario(BenchRun run)
{
    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = run.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(run.Company.TenantId);
        using var user = sp.GetRequiredService<ICurrentUser>().Change(run.Company.AdminUserId, "admin");
        var clock = Stopwatch.StartNew();
        var comparison = await sp.GetRequiredService<IStockVerifier>().CompareAsync(cancellationToken);
        clock.Stop();
        run.Log.WriteLine($"Verification: {clock.Elapsed.TotalSeconds:F1} s, {comparison.CheckedRows:N0} kept rows, {comparison.Differences.Count} differences");
        var result = new ScenarioResult("Stock verification over the whole ledger (IStockVerifier)",
            $"{clock.Elapsed.TotalSeconds:F1} s; {comparison.Differences.Count} differences", "0 differences (no time target)", comparison.Differences.Count == 0);
        result.Details.Add($"IStockVerifier.CompareAsync once, after the other scenarios: {comparison.CheckedRows:N0} balances, totals and pools compared with the ledger, reservations and supplies.");
        return result;
    }
}
