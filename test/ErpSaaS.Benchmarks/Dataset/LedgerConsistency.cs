using Npgsql;

namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>Differences between the kept figures and the ledger's sums; all zero when the stock is consistent.</summary>
public sealed record LedgerDifferences(long Entries, long Balances, long WarehouseTotals, long Pools, long NegativeBalances)
{
    public bool IsConsistent => Balances == 0 && WarehouseTotals == 0 && Pools == 0;

    public override string ToString() =>
        $"{Entries:N0} entries; differences: balances {Balances}, warehouse totals {WarehouseTotals}, valuation pools {Pools}; negative balances {NegativeBalances}";
}

/// <summary>
/// The SUM check: every balance equals the sum of its ledger entries (quantity and value), every warehouse total the
/// sum of its balances, every valuation pool the sum of its entries and the running figures of its last entry. One
/// set-based statement per table, run as the owner with the company's tenant set (row-level security stays on).
/// </summary>
public static class LedgerConsistency
{
    private const string Sql = """
        WITH ledger_valued AS MATERIALIZED (
            SELECT e.product_id, e.valuation_key, e.quantity, e.posted_at, e.sequence, v.value, v.quantity_after, v.value_after
            FROM stock_ledger_entries e JOIN stock_entry_valuations v ON v.id = e.id WHERE e.tenant_id = @tenant
        ),
        ledger AS (
            SELECT e.product_id, e.warehouse_id, e.location_id, e.batch_number, sum(e.quantity) AS quantity, sum(v.value) AS value, count(*) AS entries
            FROM stock_ledger_entries e JOIN stock_entry_valuations v ON v.id = e.id WHERE e.tenant_id = @tenant GROUP BY 1, 2, 3, 4
        ),
        balance_differences AS (
            SELECT count(*) AS n FROM ledger l
            FULL JOIN (SELECT * FROM stock_balances WHERE tenant_id = @tenant) b USING (product_id, warehouse_id, location_id, batch_number)
            WHERE coalesce(l.quantity, 0) <> coalesce(b.on_hand, 0) OR coalesce(l.value, 0) <> coalesce(b.value, 0)
        ),
        total_differences AS (
            SELECT count(*) AS n FROM (SELECT product_id, warehouse_id, sum(on_hand) AS on_hand FROM stock_balances WHERE tenant_id = @tenant GROUP BY 1, 2) s
            FULL JOIN (SELECT * FROM stock_warehouse_balances WHERE tenant_id = @tenant) w USING (product_id, warehouse_id)
            WHERE coalesce(s.on_hand, 0) <> coalesce(w.on_hand, 0)
        ),
        pool_ledger AS (
            SELECT product_id, valuation_key, sum(quantity) AS quantity, sum(value) AS value
            FROM ledger_valued GROUP BY 1, 2
        ),
        last_entries AS (
            SELECT DISTINCT ON (product_id, valuation_key) product_id, valuation_key, quantity_after, value_after
            FROM ledger_valued
            ORDER BY product_id, valuation_key, posted_at DESC, sequence DESC
        ),
        pool_differences AS (
            SELECT count(*) AS n FROM pool_ledger l
            JOIN last_entries e USING (product_id, valuation_key)
            FULL JOIN (SELECT * FROM stock_valuations WHERE tenant_id = @tenant) v USING (product_id, valuation_key)
            WHERE coalesce(l.quantity, 0) <> coalesce(v.quantity, 0) OR coalesce(l.value, 0) <> coalesce(v.value, 0)
               OR e.quantity_after IS DISTINCT FROM v.quantity OR e.value_after IS DISTINCT FROM v.value
        )
        SELECT (SELECT sum(entries) FROM ledger), (SELECT n FROM balance_differences), (SELECT n FROM total_differences), (SELECT n FROM pool_differences),
               (SELECT count(*) FROM stock_balances WHERE tenant_id = @tenant AND on_hand < 0)
             + (SELECT count(*) FROM stock_warehouse_balances WHERE tenant_id = @tenant AND on_hand < 0)
        """;

    public static async Task<LedgerDifferences> CheckAsync(NpgsqlConnection owner, Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await owner.BeginTransactionAsync(cancellationToken);
        await using (var tenant = new NpgsqlCommand("SELECT set_config('erp.tenant_id', @tenant, true)", owner, transaction))
        {
            tenant.Parameters.AddWithValue("tenant", tenantId.ToString());
            await tenant.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(Sql, owner, transaction) { CommandTimeout = 1800 };
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerDifferences(
            reader.IsDBNull(0) ? 0 : (long)reader.GetDecimal(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
