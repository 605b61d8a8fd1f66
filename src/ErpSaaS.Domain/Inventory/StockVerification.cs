using ErpSaaS.Identity;

namespace ErpSaaS.Inventory;

/// <summary>The company's verification runs.</summary>
public interface IStockVerificationRepository
{
    void Add(StockVerificationRun run);
}

/// <summary>Compares the kept stock figures with the ledger and records the result as a run (saved by the caller's unit of work).</summary>
public sealed class StockVerification(IStockVerifier verifier, IStockVerificationRepository runs, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<StockVerificationRun> RunAsync(StockVerificationTrigger trigger, CancellationToken cancellationToken = default)
    {
        var comparison = await verifier.CompareAsync(cancellationToken);
        var run = new StockVerificationRun(trigger, clock.GetUtcNow(), currentUser.Id, comparison.CheckedRows, comparison.Differences);
        runs.Add(run);
        return run;
    }
}
