using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>
/// Reservations under the same product locks as postings (see <see cref="StockLedger"/>): a reservation reads the
/// warehouse's available quantity only while it holds the product, so two concurrent reservations of the last unit
/// queue and the second finds nothing left. A reservation without bin or batch holds the warehouse's stock (counted in
/// the warehouse total's reserved quantity only); one naming a bin or batch also holds that balance's stock.
/// </summary>
internal sealed class StockReservations(ErpDbContext db, StockSql sql, ICurrentUser currentUser, TimeProvider clock) : IStockReservations
{
    public Task ReserveAsync(StockReservationRequest request, CancellationToken cancellationToken = default) => ReserveAsync(request, false, cancellationToken);

    public Task<decimal> ReserveAvailableAsync(StockReservationRequest request, CancellationToken cancellationToken = default) => ReserveAsync(request, true, cancellationToken);

    private async Task<decimal> ReserveAsync(StockReservationRequest request, bool availableOnly, CancellationToken cancellationToken)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        CheckRequest(request);
        var locked = await LockAsync(tenantId, request.SourceType, request.SourceId, [request], cancellationToken);
        var existing = locked.Held.SingleOrDefault();
        var wanted = request.Quantity == 0m ? null : Wanted(request, locked);
        if (existing is null && wanted is null) return 0m;

        var now = clock.GetUtcNow();
        var quantity = request.Quantity;
        if (wanted is not null)
        {
            var held = existing is not null && existing.ProductId == wanted.Product.Id && existing.WarehouseId == wanted.Warehouse.Id ? existing.Quantity : 0m;
            var increase = request.Quantity - held;
            if (increase > 0m)
            {
                var heldHere = existing is not null && wanted.IsSpecific && existing.LocationId == wanted.LocationKey && existing.BatchNumber == wanted.BatchKey ? existing.Quantity : 0m;
                var room = Math.Min(locked.FreeLevel(wanted) + held, wanted.IsSpecific ? locked.FreeBalance(wanted) + heldHere : decimal.MaxValue);
                if (room < request.Quantity && availableOnly)
                {
                    // Never below what the line holds: a back order only ever grows its reservation here.
                    quantity = Math.Max(held, decimal.Round(Math.Max(0m, room), StockConsts.QuantityScale, MidpointRounding.ToZero));
                }
                else if (room < request.Quantity)
                {
                    throw BusinessException.ForField(nameof(StockReservationRequest.Quantity), InventoryErrorCodes.InsufficientStock,
                        wanted.Product.Code, wanted.Warehouse.Code, Math.Max(0m, room), request.Quantity);
                }
            }
        }

