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
/// cost a late goods receipt many times what computing its figures does. The rewrite goes in chunks of
/// <see cref="StockRevaluationOptions.EntriesRewrittenPerChunk"/> entries, each in a transaction of its own that takes
/// the product's lock for that chunk only and moves the pending start (an instant and a write order) past it together
/// with the rewritten rows: everything before the start is exact, so a posting between two chunks folds from there
/// (a backdated one merges its range with the pending one), and a crash loses at most the chunk in progress.
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
            var folded = await FoldMovingAverageAsync(tenantId, productId, key, products[productId].StandardCost, from, written, cancellationToken);
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
        var productIds = await pending.Select(v => v.ProductId).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var product in productIds)
        {
            ChunkResult chunk;
            do
            {
                chunk = await ChunkAsync(product, cancellationToken);
                settled += chunk.PoolsSettled;
            }
            while (chunk.Pending);
        }
        return settled;
    }

    public async Task<bool> SettleChunkAsync(Guid productId, CancellationToken cancellationToken = default) =>
        (await ChunkAsync(productId, cancellationToken)).Pending;

    /// <summary>
    /// One chunk of one pending pool of the product, in the caller's transaction or in one of its own: the product's
    /// lock is held only while this chunk is read and written, so postings of the product run between two chunks.
    /// </summary>
    private async Task<ChunkResult> ChunkAsync(Guid productId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await ChunkInTransactionAsync(productId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await ChunkInTransactionAsync(productId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<ChunkResult> ChunkInTransactionAsync(Guid productId, CancellationToken cancellationToken)
    {
        // Not a change of the company's stock (the figures are what its postings already decided), so a company that has
        // become read-only still gets them: its pages read them.
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("Stock belongs to a tenant; the host has none.");
        if (!db.IsTenantFilterEnabled) throw new InvalidOperationException("Stock is revalued inside one tenant, never with the tenant filter lifted.");
        // The product's lock, as a posting takes it: no posting changes its pools while this chunk is written.
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", [productId]));
            await batch.ExecuteAsync(cancellationToken);
        }
        // Read under the lock: a posting or another settlement may have moved the pending start while this one waited.
        var pools = await db.StockValuations.AsNoTracking().Where(v => v.RevalueFrom != null && v.ProductId == productId)
            .OrderBy(v => v.ValuationKey).Select(v => v.ValuationKey).Take(2).ToListAsync(cancellationToken);
        if (pools.Count == 0) return new ChunkResult(0, false);
        var done = await RewriteChunkAsync(tenantId, productId, pools[0], cancellationToken);
        return new ChunkResult(done ? 1 : 0, !done || pools.Count > 1);
    }

    private readonly record struct ChunkResult(int PoolsSettled, bool Pending);

    /// <summary>
    /// Rewrites the next <see cref="StockRevaluationOptions.EntriesRewrittenPerChunk"/> pending entries of a
    /// moving-average pool, folded from the running figures of the entry before them (exact: everything before the
    /// pending start is), and moves the pending start to the first entry after them, in the same statement batch. The
    /// last chunk must end exactly at the pool's figures (set by the postings) and clears the mark. Returns whether
    /// the pool is settled.
    /// </summary>
    private async Task<bool> RewriteChunkAsync(Guid tenantId, Guid productId, Guid key, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, options.Value.EntriesRewrittenPerChunk);
        ValuationPool kept;
        DateTimeOffset from;
        long sequence;
        decimal standardCost;
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Add("""
                SELECT v.quantity, v.value, v.last_unit_cost, v.revalue_from, v.revalue_from_sequence, p.standard_cost
                FROM stock_valuations v JOIN products p ON p.id = v.product_id
                WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(3)) return true;
            kept = new ValuationPool(reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2));
            from = reader.GetFieldValue<DateTimeOffset>(3);
            sequence = reader.IsDBNull(4) ? long.MinValue : reader.GetInt64(4);
            standardCost = reader.GetDecimal(5);
        }
        ChunkFold chunk;
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            chunk = await ReadChunkAsync(batch, tenantId, productId, key, from, sequence, standardCost, size, cancellationToken);
        }
        return await WriteChunkAsync(tenantId, productId, key, kept, from, sequence, chunk, cancellationToken);
    }

    private sealed record ChunkFold(MovingAverageFold Fold, (DateTimeOffset PostedAt, long Sequence)? Next);

    private static async Task<ChunkFold> ReadChunkAsync(
        StockBatch batch, Guid tenantId, Guid productId, Guid key, DateTimeOffset from, long sequence, decimal standardCost, int size,
        CancellationToken cancellationToken)
    {
        batch.Timeout = 600;
        batch.Add("SET LOCAL enable_seqscan = off");
        batch.Add("SET LOCAL jit = off");
        AddFiguresBefore(batch, tenantId, productId, key, from, sequence);
        // One entry more than the chunk: where the next chunk starts.
        batch.Add($"""
            SELECT e.id, e.quantity, CASE WHEN e.is_cost_given THEN (SELECT v.unit_cost FROM stock_entry_valuations v WHERE v.id = e.id) END,
                   e.posted_at, e.sequence
            FROM stock_ledger_entries e
            WHERE {PoolSql} AND e.posted_at >= @from AND (e.posted_at, e.sequence) >= (@from, @sequence)
            ORDER BY e.posted_at, e.sequence LIMIT @size
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
            StockSql.Value("from", from), StockSql.Value("sequence", sequence), StockSql.Value("size", size + 1));
        batch.Add("SET LOCAL enable_seqscan TO DEFAULT");
        batch.Add("SET LOCAL jit TO DEFAULT");
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var before = await reader.ReadAsync(cancellationToken)
            ? new ValuationPool(reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2))
            : new ValuationPool(0m, 0m, standardCost);
        await reader.NextResultAsync(cancellationToken);
        var fold = new MovingAverageFold();
        fold.Start(before, size);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (count++ == size) return new ChunkFold(fold, (reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4)));
            fold.Add(reader.GetGuid(0), reader.GetDecimal(1), reader.IsDBNull(2) ? null : reader.GetDecimal(2), false, null, null);
        }
        return new ChunkFold(fold, null);
    }

    private async Task<bool> WriteChunkAsync(
        Guid tenantId, Guid productId, Guid key, ValuationPool kept, DateTimeOffset from, long sequence, ChunkFold chunk, CancellationToken cancellationToken)
    {
        var fold = chunk.Fold;
        // The last chunk ends where the postings left the pool: a different end means the fold read another history.
        if (chunk.Next is null && (fold.Now.Quantity != kept.Quantity || fold.Now.Value != kept.Value))
        {
            throw new InvalidOperationException(
                $"Revaluing pool {productId}/{key} from {from:O} ({sequence}) ended at {fold.Now.Quantity} / {fold.Now.Value}, the pool holds {kept.Quantity} / {kept.Value}.");
        }
        await using var batch = await sql.BatchAsync(cancellationToken);
        batch.Timeout = 600;
        AddRewrite(batch, tenantId, fold.Rewritten!);
        batch.Add("""
            UPDATE stock_valuations v SET revalue_from = @next, revalue_from_sequence = @next_sequence
            WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
            new NpgsqlParameter<DateTimeOffset?>("next", chunk.Next?.PostedAt), new NpgsqlParameter<long?>("next_sequence", chunk.Next?.Sequence));
        await batch.ExecuteAsync(cancellationToken);
        return chunk.Next is null;
    }

    private const string PoolSql = "e.tenant_id = @tenant AND e.product_id = @product AND e.valuation_key = @key";

    /// <summary>The pool's running quantity, value and cost after its last entry before (from, sequence): where a fold starts.</summary>
    private static void AddFiguresBefore(StockBatch batch, Guid tenantId, Guid productId, Guid key, DateTimeOffset from, long sequence) =>
        batch.Add($"""
            SELECT v.quantity_after, v.value_after, v.unit_cost
            FROM stock_ledger_entries e JOIN stock_entry_valuations v ON v.id = e.id
            WHERE {PoolSql} AND e.posted_at <= @from AND (e.posted_at, e.sequence) < (@from, @sequence)
            ORDER BY e.posted_at DESC, e.sequence DESC LIMIT 1
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
            StockSql.Value("from", from), StockSql.Value("sequence", sequence));

    private static void AddRewrite(StockBatch batch, Guid tenantId, IReadOnlyList<RewrittenEntry> rows)
    {
        if (rows.Count == 0) return;
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

    private async Task<Dictionary<Guid, (ValuationMethod ValuationMethod, decimal StandardCost)>> ProductsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var productIds = ids.Distinct().ToList();
        return await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ValuationMethod, p.StandardCost })
            .ToDictionaryAsync(p => p.Id, p => (p.ValuationMethod, p.StandardCost), cancellationToken);
    }

    /// <summary>
    /// Folds a moving-average pool from <paramref name="from"/> (or from where its pending revaluation starts, if
    /// earlier: the two ranges merge) to its end, moves the balances' values by the difference between the history
    /// with and without the <paramref name="written"/> entries, sets the pool's figures, and writes the entries'
    /// figures or marks the pool from the start of the merged range.
    /// </summary>
    private async Task<MovingAverageFold> FoldMovingAverageAsync(
        Guid tenantId, Guid productId, Guid key, decimal standardCost, DateTimeOffset from, IReadOnlyDictionary<Guid, decimal> written,
        CancellationToken cancellationToken)
    {
        var limit = Math.Max(0, options.Value.EntriesRewrittenAtOnce);
        var fold = new MovingAverageFold();
        ValuationPool kept;
        DateTimeOffset start;
        long startSequence;
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Add("""
                SELECT v.quantity, v.value, v.last_unit_cost,
                       CASE WHEN v.revalue_from < @from THEN v.revalue_from ELSE @from END,
                       CASE WHEN v.revalue_from < @from THEN v.revalue_from_sequence END
                FROM stock_valuations v
                WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key), StockSql.Value("from", from));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            kept = new ValuationPool(reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2));
            start = reader.GetFieldValue<DateTimeOffset>(3);
            startSequence = reader.IsDBNull(4) ? long.MinValue : reader.GetInt64(4);
        }
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Timeout = 600;
            // Along the pool's index, whatever the statistics say: a million-entry range would otherwise tempt the
            // planner into a scan of the whole ledger and a sort of the range (measured twice as slow).
            batch.Add("SET LOCAL enable_seqscan = off");
            batch.Add("SET LOCAL jit = off");
            // The running figures of the last entry before the range (exact: only entries from a pool's pending start on
            // wait for theirs), then the range itself in posting order along the pool's index. Each entry's given cost
            // is looked up by id (a lateral lookup the planner may not turn into a hash join over every company's
            // valuations); the balance it belongs to only where its value can change (no given cost).
            AddFiguresBefore(batch, tenantId, productId, key, start, startSequence);
            batch.Add($"""
                SELECT e.id, e.quantity, CASE WHEN e.is_cost_given THEN (SELECT v.unit_cost FROM stock_entry_valuations v WHERE v.id = e.id) END,
                       e.posted_at, e.warehouse_id, e.location_id, e.batch_number
                FROM stock_ledger_entries e
                WHERE {PoolSql} AND e.posted_at >= @from AND (e.posted_at, e.sequence) >= (@from, @sequence)
                ORDER BY e.posted_at, e.sequence
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
                StockSql.Value("from", start), StockSql.Value("sequence", startSequence));
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
        if (fold.Now.Quantity != kept.Quantity)
        {
            throw new InvalidOperationException(
                $"Revaluing pool {productId}/{key} from {start:O} ended at {fold.Now.Quantity} / {fold.Now.Value}, the pool holds {kept.Quantity} / {kept.Value}.");
        }
        var pending = fold.Rewritten is null;
        await using (var batch = await sql.BatchAsync(cancellationToken))
        {
            batch.Timeout = 600;
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
            // Pending from the start of the merged range (an earlier pending start, possibly inside an instant, is kept).
            batch.Add("""
                UPDATE stock_valuations v SET quantity = @quantity, value = @value, last_unit_cost = @cost,
                    revalue_from = @pending, revalue_from_sequence = @pending_sequence
                WHERE v.tenant_id = @tenant AND v.product_id = @product AND v.valuation_key = @key
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", productId), StockSql.Value("key", key),
                StockSql.Value("quantity", fold.Now.Quantity), StockSql.Value("value", fold.Now.Value), StockSql.Value("cost", fold.Now.LastUnitCost),
                new NpgsqlParameter<DateTimeOffset?>("pending", pending ? start : null),
                new NpgsqlParameter<long?>("pending_sequence", pending && startSequence != long.MinValue ? startSequence : null));
            if (fold.Rewritten is { } rows) AddRewrite(batch, tenantId, rows);
            await batch.ExecuteAsync(cancellationToken);
        }
        if (pending) outbox.Enqueue(IStockRevaluations.OutboxType, new StockRevaluationMessage(productId));
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

    /// <summary>
    /// Pending entries rewritten per transaction afterwards: the product's lock is held for one chunk at a time, so its
    /// postings and stock card wait for a chunk, not for the whole history.
    /// </summary>
    public int EntriesRewrittenPerChunk { get; set; } = 20_000;
}

/// <summary>Rewrites the figures a large backdated posting left pending, right after it commits, inside its company.</summary>
internal sealed class StockRevaluationHandler(IStockRevaluations revaluations) : OutboxHandler<StockRevaluationMessage>
{
    public override string Type => IStockRevaluations.OutboxType;

    protected override Task HandleAsync(StockRevaluationMessage payload, OutboxMessage message, CancellationToken cancellationToken) =>
        revaluations.SettleAsync(payload.ProductId, cancellationToken);
}
