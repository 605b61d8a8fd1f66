using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>
/// Posts stock movements: appends ledger entries, values them, and moves the balances, all in the caller's
/// transaction and in two round trips.
/// <para>
/// Concurrency: every stock write (posting, reservation) first locks the rows of the products it touches
/// (<c>products … ORDER BY id FOR NO KEY UPDATE</c>), always in id order, and only then reads and changes that
/// product's pools, warehouse totals and balances. Writers of one product therefore queue behind each other instead of
/// interleaving (no lost update, a consistent running valuation), and since every writer takes its product locks in
/// the same order at its start, two writers never wait for each other in a circle (no deadlock). The balance updates
/// are still conditional (<c>WHERE on_hand + delta &gt;= floor</c>) and their row counts checked, so a balance can
/// never be taken below its floor even if a future writer forgot the lock. Editing a product's master data waits for
/// running postings of it (the lock does not change the row's version, so such an edit still saves).
/// </para>
/// </summary>
internal sealed class StockLedger(
    ErpDbContext db, StockSql sql, IFeatureChecker features, ISettingStore settings, ICurrentUser currentUser, TimeProvider clock,
    StockRevaluation revaluation, IEnumerable<IStockArrivalHandler> arrivalHandlers) : IStockLedger
{
    /// <summary>Clocks of two machines disagree a little; a posting dated further ahead than this is a mistake.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A posting dated this little before the call was dated "now" by its caller (a document posted as it happens), not
    /// backdated on purpose: it may have to wait for its products' locks behind other postings, and the wait must not turn
    /// it into a backdated posting that revalues what those others just wrote.
    /// </summary>
    private static readonly TimeSpan CurrentWindow = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<PostedMovement>> PostAsync(StockPosting posting, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        StockPostingRules.CheckSource(posting);
        var now = clock.GetUtcNow();
        var postedAt = posting.PostedAt.ToUniversalTime();
        if (postedAt > now + FutureTolerance) throw BusinessException.ForField(nameof(StockPosting.PostedAt), InventoryErrorCodes.PostingInFuture);
        var movements = await CheckAsync(posting, cancellationToken);
        var options = await InventoryOptions.ReadAsync(settings, cancellationToken);

        var state = await LockAsync(tenantId, movements, options, now, cancellationToken);
        if (postedAt >= now - CurrentWindow) postedAt = AfterLock(postedAt, state);
        var entries = Value(movements, state, options, posting.MayTakeReservedStock, postedAt);
        await WriteAsync(tenantId, posting, postedAt, now, entries, state, options, cancellationToken);

        var backdated = state.Pools.Where(p => p.Value.LastPostedAt is { } last && postedAt < last).Select(p => p.Key).ToList();
        IReadOnlyList<PostedMovement> result = entries.Select(e => e.ToPosted()).ToList();
        if (backdated.Count > 0)
        {
            var revalued = await revaluation.RevalueAsync(tenantId, backdated.Select(k => (k.ProductId, k.ValuationKey)).ToList(), postedAt,
                entries.ToDictionary(e => e.Id, e => e.Value), cancellationToken);
            if (!options.AllowNegativeStock) RefuseNegativeHistory(backdated, revalued, entries);
            result = entries.Select(e => revalued.Entries.TryGetValue(e.Id, out var value)
                ? new PostedMovement(e.Movement.Movement.LineNumber, e.Id, e.Movement.Quantity, value.UnitCost, value.Value)
                : e.ToPosted()).ToList();
        }
        await AnnounceArrivalsAsync(posting, movements, cancellationToken);
        return result;
    }

    /// <summary>
    /// Stock that came in is announced while this posting still holds its products' locks, so whatever a handler
    /// promises on it (a back order's reservation) is decided in the same transaction and no other writer slips in between.
    /// </summary>
    private async Task AnnounceArrivalsAsync(StockPosting posting, IReadOnlyList<CheckedMovement> movements, CancellationToken cancellationToken)
    {
        var arrivals = movements.Where(m => m.Quantity > 0m).Select(m => new StockArrival(m.Product.Id, m.Warehouse.Id)).Distinct()
            .OrderBy(a => a.ProductId).ThenBy(a => a.WarehouseId).ToList();
        if (arrivals.Count == 0) return;
        foreach (var handler in arrivalHandlers) await handler.ArrivedAsync(posting.SourceType, posting.SourceNumber, arrivals, cancellationToken);
    }

    /// <summary>
    /// A current posting that was overtaken while it waited for the locks is dated when it got them, and never before the
    /// latest entry of its pools (clocks of two machines disagree a little), so each pool's history stays in posting order.
    /// </summary>
    private DateTimeOffset AfterLock(DateTimeOffset postedAt, LockedState state)
    {
        var latest = state.Pools.Values.Max(p => p.LastPostedAt);
        if (latest is not { } last || last <= postedAt) return postedAt;
        var locked = clock.GetUtcNow();
        return locked > last ? locked : last;
    }

    /// <summary>
    /// A backdated issue must have had the stock at its time, and must leave enough for every later issue: the pool's
    /// running quantity may not dip below zero anywhere after it (refused like any other shortage, and rolled back).
    /// </summary>
    private static void RefuseNegativeHistory(IReadOnlyList<PoolKey> pools, RevaluationResult revalued, List<EntryToWrite> entries)
    {
        foreach (var pool in pools)
        {
            var lowest = revalued.LowestQuantity[(pool.ProductId, pool.ValuationKey)];
            if (lowest >= 0m) continue;
            var issues = entries.Where(e => e.Movement.Product.Id == pool.ProductId && e.ValuationKey == pool.ValuationKey && e.Movement.Quantity < 0m).ToList();
            var first = issues.FirstOrDefault() ?? entries.First(e => e.Movement.Product.Id == pool.ProductId && e.ValuationKey == pool.ValuationKey);
            var requested = -issues.Sum(e => e.Movement.Quantity);
            throw BusinessException.ForField(StockPostingRules.Field(first.Movement.Index, nameof(StockMovement.Quantity)), InventoryErrorCodes.InsufficientStock,
                first.Movement.Product.Code, first.Movement.Warehouse.Code, Math.Max(0m, requested + lowest), requested);
        }
    }

    private async Task<IReadOnlyList<CheckedMovement>> CheckAsync(StockPosting posting, CancellationToken cancellationToken)
    {
        var productIds = posting.Movements.Select(m => m.ProductId).Distinct().ToList();
        var warehouseIds = posting.Movements.Select(m => m.WarehouseId).Distinct().ToList();
        var locationIds = posting.Movements.Where(m => m.LocationId is not null).Select(m => m.LocationId!.Value).Distinct().ToList();
        var products = await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var locations = locationIds.Count == 0
            ? new Dictionary<Guid, WarehouseLocation>()
            : await db.WarehouseLocations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var batchesEnabled = await features.IsEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken);
        return StockPostingRules.Check(posting, products, warehouses, locations, batchesEnabled);
    }

    private async Task<LockedState> LockAsync(Guid tenantId, IReadOnlyList<CheckedMovement> movements, InventoryOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var products = movements.Select(m => m.Product).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var pools = movements.Select(m => new PoolKey(m.Product.Id, options.ValuationKeyOf(m.Warehouse.Id))).Distinct().ToList();
        var levels = movements.Select(m => new LevelKey(m.Product.Id, m.Warehouse.Id)).Distinct().ToList();
        var balances = movements.GroupBy(m => new BalanceKey(m.Product.Id, m.Warehouse.Id, m.LocationKey, m.BatchKey))
            .Select(g => (Key: g.Key, Expiry: g.Select(m => m.ExpiryDate).FirstOrDefault(d => d is not null))).ToList();
        var fifoPools = pools.Where(p => products[p.ProductId].ValuationMethod == ValuationMethod.Fifo).ToList();

        await using var batch = await sql.BatchAsync(cancellationToken);
        batch.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", products.Keys));
        batch.Add("""
            INSERT INTO stock_valuations (id, tenant_id, product_id, valuation_key, quantity, value, last_unit_cost)
            SELECT k.id, @tenant, k.product_id, k.valuation_key, 0, 0, k.cost
            FROM unnest(@ids, @products, @keys, @costs) AS k(id, product_id, valuation_key, cost)
            ORDER BY k.product_id, k.valuation_key
            ON CONFLICT (tenant_id, product_id, valuation_key) DO NOTHING
            """,
            StockSql.Value("tenant", tenantId), StockSql.Uuids("ids", pools.Select(_ => Guid.CreateVersion7())),
            StockSql.Uuids("products", pools.Select(p => p.ProductId)), StockSql.Uuids("keys", pools.Select(p => p.ValuationKey)),
            StockSql.Numerics("costs", pools.Select(p => products[p.ProductId].StandardCost)));
        batch.Add("""
            SELECT v.product_id, v.valuation_key, v.quantity, v.value, v.last_unit_cost, v.last_posted_at
            FROM stock_valuations v
            WHERE v.tenant_id = @tenant AND (v.product_id, v.valuation_key) IN (SELECT * FROM unnest(@products, @keys))
            ORDER BY v.product_id, v.valuation_key
            FOR UPDATE
            """,
            StockSql.Value("tenant", tenantId), StockSql.Uuids("products", pools.Select(p => p.ProductId)), StockSql.Uuids("keys", pools.Select(p => p.ValuationKey)));
        StockLocks.AddLevels(batch, tenantId, levels.Select(l => (l.ProductId, l.WarehouseId)).ToList(), now);
        batch.Add("""
            SELECT product_id, warehouse_id, on_hand, reserved FROM stock_warehouse_balances
            WHERE tenant_id = @tenant AND (product_id, warehouse_id) IN (SELECT * FROM unnest(@products, @warehouses))
            ORDER BY product_id, warehouse_id
            FOR UPDATE
            """,
            StockSql.Value("tenant", tenantId), StockSql.Uuids("products", levels.Select(l => l.ProductId)), StockSql.Uuids("warehouses", levels.Select(l => l.WarehouseId)));
        StockLocks.AddBalances(batch, tenantId, balances.Select(b => (b.Key.ProductId, b.Key.WarehouseId, b.Key.LocationId, b.Key.BatchNumber, b.Expiry)).ToList(), now);
        batch.Add("""
            SELECT product_id, warehouse_id, location_id, batch_number, on_hand, reserved FROM stock_balances
            WHERE tenant_id = @tenant AND (product_id, warehouse_id, location_id, batch_number) IN (SELECT * FROM unnest(@products, @warehouses, @locations, @batches))
            ORDER BY product_id, warehouse_id, location_id, batch_number
            FOR UPDATE
            """,
            StockSql.Value("tenant", tenantId), StockSql.Uuids("products", balances.Select(b => b.Key.ProductId)),
            StockSql.Uuids("warehouses", balances.Select(b => b.Key.WarehouseId)), StockSql.Uuids("locations", balances.Select(b => b.Key.LocationId)),
            StockSql.Texts("batches", balances.Select(b => b.Key.BatchNumber)));
        if (fifoPools.Count > 0)
        {
            batch.Add("""
                SELECT id, product_id, valuation_key, remaining, unit_cost FROM stock_cost_layers
                WHERE tenant_id = @tenant AND remaining > 0 AND (product_id, valuation_key) IN (SELECT * FROM unnest(@products, @keys))
                ORDER BY product_id, valuation_key, posted_at, sequence
                """,
                StockSql.Value("tenant", tenantId), StockSql.Uuids("products", fifoPools.Select(p => p.ProductId)), StockSql.Uuids("keys", fifoPools.Select(p => p.ValuationKey)));
        }

        var state = new LockedState();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        // Results come in statement order; INSERTs return no rows and are skipped by NextResult.
        while (await reader.ReadAsync(cancellationToken)) { } // the product locks
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new PoolKey(reader.GetGuid(0), reader.GetGuid(1));
            var method = products[key.ProductId].ValuationMethod;
            state.Pools[key] = new PoolState(method, new ValuationPool(reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4)),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            state.Levels[new LevelKey(reader.GetGuid(0), reader.GetGuid(1))] = new QuantityState(reader.GetDecimal(2), reader.GetDecimal(3));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            state.Balances[new BalanceKey(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3))] = new QuantityState(reader.GetDecimal(4), reader.GetDecimal(5));
        }
        if (fifoPools.Count > 0)
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                state.Pools[new PoolKey(reader.GetGuid(1), reader.GetGuid(2))].Layers.Add(new FifoLayer(reader.GetGuid(0), reader.GetDecimal(3), reader.GetDecimal(4)));
            }
        }
        return state;
    }

    /// <summary>
    /// Values each movement in the order given against the locked state and checks the floors: an issue may not take a
    /// balance below what it holds reserved (or below zero when <paramref name="mayTakeReserved"/>), neither for its
    /// bin and batch nor for the warehouse, unless the company allows negative stock.
    /// </summary>
    private static List<EntryToWrite> Value(IReadOnlyList<CheckedMovement> movements, LockedState state, InventoryOptions options, bool mayTakeReserved, DateTimeOffset postedAt)
    {
        var entries = new List<EntryToWrite>(movements.Count);
        foreach (var movement in movements)
        {
            var quantity = movement.Quantity;
            var level = state.Levels[new LevelKey(movement.Product.Id, movement.Warehouse.Id)];
            var balanceKey = new BalanceKey(movement.Product.Id, movement.Warehouse.Id, movement.LocationKey, movement.BatchKey);
            var balance = state.Balances[balanceKey];
            if (quantity < 0m && !options.AllowNegativeStock)
            {
                var balanceRoom = balance.OnHand - (mayTakeReserved ? 0m : balance.Reserved);
                var warehouseRoom = level.OnHand - (mayTakeReserved ? 0m : level.Reserved);
                if (balanceRoom + quantity < 0m || warehouseRoom + quantity < 0m)
                {
                    throw BusinessException.ForField(StockPostingRules.Field(movement.Index, nameof(StockMovement.Quantity)), InventoryErrorCodes.InsufficientStock,
                        movement.Product.Code, movement.Warehouse.Code, Math.Max(0m, Math.Min(balanceRoom, warehouseRoom)), -quantity);
                }
            }
            level.Change(quantity, 0m);
            var poolKey = new PoolKey(movement.Product.Id, options.ValuationKeyOf(movement.Warehouse.Id));
            var pool = state.Pools[poolKey];
            var id = Guid.CreateVersion7();
            var givenCost = movement.Movement.UnitCost;
            decimal value, unitCost;
            decimal? layerRemaining = null;
            if (pool.Method == ValuationMethod.MovingAverage)
            {
                value = StockValuationMath.MovingAverageValue(pool.Pool, quantity, givenCost);
                unitCost = StockValuationMath.UnitCostOf(value, quantity, givenCost);
                pool.Pool = StockValuationMath.After(pool.Pool, quantity, value, unitCost);
            }
            else if (quantity > 0m)
            {
                unitCost = givenCost ?? pool.Pool.LastUnitCost;
                value = StockValuationMath.Money(quantity * unitCost);
                layerRemaining = StockValuationMath.FifoLayerRemaining(pool.Pool, quantity);
                pool.Layers.Add(new FifoLayer(id, layerRemaining.Value, unitCost));
                pool.Pool = StockValuationMath.After(pool.Pool, quantity, value, unitCost);
            }
            else
            {
                value = StockValuationMath.FifoIssueValue(pool.Layers, -quantity, pool.Pool.LastUnitCost);
                unitCost = StockValuationMath.UnitCostOf(value, quantity, null);
                pool.Pool = StockValuationMath.After(pool.Pool, quantity, value, unitCost, updatesLastCost: false);
            }
            pool.IsChanged = true;
            balance.Change(quantity, value);
            entries.Add(new EntryToWrite(id, movement, poolKey.ValuationKey, unitCost, value, givenCost is not null, pool.Pool.Quantity, pool.Pool.Value, layerRemaining));
        }
        return entries;
    }

    private async Task WriteAsync(
        Guid tenantId, StockPosting posting, DateTimeOffset postedAt, DateTimeOffset now, List<EntryToWrite> entries, LockedState state,
        InventoryOptions options, CancellationToken cancellationToken)
    {
        await using var batch = await sql.BatchAsync(cancellationToken);
        batch.Add("""
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
            StockSql.Value("tenant", tenantId), StockSql.Value("source_type", posting.SourceType), StockSql.Value("source_id", posting.SourceId),
            StockSql.Value("source_number", posting.SourceNumber), StockSql.Value("posted_at", postedAt), StockSql.Value("now", now),
            StockSql.Value("user", currentUser.Id),
            StockSql.Uuids("ids", entries.Select(e => e.Id)), StockSql.Uuids("products", entries.Select(e => e.Movement.Product.Id)),
            StockSql.Uuids("warehouses", entries.Select(e => e.Movement.Warehouse.Id)), StockSql.Uuids("locations", entries.Select(e => e.Movement.LocationKey)),
            StockSql.Texts("batches", entries.Select(e => e.Movement.BatchKey)),
            StockSql.Array("expiries", entries.Select(e => e.Movement.ExpiryDate), NpgsqlDbType.Date),
            StockSql.Numerics("quantities", entries.Select(e => e.Movement.Quantity)), StockSql.Numerics("unit_costs", entries.Select(e => e.UnitCost)),
            StockSql.Numerics("values", entries.Select(e => e.Value)), StockSql.Array("costs_given", entries.Select(e => e.IsCostGiven), NpgsqlDbType.Boolean),
            StockSql.Uuids("keys", entries.Select(e => e.ValuationKey)), StockSql.Numerics("quantities_after", entries.Select(e => e.QuantityAfter)),
            StockSql.Numerics("values_after", entries.Select(e => e.ValueAfter)),
            StockSql.Array("lines", entries.Select(e => e.Movement.Movement.LineNumber), NpgsqlDbType.Integer));

        var newLayers = entries.Where(e => e.LayerRemaining is not null).ToList();
        if (newLayers.Count > 0)
        {
            batch.Add("""
                INSERT INTO stock_cost_layers (id, tenant_id, product_id, valuation_key, posted_at, sequence, quantity, remaining, unit_cost)
                SELECT e.id, e.tenant_id, e.product_id, e.valuation_key, e.posted_at, e.sequence, e.quantity, l.remaining, v.unit_cost
                FROM stock_ledger_entries e JOIN unnest(@ids, @remaining) AS l(id, remaining) ON l.id = e.id
                JOIN stock_entry_valuations v ON v.id = e.id
                WHERE e.tenant_id = @tenant
                """,
                StockSql.Value("tenant", tenantId), StockSql.Uuids("ids", newLayers.Select(e => e.Id)), StockSql.Numerics("remaining", newLayers.Select(e => e.LayerRemaining!.Value)));
        }
        var newLayerIds = newLayers.Select(e => e.Id).ToHashSet();
        var consumed = state.Pools.Values.SelectMany(p => p.Layers).Where(l => l.IsChanged && !newLayerIds.Contains(l.Id)).ToList();
        var updatedNewLayers = state.Pools.Values.SelectMany(p => p.Layers).Where(l => l.IsChanged && newLayerIds.Contains(l.Id)).ToList();
        if (consumed.Count + updatedNewLayers.Count > 0)
        {
            // Layers taken by an issue; a layer received earlier in this very posting was inserted above with its first
            // remaining quantity and is brought to its final one here.
            batch.Add("""
                UPDATE stock_cost_layers l SET remaining = u.remaining
                FROM unnest(@ids, @remaining) AS u(id, remaining)
                WHERE l.tenant_id = @tenant AND l.id = u.id
                """,
                StockSql.Value("tenant", tenantId), StockSql.Uuids("ids", consumed.Concat(updatedNewLayers).Select(l => l.Id)),
                StockSql.Numerics("remaining", consumed.Concat(updatedNewLayers).Select(l => l.Remaining)));
        }

        var pools = state.Pools.Where(p => p.Value.IsChanged).ToList();
        batch.Add("""
            UPDATE stock_valuations v SET quantity = u.quantity, value = u.value, last_unit_cost = u.last_unit_cost,
                last_posted_at = GREATEST(v.last_posted_at, @posted_at)
            FROM unnest(@products, @keys, @quantities, @values, @costs) AS u(product_id, valuation_key, quantity, value, last_unit_cost)
            WHERE v.tenant_id = @tenant AND v.product_id = u.product_id AND v.valuation_key = u.valuation_key
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("posted_at", postedAt),
            StockSql.Uuids("products", pools.Select(p => p.Key.ProductId)), StockSql.Uuids("keys", pools.Select(p => p.Key.ValuationKey)),
            StockSql.Numerics("quantities", pools.Select(p => p.Value.Pool.Quantity)), StockSql.Numerics("values", pools.Select(p => p.Value.Pool.Value)),
            StockSql.Numerics("costs", pools.Select(p => p.Value.Pool.LastUnitCost)));

        var floorIsZero = posting.MayTakeReservedStock;
        var levels = state.Levels.Where(l => l.Value.IsChanged).ToList();
        var levelUpdate = batch.Add($"""
            UPDATE stock_warehouse_balances b SET on_hand = b.on_hand + u.delta, updated_at = @now
            FROM unnest(@products, @warehouses, @deltas) AS u(product_id, warehouse_id, delta)
            WHERE b.tenant_id = @tenant AND b.product_id = u.product_id AND b.warehouse_id = u.warehouse_id
              AND (u.delta >= 0 OR @allow_negative OR b.on_hand + u.delta >= {(floorIsZero ? "0" : "b.reserved")})
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("now", now), StockSql.Value("allow_negative", options.AllowNegativeStock),
            StockSql.Uuids("products", levels.Select(l => l.Key.ProductId)), StockSql.Uuids("warehouses", levels.Select(l => l.Key.WarehouseId)),
            StockSql.Numerics("deltas", levels.Select(l => l.Value.Delta)));
        var balances = state.Balances.Where(b => b.Value.IsChanged).ToList();
        var balanceUpdate = batch.Add($"""
            UPDATE stock_balances b SET on_hand = b.on_hand + u.delta, value = b.value + u.value_delta, updated_at = @now
            FROM unnest(@products, @warehouses, @locations, @batches, @deltas, @value_deltas) AS u(product_id, warehouse_id, location_id, batch_number, delta, value_delta)
            WHERE b.tenant_id = @tenant AND b.product_id = u.product_id AND b.warehouse_id = u.warehouse_id
              AND b.location_id = u.location_id AND b.batch_number = u.batch_number
              AND (u.delta >= 0 OR @allow_negative OR b.on_hand + u.delta >= {(floorIsZero ? "0" : "b.reserved")})
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("now", now), StockSql.Value("allow_negative", options.AllowNegativeStock),
            StockSql.Uuids("products", balances.Select(b => b.Key.ProductId)), StockSql.Uuids("warehouses", balances.Select(b => b.Key.WarehouseId)),
            StockSql.Uuids("locations", balances.Select(b => b.Key.LocationId)), StockSql.Texts("batches", balances.Select(b => b.Key.BatchNumber)),
            StockSql.Numerics("deltas", balances.Select(b => b.Value.Delta)), StockSql.Numerics("value_deltas", balances.Select(b => b.Value.ValueDelta)));
        await batch.ExecuteAsync(cancellationToken);
        if (levelUpdate.RecordsAffected != levels.Count || balanceUpdate.RecordsAffected != balances.Count)
        {
            // The checks above ran under the product locks, so this means a balance changed without taking them.
            throw new InvalidOperationException("A stock balance changed while its product was locked; the posting is rolled back.");
        }
    }

    private sealed record PoolKey(Guid ProductId, Guid ValuationKey);

    private sealed record LevelKey(Guid ProductId, Guid WarehouseId);

    private sealed record BalanceKey(Guid ProductId, Guid WarehouseId, Guid LocationId, string BatchNumber);

    private sealed class PoolState(ValuationMethod method, ValuationPool pool, DateTimeOffset? lastPostedAt)
    {
        public ValuationMethod Method { get; } = method;
        public ValuationPool Pool { get; set; } = pool;
        public DateTimeOffset? LastPostedAt { get; } = lastPostedAt;
        public List<FifoLayer> Layers { get; } = [];
        public bool IsChanged { get; set; }
    }

    private sealed class QuantityState(decimal onHand, decimal reserved)
    {
        public decimal OnHand { get; private set; } = onHand;
        public decimal Reserved { get; } = reserved;
        public decimal Delta { get; private set; }
        public decimal ValueDelta { get; private set; }
        public bool IsChanged { get; private set; }

        public void Change(decimal quantity, decimal value)
        {
            OnHand += quantity;
            Delta += quantity;
            ValueDelta += value;
            IsChanged = true;
        }
    }

    private sealed class LockedState
    {
        public Dictionary<PoolKey, PoolState> Pools { get; } = [];
        public Dictionary<LevelKey, QuantityState> Levels { get; } = [];
        public Dictionary<BalanceKey, QuantityState> Balances { get; } = [];
    }

    private sealed record EntryToWrite(
        Guid Id, CheckedMovement Movement, Guid ValuationKey, decimal UnitCost, decimal Value, bool IsCostGiven,
        decimal QuantityAfter, decimal ValueAfter, decimal? LayerRemaining)
    {
        public PostedMovement ToPosted() => new(Movement.Movement.LineNumber, Id, Movement.Quantity, UnitCost, Value);
    }
}
