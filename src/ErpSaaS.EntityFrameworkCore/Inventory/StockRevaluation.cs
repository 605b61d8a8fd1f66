using ErpSaaS.Catalog;
using ErpSaaS.Inventory;
using ErpSaaS.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>
/// Revalues a valuation pool after a backdated posting: no lock on ledger rows (the product's lock, taken by the
/// posting, already keeps other writers out), and never a statement per entry.
/// <para>
/// Moving average: an entry's value depends on the pool's value and quantity before it, which depend on every entry
/// before that, so the pool's history is folded in posting order from the running figures of the last entry before
/// the backdated time, with exactly the arithmetic of a forward posting (<see cref="StockValuationMath"/>). One read
/// of the history (quantity and given cost of each later entry, in the order of the pool's index) feeds two folds at
/// once: the history as it was (which the balances hold) and as it is now, so each balance's value moves by the
/// difference of the two, whatever the entries' stored figures say. The pool's final figures, the balances' values
/// and the posted entries' own costs are exact when the posting returns. The per-entry figures of the later entries
/// are written in the same statement when there are at most <see cref="StockRevaluationOptions.EntriesRewrittenAtOnce"/>
/// of them; beyond that the pool is marked (<see cref="StockValuation.RevalueFrom"/>) and they are rewritten right
/// after the commit by <see cref="SettleAsync"/> (outbox), or by whatever reads them first: a million row updates
/// cost a late goods receipt many times what computing its figures does.
/// </para>
/// <para>
/// FIFO: think of every unit ever received as lying on one line, receipts one after the other in posting order
/// (receipt r covers (I[r−1], I[r]] with I the running received quantity), and of issues taking the line from its
/// start (issue i takes (O[i−1], O[i]] with O the running issued quantity). F(x), the cost of the first x units, is a
/// running sum over receipts; an issue costs F(b) − F(a) with a, b its interval clipped to what was received before
/// it (stock that was not there yet, with negative stock allowed, costs the last receipt's cost). Each point is matched
/// to the receipt covering it by sorting points and receipts together (window functions, no join on ranges), so the
/// whole pool is revalued in O(n log n) in one statement. A layer's remaining quantity is the part of its interval
/// beyond the total issued. Receipts without a given cost take the last given receipt cost (else the product's
/// standard cost), as a forward posting does. Only entries whose figures change are written, into their narrow
/// valuation rows (<c>stock_entry_valuations</c>, migration 0022); the balances' values move by the same differences.
/// </para>
/// </summary>
internal sealed class StockRevaluation(ErpDbContext db, StockSql sql, IOutbox outbox, IOptions<StockRevaluationOptions> options) : IStockRevaluations
{
    /// <summary>
    /// Revalues each pool; returns the lowest running quantity from <paramref name="from"/> on per pool, and the new unit
    /// cost and value of the posted entries (<paramref name="written"/>: their ids and the values the posting wrote).
    /// </summary>
    public async Task<RevaluationResult> RevalueAsync(
        Guid tenantId, IReadOnlyList<(Guid ProductId, Guid ValuationKey)> pools, DateTimeOffset from, IReadOnlyDictionary<Guid, decimal> written,
        CancellationToken cancellationToken)
    {
        var products = await ProductsAsync(pools.Select(p => p.ProductId), cancellationToken);
        var lowest = new Dictionary<(Guid ProductId, Guid ValuationKey), decimal>();
        var entries = new Dictionary<Guid, (decimal UnitCost, decimal Value)>();
        foreach (var (productId, key) in pools.Where(p => products[p.ProductId].ValuationMethod != ValuationMethod.Fifo))
        {
            var folded = await FoldMovingAverageAsync(tenantId, productId, key, products[productId].StandardCost, from, written, settling: false, cancellationToken);
            lowest[(productId, key)] = folded.Lowest;
            foreach (var (id, value) in folded.Posted) entries[id] = value;
        }
        var fifo = pools.Where(p => products[p.ProductId].ValuationMethod == ValuationMethod.Fifo).ToList();
        if (fifo.Count == 0) return new RevaluationResult(lowest, entries);
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            // The revaluation sorts the pool's history a few times: in memory rather than spilled to disk. And it joins
            // its results back to the valuations by id: right after a bulk load the planner's statistics may still call
            // the table tiny and pick a scan of it per row (quadratic); without sequential scans it takes the primary
            // key. Compiling the plan (JIT) took longer than a million-entry revaluation saves by it (~1.4 s measured).
            batch.Add("SET LOCAL work_mem = '128MB'");
            batch.Add("SET LOCAL enable_seqscan = off");
            batch.Add("SET LOCAL jit = off");
            // A late receipt for a product with a long history rewrites all of it; better slow than half done.
            batch.Timeout = 600;
            foreach (var (productId, key) in fifo)
            {
                batch.Add(FifoSql, StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
                    StockSql.Value("from", from), StockSql.Value("standard_cost", products[productId].StandardCost));
            }
            batch.Add("SELECT id, unit_cost, value FROM stock_entry_valuations WHERE tenant_id = @tenant AND id = ANY(@ids)",
                StockSql.Value("tenant", tenantId), StockSql.Uuids("ids", written.Keys));
            batch.Add("SET LOCAL work_mem TO DEFAULT");
            batch.Add("SET LOCAL enable_seqscan TO DEFAULT");
            batch.Add("SET LOCAL jit TO DEFAULT");
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var pool in fifo)
            {
                await reader.ReadAsync(cancellationToken);
                lowest[pool] = reader.IsDBNull(0) ? 0m : reader.GetDecimal(0);
                await reader.NextResultAsync(cancellationToken);
            }
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (!entries.ContainsKey(id)) entries[id] = (reader.GetDecimal(1), reader.GetDecimal(2));
            }
        }
        return new RevaluationResult(lowest, entries);
    }

    public async Task<int> SettleAsync(Guid? productId = null, CancellationToken cancellationToken = default)
    {
        var pending = db.StockValuations.AsNoTracking().Where(v => v.RevalueFrom != null);
        if (productId is { } id) pending = pending.Where(v => v.ProductId == id);
        if (!await pending.AnyAsync(cancellationToken)) return 0;
        if (db.Database.CurrentTransaction is not null) return await SettleInTransactionAsync(productId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settled = await SettleInTransactionAsync(productId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return settled;
    }

    private async Task<int> SettleInTransactionAsync(Guid? productId, CancellationToken cancellationToken)
    {
        // Not a change of the company's stock (the figures are what its postings already decided), so a company that has
        // become read-only still gets them: its pages read them.
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("Stock belongs to a tenant; the host has none.");
        if (!db.IsTenantFilterEnabled) throw new InvalidOperationException("Stock is revalued inside one tenant, never with the tenant filter lifted.");
        var pending = db.StockValuations.AsNoTracking().Where(v => v.RevalueFrom != null);
        if (productId is { } id) pending = pending.Where(v => v.ProductId == id);
        var productIds = await pending.Select(v => v.ProductId).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);
        if (productIds.Count == 0) return 0;
        // The products' locks, as a posting takes them (same order): no posting changes these pools meanwhile.
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", productIds));
            await batch.ExecuteAsync(cancellationToken);
        }
        // Read again under the locks: a concurrent settlement may have finished some of them while this one waited.
        var pools = await db.StockValuations.AsNoTracking().Where(v => v.RevalueFrom != null && productIds.Contains(v.ProductId))
            .Select(v => new { v.ProductId, v.ValuationKey, v.RevalueFrom }).ToListAsync(cancellationToken);
        var products = await ProductsAsync(productIds, cancellationToken);
        foreach (var pool in pools)
        {
            await FoldMovingAverageAsync(tenantId, pool.ProductId, pool.ValuationKey, products[pool.ProductId].StandardCost, pool.RevalueFrom!.Value,
                new Dictionary<Guid, decimal>(), settling: true, cancellationToken);
        }
        return pools.Count;
    }

    private async Task<Dictionary<Guid, (ValuationMethod ValuationMethod, decimal StandardCost)>> ProductsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var productIds = ids.Distinct().ToList();
        return await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ValuationMethod, p.StandardCost })
            .ToDictionaryAsync(p => p.Id, p => (p.ValuationMethod, p.StandardCost), cancellationToken);
    }

    /// <summary>
    /// Folds a moving-average pool from <paramref name="from"/> (or from where its pending revaluation starts, if
    /// earlier) to its end. Posting (<paramref name="settling"/> false): moves the balances' values by the difference
    /// between the history with and without the <paramref name="written"/> entries, sets the pool's figures, and writes
    /// the entries' figures or marks the pool. Settling: writes the pending entries' figures, which must end exactly at
    /// the pool's figures (those were set when the posting was made).
    /// </summary>
    private async Task<MovingAverageFold> FoldMovingAverageAsync(
        Guid tenantId, Guid productId, Guid key, decimal standardCost, DateTimeOffset from, IReadOnlyDictionary<Guid, decimal> written, bool settling,
        CancellationToken cancellationToken)
    {
        var limit = settling ? int.MaxValue : Math.Max(0, options.Value.EntriesRewrittenAtOnce);
        var fold = new MovingAverageFold();
        ValuationPool kept;
        DateTimeOffset start;
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Add("SET LOCAL jit = off");
            batch.Timeout = 600;
            batch.Add("""
                SELECT v.quantity, v.value, v.last_unit_cost, least(v.revalue_from, @from) FROM stock_valuations v
                WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key), StockSql.Value("from", from));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            kept = new ValuationPool(reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2));
            start = reader.GetFieldValue<DateTimeOffset>(3);
        }
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Timeout = 600;
            // Along the pool's index, whatever the statistics say: a million-entry range would otherwise tempt the
            // planner into a scan of the whole ledger and a sort of the range (measured twice as slow).
            batch.Add("SET LOCAL enable_seqscan = off");
            // The running figures of the last entry before the range (exact: only entries from a pool's pending start on
            // wait for theirs), then the range itself in posting order along the pool's index. Each entry's given cost
            // is looked up by id (a lateral lookup the planner may not turn into a hash join over every company's
            // valuations); the balance it belongs to only where its value can change (no given cost).
            batch.Add("""
                SELECT v.quantity_after, v.value_after, v.unit_cost
                FROM stock_ledger_entries e JOIN stock_entry_valuations v ON v.id = e.id
                WHERE e.tenant_id = @tenant AND e.product_id = @product AND e.valuation_key = @key AND e.posted_at < @from
                ORDER BY e.posted_at DESC, e.sequence DESC LIMIT 1
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key), StockSql.Value("from", start));
            batch.Add("""
                SELECT e.id, e.quantity, CASE WHEN e.is_cost_given THEN (SELECT v.unit_cost FROM stock_entry_valuations v WHERE v.id = e.id) END,
                       e.posted_at, e.warehouse_id, e.location_id, e.batch_number
                FROM stock_ledger_entries e
                WHERE e.tenant_id = @tenant AND e.product_id = @product AND e.valuation_key = @key AND e.posted_at >= @from
                ORDER BY e.posted_at, e.sequence
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key), StockSql.Value("from", start));
            batch.Add("SET LOCAL enable_seqscan TO DEFAULT");
            batch.Add("SET LOCAL jit TO DEFAULT");
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var before = await reader.ReadAsync(cancellationToken)
                ? new ValuationPool(reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2))
                : new ValuationPool(0m, 0m, standardCost);
            await reader.NextResultAsync(cancellationToken);
            fold.Start(before, limit);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                var quantity = reader.GetDecimal(1);
                decimal? givenCost = reader.IsDBNull(2) ? null : reader.GetDecimal(2);
                var postedAt = reader.GetFieldValue<DateTimeOffset>(3);
                BalanceKey? balance = givenCost is null || written.ContainsKey(id)
                    ? new BalanceKey(reader.GetGuid(4), reader.GetGuid(5), reader.GetString(6))
                    : null;
                fold.Add(id, quantity, givenCost, postedAt >= from, balance, written.TryGetValue(id, out var writtenValue) ? writtenValue : null);
            }
        }

        // The quantity does not depend on the order of the entries: a different sum means the fold read another history.
        if (fold.Now.Quantity != kept.Quantity || (settling && fold.Now.Value != kept.Value))
        {
            throw new InvalidOperationException(
                $"Revaluing pool {productId}/{key} from {start:O} ended at {fold.Now.Quantity} / {fold.Now.Value}, the pool holds {kept.Quantity} / {kept.Value}.");
        }
        var pending = fold.Rewritten is null;
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Timeout = 600;
            if (!settling)
            {
                var moved = fold.BalanceDeltas.Where(d => d.Value != 0m).ToList();
                if (moved.Count > 0)
                {
                    batch.Add("""
                        UPDATE stock_balances b SET value = b.value + u.delta
                        FROM unnest(@warehouses, @locations, @batches, @deltas) AS u(warehouse_id, location_id, batch_number, delta)
                        WHERE b.tenant_id = @tenant AND b.product_id = @product
                          AND b.warehouse_id = u.warehouse_id AND b.location_id = u.location_id AND b.batch_number = u.batch_number
                        """,
                        StockSql.Value("tenant", tenantId), StockSql.Value("product", productId),
                        StockSql.Uuids("warehouses", moved.Select(m => m.Key.WarehouseId)), StockSql.Uuids("locations", moved.Select(m => m.Key.LocationId)),
                        StockSql.Texts("batches", moved.Select(m => m.Key.BatchNumber)), StockSql.Numerics("deltas", moved.Select(m => m.Value)));
                }
            }
            batch.Add("""
                UPDATE stock_valuations v SET quantity = @quantity, value = @value, last_unit_cost = @cost, revalue_from = @pending
                WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
                StockSql.Value("quantity", fold.Now.Quantity), StockSql.Value("value", fold.Now.Value), StockSql.Value("cost", fold.Now.LastUnitCost),
                new NpgsqlParameter<DateTimeOffset?>("pending", pending ? start : null));
            if (fold.Rewritten is { Count: > 0 } rows)
            {
                // Only the figures that differ are written (a settlement after a small change leaves most rows alone).
                batch.Add("""
                    UPDATE stock_entry_valuations v
                    SET unit_cost = u.unit_cost, value = u.value, quantity_after = u.quantity_after, value_after = u.value_after
                    FROM unnest(@ids, @unit_costs, @values, @quantities_after, @values_after) AS u(id, unit_cost, value, quantity_after, value_after)
                    WHERE v.tenant_id = @tenant AND v.id = u.id
                      AND (v.unit_cost, v.value, v.quantity_after, v.value_after) IS DISTINCT FROM (u.unit_cost, u.value, u.quantity_after, u.value_after)
                    """,
                    StockSql.Value("tenant", tenantId), StockSql.Uuids("ids", rows.Select(r => r.Id)),
                    StockSql.Numerics("unit_costs", rows.Select(r => r.UnitCost)), StockSql.Numerics("values", rows.Select(r => r.Value)),
                    StockSql.Numerics("quantities_after", rows.Select(r => r.QuantityAfter)), StockSql.Numerics("values_after", rows.Select(r => r.ValueAfter)));
            }
            await batch.ExecuteAsync(cancellationToken);
        }
        if (pending && !settling) outbox.Enqueue(IStockRevaluations.OutboxType, new StockRevaluationMessage(productId));
        return fold;
    }

    private sealed record BalanceKey(Guid WarehouseId, Guid LocationId, string BatchNumber);

    private sealed record RewrittenEntry(Guid Id, decimal UnitCost, decimal Value, decimal QuantityAfter, decimal ValueAfter);

    /// <summary>
    /// The two folds over one read of the history: <see cref="Now"/> with every entry, <see cref="Before"/> without the
    /// entries just posted (the history the balances hold). Keeps each entry's new figures while there are at most
    /// the limit of them (<see cref="Rewritten"/> is null beyond it).
    /// </summary>
    private sealed class MovingAverageFold
    {
        private int _limit;

        public ValuationPool Now { get; private set; }
        public ValuationPool Before { get; private set; }
        public decimal Lowest { get; private set; }
        public Dictionary<BalanceKey, decimal> BalanceDeltas { get; } = [];
        public Dictionary<Guid, (decimal UnitCost, decimal Value)> Posted { get; } = [];
        public List<RewrittenEntry>? Rewritten { get; private set; } = [];

        public void Start(ValuationPool pool, int limit)
        {
            Now = pool;
            Before = pool;
            _limit = limit;
        }

        /// <param name="written">The value the posting wrote for one of its own entries; null for entries already there.</param>
        public void Add(Guid id, decimal quantity, decimal? givenCost, bool fromOn, BalanceKey? balance, decimal? written)
        {
            var value = StockValuationMath.MovingAverageValue(Now, quantity, givenCost);
            var unitCost = StockValuationMath.UnitCostOf(value, quantity, givenCost);
            Now = StockValuationMath.After(Now, quantity, value, unitCost);
            if (fromOn && Now.Quantity < Lowest) Lowest = Now.Quantity;
            decimal was;
            if (written is { } posted)
            {
                was = posted;
                Posted[id] = (unitCost, value);
            }
            else
            {
                was = StockValuationMath.MovingAverageValue(Before, quantity, givenCost);
                Before = StockValuationMath.After(Before, quantity, was, StockValuationMath.UnitCostOf(was, quantity, givenCost));
            }
            if (balance is not null && value != was) BalanceDeltas[balance] = BalanceDeltas.GetValueOrDefault(balance) + (value - was);
            if (Rewritten is null) return;
            if (Rewritten.Count >= _limit)
            {
                Rewritten = null;
                return;
            }
            Rewritten.Add(new RewrittenEntry(id, unitCost, value, Now.Quantity, Now.Value));
        }
    }

    // The tail both methods share: write what changed, move the balances' values, set the pool's final figures.
    // Expects a CTE "revalued" (id, warehouse_id, location_id, batch_number, posted_at, old_value, new_value,
    // new_unit_cost, new_quantity_after, new_value_after, last_cost, position, total).
    private const string WriteBack = """
        updated AS (
            UPDATE stock_entry_valuations v
            SET value = r.new_value, unit_cost = r.new_unit_cost, quantity_after = r.new_quantity_after, value_after = r.new_value_after
            FROM revalued r
            WHERE v.tenant_id = @tenant AND v.id = r.id
              AND (v.value, v.unit_cost, v.quantity_after, v.value_after)
                  IS DISTINCT FROM (r.new_value, r.new_unit_cost, r.new_quantity_after, r.new_value_after)
            RETURNING r.warehouse_id, r.location_id, r.batch_number, r.new_value - r.old_value AS delta
        ),
        balances AS (
            UPDATE stock_balances b SET value = b.value + d.delta
            FROM (SELECT warehouse_id, location_id, batch_number, sum(delta) AS delta FROM updated GROUP BY 1, 2, 3) d
            WHERE b.tenant_id = @tenant AND b.product_id = @product AND d.delta <> 0
              AND b.warehouse_id = d.warehouse_id AND b.location_id = d.location_id AND b.batch_number = d.batch_number
            RETURNING 1
        ),
        pool AS (
            UPDATE stock_valuations v SET quantity = l.new_quantity_after, value = l.new_value_after, last_unit_cost = l.last_cost
            FROM (SELECT * FROM revalued WHERE position = total) l
            WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
            RETURNING 1
        )
        SELECT min(new_quantity_after) FROM revalued WHERE posted_at >= @from
        """;

    private const string FifoSql = """
        WITH entries AS (
            SELECT e.id, e.warehouse_id, e.location_id, e.batch_number, e.posted_at, e.quantity, v.unit_cost, e.is_cost_given, v.value AS old_value,
                   row_number() OVER (ORDER BY e.posted_at, e.sequence) AS position, count(*) OVER () AS total
            FROM stock_ledger_entries e CROSS JOIN LATERAL (SELECT v.value, v.unit_cost FROM stock_entry_valuations v WHERE v.id = e.id OFFSET 0) v
            WHERE e.tenant_id = @tenant AND e.product_id = @product AND e.valuation_key = @key
        ),
        running AS (
            SELECT x.*,
                   count(*) FILTER (WHERE x.quantity > 0 AND x.is_cost_given) OVER w AS cost_group,
                   sum(greatest(x.quantity, 0)) OVER w AS received,
                   sum(greatest(-x.quantity, 0)) OVER w AS issued,
                   sum(x.quantity) OVER w AS quantity_after
            FROM entries x
            WINDOW w AS (ORDER BY x.position ROWS UNBOUNDED PRECEDING)
        ),
        costed AS (
            SELECT r.*,
                   CASE WHEN r.cost_group = 0 THEN @standard_cost
                        ELSE first_value(r.unit_cost) OVER (PARTITION BY r.cost_group ORDER BY r.position) END AS last_receipt_cost
            FROM running r
        ),
        receipts AS (
            SELECT c.*, c.received - c.quantity AS received_before,
                   CASE WHEN c.is_cost_given THEN c.unit_cost ELSE c.last_receipt_cost END AS receipt_cost
            FROM costed c WHERE c.quantity > 0
        ),
        lined AS (
            SELECT r.*, coalesce(sum(r.quantity * r.receipt_cost) OVER (ORDER BY r.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS value_before
            FROM receipts r
        ),
        -- Each issue's interval, clipped to what was received before it, as two points (start, end); each point and
        -- each receipt's end on one sorted line, so a point's covering receipt is the next receipt end at or after it.
        merged AS (
            SELECT c.id, c.position, c.total, c.warehouse_id, c.location_id, c.batch_number, c.posted_at, c.old_value, c.quantity, c.quantity_after,
                   c.last_receipt_cost, p.which, p.x, 0 AS kind, NULL::numeric AS received_before, NULL::numeric AS value_before, NULL::numeric AS receipt_cost
            FROM costed c
            CROSS JOIN LATERAL (VALUES (-1, least(c.issued + c.quantity, c.received)), (1, least(c.issued, c.received))) AS p(which, x)
            WHERE c.quantity < 0
            UNION ALL
            SELECT l.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, l.received, 1, l.received_before, l.value_before, l.receipt_cost
            FROM lined l
        ),
        grouped AS (
            SELECT m.*, count(*) FILTER (WHERE m.kind = 1) OVER (ORDER BY m.x DESC, m.kind DESC ROWS UNBOUNDED PRECEDING) AS covering
            FROM merged m
        ),
        evaluated AS (
            SELECT g.*,
                   CASE WHEN g.x <= 0 OR g.covering = 0 THEN 0
                        ELSE first_value(g.value_before) OVER cw + (g.x - first_value(g.received_before) OVER cw) * first_value(g.receipt_cost) OVER cw END AS cost_up_to_x
            FROM grouped g
            WINDOW cw AS (PARTITION BY g.covering ORDER BY g.x DESC, g.kind DESC)
        ),
        issues AS (
            SELECT v.id, v.position, v.total, v.warehouse_id, v.location_id, v.batch_number, v.posted_at, v.old_value, v.quantity, v.quantity_after, v.last_receipt_cost,
                   sum(v.which * v.cost_up_to_x) AS covered_cost, sum(v.which * v.x) AS covered_quantity
            FROM evaluated v WHERE v.kind = 0
            GROUP BY v.id, v.position, v.total, v.warehouse_id, v.location_id, v.batch_number, v.posted_at, v.old_value, v.quantity, v.quantity_after, v.last_receipt_cost
        ),
        valued AS (
            SELECT i.id, i.position, i.total, i.warehouse_id, i.location_id, i.batch_number, i.posted_at, i.old_value, i.quantity, i.quantity_after, i.last_receipt_cost,
                   -round(i.covered_cost + (-i.quantity - i.covered_quantity) * i.last_receipt_cost, 2) AS new_value, NULL::numeric AS receipt_cost
            FROM issues i
            UNION ALL
            SELECT r.id, r.position, r.total, r.warehouse_id, r.location_id, r.batch_number, r.posted_at, r.old_value, r.quantity, r.quantity_after, r.last_receipt_cost,
                   round(r.quantity * r.receipt_cost, 2), r.receipt_cost
            FROM receipts r
        ),
        revalued AS (
            SELECT v.id, v.warehouse_id, v.location_id, v.batch_number, v.posted_at, v.old_value, v.new_value,
                   coalesce(v.receipt_cost, round(abs(v.new_value / v.quantity), 6)) AS new_unit_cost,
                   v.quantity_after AS new_quantity_after,
                   sum(v.new_value) OVER (ORDER BY v.position ROWS UNBOUNDED PRECEDING) AS new_value_after,
                   v.last_receipt_cost AS last_cost, v.position, v.total
            FROM valued v
        ),
        layers AS (
            UPDATE stock_cost_layers l SET remaining = n.remaining, unit_cost = n.receipt_cost
            FROM (SELECT r.id, r.receipt_cost,
                         greatest(0, r.received - greatest(r.received_before, (SELECT coalesce(max(issued), 0) FROM running))) AS remaining
                  FROM receipts r) n
            WHERE l.tenant_id = @tenant AND l.id = n.id AND (l.remaining, l.unit_cost) IS DISTINCT FROM (n.remaining, n.receipt_cost)
            RETURNING 1
        ),
        """ + WriteBack;
}

internal sealed record RevaluationResult(
    IReadOnlyDictionary<(Guid ProductId, Guid ValuationKey), decimal> LowestQuantity,
    IReadOnlyDictionary<Guid, (decimal UnitCost, decimal Value)> Entries);

/// <summary>How much of a backdated posting's revaluation is written while the posting waits.</summary>
public sealed class StockRevaluationOptions
{
    /// <summary>
    /// Later entries whose own figures a backdated posting rewrites in its transaction; with more, they are rewritten
    /// right after it (the pool, the balances and the posted entries are exact either way).
    /// </summary>
    public int EntriesRewrittenAtOnce { get; set; } = 20_000;
}

/// <summary>Rewrites the figures a large backdated posting left pending, right after it commits, inside its company.</summary>
internal sealed class StockRevaluationHandler(IStockRevaluations revaluations) : OutboxHandler<StockRevaluationMessage>
{
    public override string Type => IStockRevaluations.OutboxType;

    protected override Task HandleAsync(StockRevaluationMessage payload, OutboxMessage message, CancellationToken cancellationToken) =>
        revaluations.SettleAsync(payload.ProductId, cancellationToken);
}
