namespace ErpSaaS.Inventory;

/// <summary>What a comparison of the kept figures with the ledger found.</summary>
public sealed record StockComparison(int CheckedRows, IReadOnlyList<StockDifference> Differences);

/// <summary>
/// Compares every kept stock figure of the current company with what its source says: balances and warehouse totals
/// with the ledger's sums, pools with their ledger entries, reserved quantities with the open reservations, on order
/// and planned with the expected supplies. Reads only; <c>StockVerificationRun</c> records a result.
/// </summary>
public interface IStockVerifier
{
    Task<StockComparison> CompareAsync(CancellationToken cancellationToken = default);
}
