using ErpSaaS.Sales;
using Npgsql;

namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>
/// What a run of confirmations left, checked set-based as the owner with the company's tenant set (row-level security
/// stays on): per (product, warehouse) reserved beyond on hand (the oversold units, must be 0) or available below 0;
/// the warehouse totals' reserved quantity against the sum of their reservations; every line of a confirmed order
/// reserved exactly once at its quantity and no reservation left by an order that is not confirmed; and the SUM check
/// of the ledger against the balances (<see cref="LedgerConsistency"/>).
/// </summary>
public sealed record SalesStockCheck(
    long ConfirmedOrders, long OrdersInDraft, decimal HotReserved, long OverReservedLevels, decimal OversoldUnits, long NegativeAvailable,
    long ReservedMismatches, long UnreservedConfirmedLines, long StrayReservations, LedgerDifferences Ledger)
{
    public bool IsConsistent => OverReservedLevels == 0 && OversoldUnits == 0m && NegativeAvailable == 0 && ReservedMismatches == 0
                                && UnreservedConfirmedLines == 0 && StrayReservations == 0 && Ledger.IsConsistent && Ledger.NegativeBalances == 0;

    public override string ToString() =>
        $"{ConfirmedOrders:N0} orders confirmed, {OrdersInDraft:N0} left in draft (refused), hot products reserved {HotReserved:N0} of {SalesCompany.HotProducts * SalesCompany.HotStock:N0}; "
        + $"oversold units {OversoldUnits:N0} ({OverReservedLevels} levels reserved beyond on hand, {NegativeAvailable} with available < 0), "
        + $"reserved ≠ sum of reservations {ReservedMismatches}, confirmed lines not reserved at their quantity {UnreservedConfirmedLines}, "
        + $"reservations of unconfirmed orders {StrayReservations}; ledger {Ledger}";

    private const string Sql = """
        WITH reservations AS (
            SELECT product_id, warehouse_id, sum(quantity) AS quantity FROM stock_reservations WHERE tenant_id = @tenant GROUP BY 1, 2
        ),
        levels AS (SELECT * FROM stock_warehouse_balances WHERE tenant_id = @tenant)
        SELECT
            (SELECT count(*) FROM sales_orders WHERE tenant_id = @tenant AND status = 'Confirmed'),
            (SELECT count(*) FROM sales_orders WHERE tenant_id = @tenant AND status = 'Draft'),
            (SELECT coalesce(sum(w.reserved), 0) FROM levels w JOIN products p ON p.id = w.product_id WHERE p.tenant_id = @tenant AND p.code LIKE 'HOT-%'),
            (SELECT count(*) FROM levels WHERE reserved > on_hand),
            (SELECT coalesce(sum(reserved - on_hand), 0) FROM levels WHERE reserved > on_hand),
            (SELECT count(*) FROM levels WHERE on_hand - reserved < 0),
            (SELECT count(*) FROM levels w FULL JOIN reservations r USING (product_id, warehouse_id) WHERE coalesce(w.reserved, 0) <> coalesce(r.quantity, 0)),
            (SELECT count(*) FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
             LEFT JOIN stock_reservations s ON s.tenant_id = o.tenant_id AND s.source_type = @source_type AND s.source_id = o.id AND s.source_line = l.line_number
             WHERE o.tenant_id = @tenant AND o.status = 'Confirmed' AND (s.id IS NULL OR s.quantity <> l.base_quantity OR s.product_id <> l.product_id)),
            (SELECT count(*) FROM stock_reservations s LEFT JOIN sales_orders o ON o.tenant_id = s.tenant_id AND o.id = s.source_id
             WHERE s.tenant_id = @tenant AND s.source_type = @source_type AND (o.id IS NULL OR o.status <> 'Confirmed'))
        """;

    public static async Task<SalesStockCheck> RunAsync(NpgsqlDataSource owner, SalesCompany company, CancellationToken cancellationToken)
    {
        await using var connection = await owner.OpenConnectionAsync(cancellationToken);
        var ledger = await LedgerConsistency.CheckAsync(connection, company.TenantId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var tenant = new NpgsqlCommand("SELECT set_config('erp.tenant_id', @tenant, true)", connection, transaction))
        {
            tenant.Parameters.AddWithValue("tenant", company.TenantId.ToString());
            await tenant.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("tenant", company.TenantId);
        command.Parameters.AddWithValue("source_type", SalesConsts.OrderSource);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SalesStockCheck(reader.GetInt64(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetDecimal(4), reader.GetInt64(5),
            reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), ledger);
    }
}