        if (wanted is not null && quantity == 0m && existing is null) return 0m;
        // A back order that got nothing more keeps its reservation row as it is.
        if (availableOnly && wanted is not null && existing is not null && quantity == existing.Quantity && existing.ProductId == wanted.Product.Id
            && existing.WarehouseId == wanted.Warehouse.Id && existing.LocationId == wanted.LocationKey && existing.BatchNumber == wanted.BatchKey)
        {
            return quantity;
        }
        await using var batch = await sql.BatchAsync(cancellationToken);
        if (existing is not null) Release(batch, tenantId, [existing], now);
        if (wanted is not null && quantity > 0m)
        {
            var updates = Insert(batch, tenantId, request, [(request, wanted, quantity)], now);
            await batch.ExecuteAsync(cancellationToken);
            CheckApplied(updates, [(request, wanted, quantity)]);
            return quantity;
        }
        await batch.ExecuteAsync(cancellationToken);
        return 0m;
    }

    public async Task<IReadOnlyList<int>> TryReserveAllAsync(IReadOnlyList<StockReservationRequest> requests, CancellationToken cancellationToken = default)
    {
        if (requests.Count == 0) return [];
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        var source = requests[0];
        foreach (var request in requests)
        {
            if (request.SourceType != source.SourceType || request.SourceId != source.SourceId)
            {
                throw new ArgumentException("Every request of one call names the same source document.", nameof(requests));
            }
            CheckRequest(request);
        }
        if (requests.DistinctBy(r => r.SourceLine).Count() != requests.Count) throw new ArgumentException("Each source line is named once.", nameof(requests));
        var locked = await LockAsync(tenantId, source.SourceType, source.SourceId, requests, cancellationToken);
        var wanted = requests.Where(r => r.Quantity > 0m).ToDictionary(r => r.SourceLine, r => Wanted(r, locked));
        var existing = locked.Held;
        if (existing.Count == 0 && wanted.Count == 0) return [];

        // What the lines hold counts as free for them.
        var freeLevels = wanted.Values.Select(w => (w.Product.Id, w.Warehouse.Id)).Distinct().ToDictionary(level => level, level => locked.FreeLevels.GetValueOrDefault(level));
        var freeBalances = wanted.Values.Where(w => w.IsSpecific).Select(w => w.BalanceKey).Distinct().ToDictionary(key => key, key => locked.FreeBalances.GetValueOrDefault(key));
        foreach (var held in existing)
        {
            if (freeLevels.ContainsKey((held.ProductId, held.WarehouseId))) freeLevels[(held.ProductId, held.WarehouseId)] += held.Quantity;
            var balance = (held.ProductId, held.WarehouseId, held.LocationId, held.BatchNumber);
            if (freeBalances.ContainsKey(balance)) freeBalances[balance] += held.Quantity;
        }
        var shortLines = new List<int>();
        foreach (var request in requests.Where(r => wanted.ContainsKey(r.SourceLine)).OrderBy(r => r.ProductId).ThenBy(r => r.SourceLine))
        {
            var want = wanted[request.SourceLine];
            var level = (want.Product.Id, want.Warehouse.Id);
            var room = Math.Min(freeLevels[level], want.IsSpecific ? freeBalances[want.BalanceKey] : decimal.MaxValue);
            var heldThere = existing.SingleOrDefault(r => r.SourceLine == request.SourceLine) is { } own && own.ProductId == want.Product.Id && own.WarehouseId == want.Warehouse.Id
                            && (!want.IsSpecific || (own.LocationId == want.LocationKey && own.BatchNumber == want.BatchKey)) ? own.Quantity : 0m;
            // Shrinking never fails (as in ReserveAsync); growing needs the room.
            if (request.Quantity > heldThere && room < request.Quantity)
            {
                shortLines.Add(request.SourceLine);
                continue;
            }
            freeLevels[level] -= request.Quantity;
            if (want.IsSpecific) freeBalances[want.BalanceKey] -= request.Quantity;
        }
        if (shortLines.Count > 0) return shortLines;

        var now = clock.GetUtcNow();
        await using var batch = await sql.BatchAsync(cancellationToken);
        if (existing.Count > 0) Release(batch, tenantId, existing, now);
        if (wanted.Count == 0)
        {
            await batch.ExecuteAsync(cancellationToken);
            return [];
        }
        var reserved = requests.Where(r => wanted.ContainsKey(r.SourceLine)).Select(r => (r, wanted[r.SourceLine], r.Quantity)).ToList();
        var updates = Insert(batch, tenantId, source, reserved, now);
        await batch.ExecuteAsync(cancellationToken);
        CheckApplied(updates, reserved);
        return [];
    }

    /// <summary>The reservation rows of the lines, and the reserved quantities they add to (conditional updates, see <see cref="ChangeReserved"/>).</summary>
    private List<Npgsql.NpgsqlBatchCommand> Insert(StockBatch batch, Guid tenantId, StockReservationRequest source,
        IReadOnlyList<(StockReservationRequest Request, WantedReservation Want, decimal Quantity)> reserved, DateTimeOffset now)
    {
        batch.Add("""
            INSERT INTO stock_reservations (id, tenant_id, product_id, warehouse_id, location_id, batch_number, quantity, required_on,
                source_type, source_id, source_number, source_line, created_at, user_id)
            SELECT r.id, @tenant, r.product_id, r.warehouse_id, r.location_id, r.batch_number, r.quantity, r.required_on,
                @source_type, @source_id, @source_number, r.source_line, @now, @user
            FROM unnest(@ids, @products, @warehouses, @locations, @batches, @quantities, @required_on, @lines)
                AS r(id, product_id, warehouse_id, location_id, batch_number, quantity, required_on, source_line)
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("source_type", source.SourceType), StockSql.Value("source_id", source.SourceId),
            StockSql.Value("source_number", source.SourceNumber), StockSql.Value("now", now), StockSql.Value("user", currentUser.Id),
            StockSql.Uuids("ids", reserved.Select(_ => Guid.CreateVersion7())), StockSql.Uuids("products", reserved.Select(r => r.Want.Product.Id)),
            StockSql.Uuids("warehouses", reserved.Select(r => r.Want.Warehouse.Id)), StockSql.Uuids("locations", reserved.Select(r => r.Want.LocationKey)),
            StockSql.Texts("batches", reserved.Select(r => r.Want.BatchKey)), StockSql.Numerics("quantities", reserved.Select(r => r.Quantity)),
            StockSql.Array("required_on", reserved.Select(r => r.Request.RequiredOn), NpgsqlTypes.NpgsqlDbType.Date),
            StockSql.Array("lines", reserved.Select(r => r.Request.SourceLine), NpgsqlTypes.NpgsqlDbType.Integer));
        return ChangeReserved(batch, tenantId, reserved.Select(r => (r.Want.Product.Id, r.Want.Warehouse.Id, r.Want.LocationKey, r.Want.BatchKey, r.Quantity)).ToList(), now);
    }

    /// <summary>
    /// Every reserved-quantity update changed its rows. The room was checked under the product locks, so a miss means
    /// stock moved without taking them: nothing is kept.
    /// </summary>
    private static void CheckApplied(List<Npgsql.NpgsqlBatchCommand> updates, IReadOnlyList<(StockReservationRequest Request, WantedReservation Want, decimal Quantity)> reserved)
    {
        var expected = new[]
        {
            reserved.Select(r => (r.Want.Product.Id, r.Want.Warehouse.Id)).Distinct().Count(),
            reserved.Where(r => r.Want.IsSpecific).Select(r => r.Want.BalanceKey).Distinct().Count(),
        };
        if (updates.Select((u, i) => u.RecordsAffected != expected[i]).Any(differs => differs))
        {
            var first = reserved[0];
            throw BusinessException.ForField(nameof(StockReservationRequest.Quantity), InventoryErrorCodes.InsufficientStock,
                first.Want.Product.Code, first.Want.Warehouse.Code, 0m, first.Quantity);
        }
    }

    public async Task ReleaseAsync(string sourceType, Guid sourceId, int sourceLine, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        if ((await FindManyAsync(sourceType, sourceId, sourceLine, cancellationToken)).FirstOrDefault() is not { } reservation) return;
        await ReleaseLockedAsync(tenantId, [reservation.ProductId], () => FindManyAsync(sourceType, sourceId, sourceLine, cancellationToken), cancellationToken);
    }

    public async Task ReleaseAllAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        var reservations = await FindManyAsync(sourceType, sourceId, null, cancellationToken);
        if (reservations.Count == 0) return;
        await ReleaseLockedAsync(tenantId, reservations.Select(r => r.ProductId).Distinct().ToList(), () => FindManyAsync(sourceType, sourceId, null, cancellationToken), cancellationToken);
    }

    private async Task ReleaseLockedAsync(Guid tenantId, IReadOnlyList<Guid> products, Func<Task<List<HeldReservation>>> reload, CancellationToken cancellationToken)
    {
        await using (var locks = await sql.BatchAsync(cancellationToken))
        {
            locks.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", products));
            await locks.ExecuteAsync(cancellationToken);
        }
        var reservations = await reload();
        if (reservations.Count == 0) return;
        await using var batch = await sql.BatchAsync(cancellationToken);
        Release(batch, tenantId, reservations, clock.GetUtcNow());
        await batch.ExecuteAsync(cancellationToken);
    }

    private static void Release(StockBatch batch, Guid tenantId, IReadOnlyList<HeldReservation> reservations, DateTimeOffset now)
    {
        batch.Add("DELETE FROM stock_reservations WHERE tenant_id = @tenant AND id = ANY(@ids)",
            StockSql.Value("tenant", tenantId), StockSql.Uuids("ids", reservations.Select(r => r.Id)));
        ChangeReserved(batch, tenantId, reservations.Select(r => (r.ProductId, r.WarehouseId, r.LocationId, r.BatchNumber, -r.Quantity)).ToList(), now);
    }

    /// <summary>
    /// Moves the warehouse totals' and (for bin or batch reservations) the balances' reserved quantities. An increase
    /// only applies where that much is still available (an atomic conditional update); the caller checks each
    /// statement changed its one row.
    /// </summary>
    private static List<Npgsql.NpgsqlBatchCommand> ChangeReserved(
        StockBatch batch, Guid tenantId, IReadOnlyList<(Guid ProductId, Guid WarehouseId, Guid LocationId, string BatchNumber, decimal Delta)> changes, DateTimeOffset now)
    {
        var commands = new List<Npgsql.NpgsqlBatchCommand>();
        var levels = changes.GroupBy(c => (c.ProductId, c.WarehouseId)).Select(g => (g.Key.ProductId, g.Key.WarehouseId, Delta: g.Sum(c => c.Delta))).ToList();
        commands.Add(batch.Add("""
            UPDATE stock_warehouse_balances w SET reserved = w.reserved + u.delta, updated_at = @now
            FROM unnest(@products, @warehouses, @deltas) AS u(product_id, warehouse_id, delta)
            WHERE w.tenant_id = @tenant AND w.product_id = u.product_id AND w.warehouse_id = u.warehouse_id
              AND (u.delta <= 0 OR w.on_hand - w.reserved >= u.delta)
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("now", now), StockSql.Uuids("products", levels.Select(l => l.ProductId)),
            StockSql.Uuids("warehouses", levels.Select(l => l.WarehouseId)), StockSql.Numerics("deltas", levels.Select(l => l.Delta))));
        var specific = changes.Where(c => c.LocationId != StockConsts.NoLocation || c.BatchNumber != StockConsts.NoBatch)
            .GroupBy(c => (c.ProductId, c.WarehouseId, c.LocationId, c.BatchNumber)).Select(g => (g.Key, Delta: g.Sum(c => c.Delta))).ToList();
        if (specific.Count == 0) return commands;
        commands.Add(batch.Add("""
            UPDATE stock_balances b SET reserved = b.reserved + u.delta, updated_at = @now
            FROM unnest(@products, @warehouses, @locations, @batches, @deltas) AS u(product_id, warehouse_id, location_id, batch_number, delta)
            WHERE b.tenant_id = @tenant AND b.product_id = u.product_id AND b.warehouse_id = u.warehouse_id
              AND b.location_id = u.location_id AND b.batch_number = u.batch_number
              AND (u.delta <= 0 OR b.on_hand - b.reserved >= u.delta)
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("now", now), StockSql.Uuids("products", specific.Select(s => s.Key.ProductId)),
            StockSql.Uuids("warehouses", specific.Select(s => s.Key.WarehouseId)), StockSql.Uuids("locations", specific.Select(s => s.Key.LocationId)),
            StockSql.Texts("batches", specific.Select(s => s.Key.BatchNumber)), StockSql.Numerics("deltas", specific.Select(s => s.Delta))));
        return commands;
    }

    /// <summary>
    /// Locks the products the requests want and those the source lines hold now (in id order, as every stock write),
    /// then reads, in the same round trip and so after the locks: the products and warehouses, the bins named, what the
    /// lines hold and what is free where they want stock. Nothing read here can change before the transaction ends,
    /// since every change of these figures takes the same product locks first.
    /// </summary>
    private async Task<LockedStock> LockAsync(Guid tenantId, string sourceType, Guid sourceId, IReadOnlyList<StockReservationRequest> requests, CancellationToken cancellationToken)
    {
        var wanting = requests.Where(r => r.Quantity > 0m).ToList();
        var products = wanting.Select(r => r.ProductId).Distinct().ToList();
        var warehouses = requests.Select(r => r.WarehouseId).Distinct().ToList();
        var locations = wanting.Select(r => r.LocationId ?? StockConsts.NoLocation).Where(l => l != StockConsts.NoLocation).Distinct().ToList();
        var specific = wanting.Where(r => (r.LocationId ?? StockConsts.NoLocation) != StockConsts.NoLocation || !string.IsNullOrWhiteSpace(r.BatchNumber)).ToList();
        // A parameter belongs to one statement: each statement gets its own.
        Npgsql.NpgsqlParameter Tenant() => StockSql.Value("tenant", tenantId);
        Npgsql.NpgsqlParameter[] Source() =>
            [StockSql.Value("source_type", sourceType), StockSql.Value("source_id", sourceId), StockSql.Array("lines", requests.Select(r => r.SourceLine), NpgsqlTypes.NpgsqlDbType.Integer)];
        await using var batch = await sql.BatchAsync(cancellationToken);
        batch.Add("""
            SELECT p.id, p.code, p.is_active, p.type, p.is_batch_tracked FROM products p
            WHERE p.tenant_id = @tenant AND p.id = ANY(ARRAY(
                SELECT unnest(@products::uuid[])
                UNION SELECT r.product_id FROM stock_reservations r
                WHERE r.tenant_id = @tenant AND r.source_type = @source_type AND r.source_id = @source_id AND r.source_line = ANY(@lines)))
            ORDER BY p.id FOR NO KEY UPDATE
            """, [Tenant(), StockSql.Uuids("products", products), .. Source()]);
        batch.Add("SELECT id, code, is_active FROM warehouses WHERE tenant_id = @tenant AND id = ANY(@warehouses)",
            Tenant(), StockSql.Uuids("warehouses", warehouses));
        batch.Add("SELECT id, warehouse_id FROM warehouse_locations WHERE tenant_id = @tenant AND id = ANY(@locations)",
            Tenant(), StockSql.Uuids("locations", locations));
        batch.Add("""
            SELECT id, product_id, warehouse_id, location_id, batch_number, quantity, source_line FROM stock_reservations
            WHERE tenant_id = @tenant AND source_type = @source_type AND source_id = @source_id AND source_line = ANY(@lines)
            """, [Tenant(), .. Source()]);
        batch.Add("""
            SELECT product_id, warehouse_id, on_hand - reserved FROM stock_warehouse_balances
            WHERE tenant_id = @tenant AND product_id = ANY(@products) AND warehouse_id = ANY(@warehouses)
            """, Tenant(), StockSql.Uuids("products", products), StockSql.Uuids("warehouses", warehouses));
        batch.Add("""
            SELECT b.product_id, b.warehouse_id, b.location_id, b.batch_number, b.on_hand - b.reserved FROM stock_balances b
            JOIN unnest(@products, @warehouses, @locations, @batches) AS k(product_id, warehouse_id, location_id, batch_number)
              ON b.product_id = k.product_id AND b.warehouse_id = k.warehouse_id AND b.location_id = k.location_id AND b.batch_number = k.batch_number
            WHERE b.tenant_id = @tenant
            """, Tenant(), StockSql.Uuids("products", specific.Select(r => r.ProductId)), StockSql.Uuids("warehouses", specific.Select(r => r.WarehouseId)),
            StockSql.Uuids("locations", specific.Select(r => r.LocationId ?? StockConsts.NoLocation)),
            StockSql.Texts("batches", specific.Select(r => BatchKeyOf(r.BatchNumber))));

        var locked = new LockedStock();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            locked.Products[reader.GetGuid(0)] = new StockProduct(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2),
                Product.IsStockedType(Enum.Parse<ProductType>(reader.GetString(3))), reader.GetBoolean(4));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) locked.Warehouses[reader.GetGuid(0)] = new StockWarehouse(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2));
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) locked.Locations.Add((reader.GetGuid(0), reader.GetGuid(1)));
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            locked.Held.Add(new HeldReservation(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), reader.GetDecimal(5), reader.GetInt32(6)));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) locked.FreeLevels[(reader.GetGuid(0), reader.GetGuid(1))] = reader.GetDecimal(2);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) locked.FreeBalances[(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3))] = reader.GetDecimal(4);
        return locked;
    }

    /// <summary>What a line asks for, checked against what was read under the locks: a stocked, active product; an active warehouse; its bin; a batch only of a batch-tracked product.</summary>
    private static WantedReservation Wanted(StockReservationRequest request, LockedStock locked)
    {
        if (locked.Products.GetValueOrDefault(request.ProductId) is not { IsActive: true, IsStocked: true } product)
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.ProductId), InventoryErrorCodes.ProductNotStocked, request.SourceLine);
        }
        if (locked.Warehouses.GetValueOrDefault(request.WarehouseId) is not { IsActive: true } warehouse)
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.WarehouseId), InventoryErrorCodes.WarehouseUnavailable, request.SourceLine);
        }
        var locationKey = StockConsts.NoLocation;
        if (request.LocationId is { } locationId && locationId != StockConsts.NoLocation)
        {
            if (!locked.Locations.Contains((locationId, warehouse.Id)))
            {
                throw BusinessException.ForField(nameof(StockReservationRequest.LocationId), InventoryErrorCodes.LocationNotInWarehouse, request.SourceLine, warehouse.Code);
            }
            locationKey = locationId;
        }
        var batch = BatchKeyOf(request.BatchNumber);
        if (batch != StockConsts.NoBatch && !product.IsBatchTracked)
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.BatchNumber), InventoryErrorCodes.BatchNotTracked, request.SourceLine, product.Code);
        }
        return new WantedReservation(product, warehouse, locationKey, batch);
    }

    private static string BatchKeyOf(string? batchNumber) => string.IsNullOrWhiteSpace(batchNumber) ? StockConsts.NoBatch : batchNumber.Trim();

    private static void CheckRequest(StockReservationRequest request)
    {
        if (request.Quantity < 0m || request.Quantity > StockConsts.MaxQuantity || decimal.Round(request.Quantity, StockConsts.QuantityScale) != request.Quantity)
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.Quantity), InventoryErrorCodes.ReservationQuantityInvalid, StockConsts.QuantityScale);
        }
        if (request.BatchNumber?.Trim() is { Length: > StockConsts.MaxBatchNumberLength })
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.BatchNumber), InventoryErrorCodes.BatchNumberInvalid, request.SourceLine, StockConsts.MaxBatchNumberLength);
        }
        StockPostingRules.CheckSource(new StockPosting(request.SourceType, request.SourceId, request.SourceNumber, default, []));
    }

    private Task<List<HeldReservation>> FindManyAsync(string sourceType, Guid sourceId, int? sourceLine, CancellationToken cancellationToken) =>
        db.StockReservations.AsNoTracking()
            .Where(r => r.SourceType == sourceType && r.SourceId == sourceId && (sourceLine == null || r.SourceLine == sourceLine))
            .Select(r => new HeldReservation(r.Id, r.ProductId, r.WarehouseId, r.LocationId, r.BatchNumber, r.Quantity, r.SourceLine))
            .ToListAsync(cancellationToken);

    private sealed record HeldReservation(Guid Id, Guid ProductId, Guid WarehouseId, Guid LocationId, string BatchNumber, decimal Quantity, int SourceLine);

    private sealed record StockProduct(Guid Id, string Code, bool IsActive, bool IsStocked, bool IsBatchTracked);

    private sealed record StockWarehouse(Guid Id, string Code, bool IsActive);

    private sealed class LockedStock
    {
        public Dictionary<Guid, StockProduct> Products { get; } = [];
        public Dictionary<Guid, StockWarehouse> Warehouses { get; } = [];
        public HashSet<(Guid LocationId, Guid WarehouseId)> Locations { get; } = [];
        public List<HeldReservation> Held { get; } = [];
        public Dictionary<(Guid, Guid), decimal> FreeLevels { get; } = [];
        public Dictionary<(Guid, Guid, Guid, string), decimal> FreeBalances { get; } = [];

        /// <summary>On hand − reserved of the line's (product, warehouse); none yet is nothing free.</summary>
        public decimal FreeLevel(WantedReservation wanted) => FreeLevels.GetValueOrDefault((wanted.Product.Id, wanted.Warehouse.Id));

        public decimal FreeBalance(WantedReservation wanted) => FreeBalances.GetValueOrDefault(wanted.BalanceKey);
    }

    private sealed record WantedReservation(StockProduct Product, StockWarehouse Warehouse, Guid LocationKey, string BatchKey)
    {
        public bool IsSpecific => LocationKey != StockConsts.NoLocation || BatchKey != StockConsts.NoBatch;

        public (Guid, Guid, Guid, string) BalanceKey => (Product.Id, Warehouse.Id, LocationKey, BatchKey);
    }
}
