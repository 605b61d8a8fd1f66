using ErpSaaS.Inventory;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// The baseline for concurrent posting: the statements <c>StockLedger.PostAsync</c> sends for a forward posting of
/// moving-average products without bins or batches, sent with plain Npgsql and nothing else: one transaction, the
/// tenant set in it, round trip 1 locks the products in id order and locks (creating if missing) the pools, warehouse
/// totals and balances, the movements are valued with the same <see cref="StockValuationMath"/>, round trip 2 inserts
/// the entries and moves pools, totals and balances with the same conditional updates. What it leaves out is exactly
/// the application's share: scope and DbContext, the checks of products, warehouses, bins, plan and settings, EF's
/// transaction handling and the tenant interceptor. The SQL is copied from StockLedger and StockLocks (internal
/// there); when those change, change it here too.
/// </summary>
public sealed class RawStockPoster(NpgsqlDataSource app, Guid tenantId, Guid userId)
{
    /// <summary>Posts the movements; false when an issue would take stock below zero (refused, rolled back), as PostAsync refuses it.</summary>
    public async Task<bool> PostAsync(IReadOnlyList<StockMovement> movements, string sourceNumber, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var products = movements.Select(m => m.ProductId).Distinct().ToList();
        var levels = movements.Select(m => (m.ProductId, m.WarehouseId)).Distinct().ToList();
        var key = StockConsts.CompanyWide;

        await using var connection = await app.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = new Dictionary<Guid, ValuationPool>();
        var onHand = new Dictionary<(Guid, Guid), decimal>();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            Add(batch, "SELECT set_config('erp.tenant_id', @tenant_text, true)", ("tenant_text", tenantId.ToString()));
            Add(batch, "SELECT id FROM products WHERE tenant_id = @tenant AND id = ANY(@products) ORDER BY id FOR NO KEY UPDATE",
                ("tenant", tenantId), ("products", products.ToArray()));
            Add(batch, """
                INSERT INTO stock_valuations (id, tenant_id, product_id, valuation_key, quantity, value, last_unit_cost)
                SELECT k.id, @tenant, k.product_id, k.valuation_key, 0, 0, 0
                FROM unnest(@ids, @products, @keys) AS k(id, product_id, valuation_key)
                ORDER BY k.product_id, k.valuation_key
                ON CONFLICT (tenant_id, product_id, valuation_key) DO NOTHING
                """,
                ("tenant", tenantId), ("ids", products.Select(_ => Guid.CreateVersion7()).ToArray()), ("products", products.ToArray()),
                ("keys", products.Select(_ => key).ToArray()));
            Add(batch, """
                SELECT v.product_id, v.quantity, v.value, v.last_unit_cost
                FROM stock_valuations v
                WHERE v.tenant_id = @tenant AND (v.product_id, v.valuation_key) IN (SELECT * FROM unnest(@products, @keys))
                ORDER BY v.product_id, v.valuation_key
                FOR UPDATE
                """,
                ("tenant", tenantId), ("products", products.ToArray()), ("keys", products.Select(_ => key).ToArray()));
            Add(batch, """
                INSERT INTO stock_warehouse_balances (id, tenant_id, product_id, warehouse_id, on_hand, reserved, on_order, planned, updated_at)
                SELECT k.id, @tenant, k.product_id, k.warehouse_id, 0, 0, 0, 0, @now
                FROM unnest(@ids, @products, @warehouses) AS k(id, product_id, warehouse_id)
                ORDER BY k.product_id, k.warehouse_id
                ON CONFLICT (tenant_id, product_id, warehouse_id) DO NOTHING
                """,
                ("tenant", tenantId), ("now", now), ("ids", levels.Select(_ => Guid.CreateVersion7()).ToArray()),
                ("products", levels.Select(l => l.ProductId).ToArray()), ("warehouses", levels.Select(l => l.WarehouseId).ToArray()));
            Add(batch, """
                SELECT product_id, warehouse_id, on_hand, reserved FROM stock_warehouse_balances
                WHERE tenant_id = @tenant AND (product_id, warehouse_id) IN (SELECT * FROM unnest(@products, @warehouses))
                ORDER BY product_id, warehouse_id
                FOR UPDATE
                """,
                ("tenant", tenantId), ("products", levels.Select(l => l.ProductId).ToArray()), ("warehouses", levels.Select(l => l.WarehouseId).ToArray()));
            Add(batch, """
                INSERT INTO stock_balances (id, tenant_id, product_id, warehouse_id, location_id, batch_number, expiry_date, on_hand, reserved, value, updated_at)
                SELECT k.id, @tenant, k.product_id, k.warehouse_id, k.location_id, k.batch_number, NULL, 0, 0, 0, @now
                FROM unnest(@ids, @products, @warehouses, @locations, @batches) AS k(id, product_id, warehouse_id, location_id, batch_number)
                ORDER BY k.product_id, k.warehouse_id, k.location_id, k.batch_number
                ON CONFLICT (tenant_id, product_id, warehouse_id, location_id, batch_number) DO NOTHING
                """,
                ("tenant", tenantId), ("now", now), ("ids", levels.Select(_ => Guid.CreateVersion7()).ToArray()),
                ("products", levels.Select(l => l.ProductId).ToArray()), ("warehouses", levels.Select(l => l.WarehouseId).ToArray()),
                ("locations", levels.Select(_ => StockConsts.NoLocation).ToArray()), ("batches", levels.Select(_ => StockConsts.NoBatch).ToArray()));
            Add(batch, """
                SELECT product_id, warehouse_id, location_id, batch_number, on_hand, reserved FROM stock_balances
                WHERE tenant_id = @tenant AND (product_id, warehouse_id, location_id, batch_number) IN (SELECT * FROM unnest(@products, @warehouses, @locations, @batches))
                ORDER BY product_id, warehouse_id, location_id, batch_number
                FOR UPDATE
                """,
                ("tenant", tenantId), ("products", levels.Select(l => l.ProductId).ToArray()), ("warehouses", levels.Select(l => l.WarehouseId).ToArray()),
                ("locations", levels.Select(_ => StockConsts.NoLocation).ToArray()), ("batches", levels.Select(_ => StockConsts.NoBatch).ToArray()));

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken); // past set_config to the product locks
            while (await reader.ReadAsync(cancellationToken)) { }
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                state[reader.GetGuid(0)] = new ValuationPool(reader.GetDecimal(1), reader.GetDecimal(2), reader.GetDecimal(3));
            }
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) onHand[(reader.GetGuid(0), reader.GetGuid(1))] = reader.GetDecimal(2) - reader.GetDecimal(3);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) { } // the balance rows: without bins and batches they equal the totals here
        }

        // Dated once the locks are held, so the raw ledger stays in posting order and never needs revaluing (it cannot
        // revalue): a posting that waited behind another is not dated before it. PostAsync dates a posting by its
        // caller's clock reading, taken before the wait (see the out-of-order count in ConcurrentPostingScenario).
        var postedAt = DateTimeOffset.UtcNow;
        var entries = new List<(Guid Id, StockMovement Movement, decimal UnitCost, decimal Value, ValuationPool After)>();
        var valueDeltas = levels.ToDictionary(l => l, _ => 0m);
        var quantityDeltas = levels.ToDictionary(l => l, _ => 0m);
        foreach (var movement in movements)
        {
            var level = (movement.ProductId, movement.WarehouseId);
            if (movement.Quantity < 0m && onHand[level] + movement.Quantity < 0m)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
            var pool = state[movement.ProductId];
            var value = StockValuationMath.MovingAverageValue(pool, movement.Quantity, movement.UnitCost);
            var unitCost = StockValuationMath.UnitCostOf(value, movement.Quantity, movement.UnitCost);
            state[movement.ProductId] = StockValuationMath.After(pool, movement.Quantity, value, unitCost);
            onHand[level] += movement.Quantity;
            quantityDeltas[level] += movement.Quantity;
            valueDeltas[level] += value;
            entries.Add((Guid.CreateVersion7(), movement, unitCost, value, state[movement.ProductId]));
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            Add(batch, """
                WITH e AS (
                    SELECT * FROM unnest(@ids, @products, @warehouses, @locations, @batches, @expiries, @quantities, @unit_costs, @values, @costs_given, @keys,
                                         @quantities_after, @values_after, @lines)
                        WITH ORDINALITY AS e(id, product_id, warehouse_id, location_id, batch_number, expiry_date, quantity, unit_cost, value, is_cost_given, valuation_key,
                                             quantity_after, value_after, source_line, position)
                ),
                ledger AS (
                    INSERT INTO stock_ledger_entries (id, tenant_id, product_id, warehouse_id, location_id, batch_number, expiry_date, quantity,
                        is_cost_given, valuation_key, source_type, source_id, source_number, source_line, posted_at, created_at, user_id)
                    SELECT e.id, @tenant, e.product_id, e.warehouse_id, e.location_id, e.batch_number, e.expiry_date, e.quantity,
                        e.is_cost_given, e.valuation_key, @source_type, @source_id, @source_number, e.source_line, @posted_at, @now, @user
                    FROM e ORDER BY e.position
                )
                INSERT INTO stock_entry_valuations (id, tenant_id, unit_cost, value, quantity_after, value_after)
                SELECT e.id, @tenant, e.unit_cost, e.value, e.quantity_after, e.value_after FROM e
                """,
                ("tenant", tenantId), ("source_type", StockSourceTypes.Adjustment), ("source_id", Guid.NewGuid()), ("source_number", sourceNumber),
                ("posted_at", postedAt), ("now", postedAt), ("user", userId),
                ("ids", entries.Select(e => e.Id).ToArray()), ("products", entries.Select(e => e.Movement.ProductId).ToArray()),
                ("warehouses", entries.Select(e => e.Movement.WarehouseId).ToArray()), ("locations", entries.Select(_ => StockConsts.NoLocation).ToArray()),
                ("batches", entries.Select(_ => StockConsts.NoBatch).ToArray()),
                ("expiries", new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date, Value = entries.Select(_ => (DateOnly?)null).ToArray() }),
                ("quantities", entries.Select(e => e.Movement.Quantity).ToArray()), ("unit_costs", entries.Select(e => e.UnitCost).ToArray()),
                ("values", entries.Select(e => e.Value).ToArray()), ("costs_given", entries.Select(e => e.Movement.UnitCost is not null).ToArray()),
                ("keys", entries.Select(_ => key).ToArray()), ("quantities_after", entries.Select(e => e.After.Quantity).ToArray()),
                ("values_after", entries.Select(e => e.After.Value).ToArray()), ("lines", entries.Select(e => e.Movement.LineNumber).ToArray()));
            Add(batch, """
                UPDATE stock_valuations v SET quantity = u.quantity, value = u.value, last_unit_cost = u.last_unit_cost,
                    last_posted_at = GREATEST(v.last_posted_at, @posted_at)
                FROM unnest(@products, @keys, @quantities, @values, @costs) AS u(product_id, valuation_key, quantity, value, last_unit_cost)
                WHERE v.tenant_id = @tenant AND v.product_id = u.product_id AND v.valuation_key = u.valuation_key
                """,
                ("tenant", tenantId), ("posted_at", postedAt), ("products", products.ToArray()), ("keys", products.Select(_ => key).ToArray()),
                ("quantities", products.Select(p => state[p].Quantity).ToArray()), ("values", products.Select(p => state[p].Value).ToArray()),
                ("costs", products.Select(p => state[p].LastUnitCost).ToArray()));
            var totals = Add(batch, """
                UPDATE stock_warehouse_balances b SET on_hand = b.on_hand + u.delta, updated_at = @now
                FROM unnest(@products, @warehouses, @deltas) AS u(product_id, warehouse_id, delta)
                WHERE b.tenant_id = @tenant AND b.product_id = u.product_id AND b.warehouse_id = u.warehouse_id
                  AND (u.delta >= 0 OR @allow_negative OR b.on_hand + u.delta >= b.reserved)
                """,
                ("tenant", tenantId), ("now", now), ("allow_negative", false),
                ("products", levels.Select(l => l.ProductId).ToArray()), ("warehouses", levels.Select(l => l.WarehouseId).ToArray()),
                ("deltas", levels.Select(l => quantityDeltas[l]).ToArray()));
            var balances = Add(batch, """
                UPDATE stock_balances b SET on_hand = b.on_hand + u.delta, value = b.value + u.value_delta, updated_at = @now
                FROM unnest(@products, @warehouses, @locations, @batches, @deltas, @value_deltas) AS u(product_id, warehouse_id, location_id, batch_number, delta, value_delta)
                WHERE b.tenant_id = @tenant AND b.product_id = u.product_id AND b.warehouse_id = u.warehouse_id
                  AND b.location_id = u.location_id AND b.batch_number = u.batch_number
                  AND (u.delta >= 0 OR @allow_negative OR b.on_hand + u.delta >= b.reserved)
                """,
                ("tenant", tenantId), ("now", now), ("allow_negative", false),
                ("products", levels.Select(l => l.ProductId).ToArray()), ("warehouses", levels.Select(l => l.WarehouseId).ToArray()),
                ("locations", levels.Select(_ => StockConsts.NoLocation).ToArray()), ("batches", levels.Select(_ => StockConsts.NoBatch).ToArray()),
                ("deltas", levels.Select(l => quantityDeltas[l]).ToArray()), ("value_deltas", levels.Select(l => valueDeltas[l]).ToArray()));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            if (totals.RecordsAffected != levels.Count || balances.RecordsAffected != levels.Count)
            {
                throw new InvalidOperationException("A stock balance changed while its product was locked.");
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
        batch.BatchCommands.Add(command);
        return command;
    }
}
