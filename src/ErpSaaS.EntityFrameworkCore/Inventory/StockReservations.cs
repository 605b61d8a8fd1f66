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
        var existing = await FindAsync(request.SourceType, request.SourceId, request.SourceLine, cancellationToken);
        var wanted = request.Quantity == 0m ? null : await CheckAsync(request, cancellationToken);
        if (existing is null && wanted is null) return 0m;

        var now = clock.GetUtcNow();
        var products = new[] { existing?.ProductId, wanted?.Product.Id }.OfType<Guid>().Distinct().ToList();
        await using (var locks = await sql.BatchAsync(cancellationToken))
        {
            locks.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", products));
            if (wanted is not null)
            {
                StockLocks.AddLevels(locks, tenantId, [(wanted.Product.Id, wanted.Warehouse.Id)], now);
                if (wanted.IsSpecific)
                {
                    StockLocks.AddBalances(locks, tenantId, [(wanted.Product.Id, wanted.Warehouse.Id, wanted.LocationKey, wanted.BatchKey, null)], now);
                }
            }
            await locks.ExecuteAsync(cancellationToken);
        }
        // Under the lock: what the line holds now, and what is free where it wants more.
        existing = await FindAsync(request.SourceType, request.SourceId, request.SourceLine, cancellationToken);
        var quantity = request.Quantity;
        if (wanted is not null)
        {
            var held = existing is not null && existing.ProductId == wanted.Product.Id && existing.WarehouseId == wanted.Warehouse.Id ? existing.Quantity : 0m;
            var increase = request.Quantity - held;
            if (increase > 0m)
            {
                var free = await FreeAsync(wanted, cancellationToken);
                var heldHere = existing is not null && wanted.IsSpecific && existing.LocationId == wanted.LocationKey && existing.BatchNumber == wanted.BatchKey ? existing.Quantity : 0m;
                var room = Math.Min(free.Warehouse + held, wanted.IsSpecific ? free.Balance + heldHere : decimal.MaxValue);
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
            batch.Add("""
                INSERT INTO stock_reservations (id, tenant_id, product_id, warehouse_id, location_id, batch_number, quantity, required_on,
                    source_type, source_id, source_number, source_line, created_at, user_id)
                VALUES (@id, @tenant, @product, @warehouse, @location, @batch, @quantity, @required_on, @source_type, @source_id, @source_number, @source_line, @now, @user)
                """,
                StockSql.Value("id", Guid.CreateVersion7()), StockSql.Value("tenant", tenantId), StockSql.Value("product", wanted.Product.Id),
                StockSql.Value("warehouse", wanted.Warehouse.Id), StockSql.Value("location", wanted.LocationKey), StockSql.Value("batch", wanted.BatchKey),
                StockSql.Value("quantity", quantity), StockSql.Value("required_on", request.RequiredOn), StockSql.Value("source_type", request.SourceType),
                StockSql.Value("source_id", request.SourceId), StockSql.Value("source_number", request.SourceNumber), StockSql.Value("source_line", request.SourceLine),
                StockSql.Value("now", now), StockSql.Value("user", currentUser.Id));
            var updates = ChangeReserved(batch, tenantId, [(wanted.Product.Id, wanted.Warehouse.Id, wanted.LocationKey, wanted.BatchKey, quantity)], now);
            await batch.ExecuteAsync(cancellationToken);
            if (updates.Any(u => u.RecordsAffected != 1))
            {
                // The check above ran under the product lock, so this means stock moved without taking it; nothing is kept.
                throw BusinessException.ForField(nameof(StockReservationRequest.Quantity), InventoryErrorCodes.InsufficientStock,
                    wanted.Product.Code, wanted.Warehouse.Code, 0m, quantity);
            }
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
        var lines = requests.Select(r => r.SourceLine).ToHashSet();
        var existing = (await FindManyAsync(source.SourceType, source.SourceId, null, cancellationToken)).Where(r => lines.Contains(r.SourceLine)).ToList();
        var wanted = await CheckAllAsync(requests.Where(r => r.Quantity > 0m).ToList(), cancellationToken);
        if (existing.Count == 0 && wanted.Count == 0) return [];

        var now = clock.GetUtcNow();
        await using (var locks = await sql.BatchAsync(cancellationToken))
        {
            var products = existing.Select(r => r.ProductId).Concat(wanted.Values.Select(w => w.Product.Id)).Distinct().ToList();
            locks.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", products));
            var levels = wanted.Values.Select(w => (w.Product.Id, w.Warehouse.Id)).Distinct().ToList();
            if (levels.Count > 0) StockLocks.AddLevels(locks, tenantId, levels, now);
            var specific = wanted.Values.Where(w => w.IsSpecific).Select(w => (w.Product.Id, w.Warehouse.Id, w.LocationKey, w.BatchKey, (DateOnly?)null)).Distinct().ToList();
            if (specific.Count > 0) StockLocks.AddBalances(locks, tenantId, specific, now);
            await locks.ExecuteAsync(cancellationToken);
        }
        // Under the locks: what the lines hold now, and what is free where they want it (their own holdings count as free for them).
        existing = (await FindManyAsync(source.SourceType, source.SourceId, null, cancellationToken)).Where(r => lines.Contains(r.SourceLine)).ToList();
        var (freeLevels, freeBalances) = await FreeAllAsync(wanted.Values, cancellationToken);
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
            var balance = (want.Product.Id, want.Warehouse.Id, want.LocationKey, want.BatchKey);
            var room = Math.Min(freeLevels[level], want.IsSpecific ? freeBalances[balance] : decimal.MaxValue);
            var heldThere = existing.SingleOrDefault(r => r.SourceLine == request.SourceLine) is { } own && own.ProductId == want.Product.Id && own.WarehouseId == want.Warehouse.Id
                            && (!want.IsSpecific || (own.LocationId == want.LocationKey && own.BatchNumber == want.BatchKey)) ? own.Quantity : 0m;
            // Shrinking never fails (as in ReserveAsync); growing needs the room.
            if (request.Quantity > heldThere && room < request.Quantity)
            {
                shortLines.Add(request.SourceLine);
                continue;
            }
            freeLevels[level] -= request.Quantity;
            if (want.IsSpecific) freeBalances[balance] -= request.Quantity;
        }
        if (shortLines.Count > 0) return shortLines;

        await using var batch = await sql.BatchAsync(cancellationToken);
        if (existing.Count > 0) Release(batch, tenantId, existing, now);
        if (wanted.Count == 0)
        {
            await batch.ExecuteAsync(cancellationToken);
            return [];
        }
        var reserved = requests.Where(r => wanted.ContainsKey(r.SourceLine)).Select(r => (Request: r, Want: wanted[r.SourceLine])).ToList();
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
            StockSql.Texts("batches", reserved.Select(r => r.Want.BatchKey)), StockSql.Numerics("quantities", reserved.Select(r => r.Request.Quantity)),
            StockSql.Array("required_on", reserved.Select(r => r.Request.RequiredOn), NpgsqlTypes.NpgsqlDbType.Date),
            StockSql.Array("lines", reserved.Select(r => r.Request.SourceLine), NpgsqlTypes.NpgsqlDbType.Integer));
        var updates = ChangeReserved(batch, tenantId,
            reserved.Select(r => (r.Want.Product.Id, r.Want.Warehouse.Id, r.Want.LocationKey, r.Want.BatchKey, r.Request.Quantity)).ToList(), now);
        await batch.ExecuteAsync(cancellationToken);
        var expected = new[]
        {
            reserved.Select(r => (r.Want.Product.Id, r.Want.Warehouse.Id)).Distinct().Count(),
            reserved.Where(r => r.Want.IsSpecific).Select(r => (r.Want.Product.Id, r.Want.Warehouse.Id, r.Want.LocationKey, r.Want.BatchKey)).Distinct().Count(),
        };
        if (updates.Select((u, i) => u.RecordsAffected != expected[i]).Any(differs => differs))
        {
            // The check above ran under the product locks, so this means stock moved without taking them; nothing is kept.
            var first = reserved[0];
            throw BusinessException.ForField(nameof(StockReservationRequest.Quantity), InventoryErrorCodes.InsufficientStock,
                first.Want.Product.Code, first.Want.Warehouse.Code, 0m, first.Request.Quantity);
        }
        return [];
    }

    public async Task ReleaseAsync(string sourceType, Guid sourceId, int sourceLine, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        if (await FindAsync(sourceType, sourceId, sourceLine, cancellationToken) is not { } reservation) return;
        await ReleaseLockedAsync(tenantId, [reservation.ProductId], () => FindManyAsync(sourceType, sourceId, sourceLine, cancellationToken), cancellationToken);
    }

    public async Task ReleaseAllAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        var reservations = await FindManyAsync(sourceType, sourceId, null, cancellationToken);
        if (reservations.Count == 0) return;
        await ReleaseLockedAsync(tenantId, reservations.Select(r => r.ProductId).Distinct().ToList(), () => FindManyAsync(sourceType, sourceId, null, cancellationToken), cancellationToken);
    }

    private async Task ReleaseLockedAsync(Guid tenantId, IReadOnlyList<Guid> products, Func<Task<List<StockReservation>>> reload, CancellationToken cancellationToken)
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

    private static void Release(StockBatch batch, Guid tenantId, IReadOnlyList<StockReservation> reservations, DateTimeOffset now)
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

    private async Task<(decimal Warehouse, decimal Balance)> FreeAsync(WantedReservation wanted, CancellationToken cancellationToken)
    {
        var warehouse = await db.StockWarehouseBalances.AsNoTracking()
            .Where(w => w.ProductId == wanted.Product.Id && w.WarehouseId == wanted.Warehouse.Id).Select(w => w.OnHand - w.Reserved).SingleAsync(cancellationToken);
        if (!wanted.IsSpecific) return (warehouse, decimal.MaxValue);
        var balance = await db.StockBalances.AsNoTracking()
            .Where(b => b.ProductId == wanted.Product.Id && b.WarehouseId == wanted.Warehouse.Id && b.LocationId == wanted.LocationKey && b.BatchNumber == wanted.BatchKey)
            .Select(b => b.OnHand - b.Reserved).SingleAsync(cancellationToken);
        return (warehouse, balance);
    }

    /// <summary>The free quantity (on hand − reserved) of every level, and every bin or batch balance, the lines want: two queries for all lines.</summary>
    private async Task<(Dictionary<(Guid, Guid), decimal> Levels, Dictionary<(Guid, Guid, Guid, string), decimal> Balances)> FreeAllAsync(
        IEnumerable<WantedReservation> wanted, CancellationToken cancellationToken)
    {
        var list = wanted.ToList();
        var productIds = list.Select(w => w.Product.Id).Distinct().ToList();
        var warehouseIds = list.Select(w => w.Warehouse.Id).Distinct().ToList();
        var levels = (await db.StockWarehouseBalances.AsNoTracking()
                .Where(w => productIds.Contains(w.ProductId) && warehouseIds.Contains(w.WarehouseId))
                .Select(w => new { w.ProductId, w.WarehouseId, Free = w.OnHand - w.Reserved }).ToListAsync(cancellationToken))
            .ToDictionary(w => (w.ProductId, w.WarehouseId), w => w.Free);
        var balances = new Dictionary<(Guid, Guid, Guid, string), decimal>();
        var specific = list.Where(w => w.IsSpecific).ToList();
        if (specific.Count > 0)
        {
            var specificProducts = specific.Select(w => w.Product.Id).Distinct().ToList();
            foreach (var b in await db.StockBalances.AsNoTracking().Where(b => specificProducts.Contains(b.ProductId) && warehouseIds.Contains(b.WarehouseId))
                         .Select(b => new { b.ProductId, b.WarehouseId, b.LocationId, b.BatchNumber, Free = b.OnHand - b.Reserved }).ToListAsync(cancellationToken))
            {
                balances[(b.ProductId, b.WarehouseId, b.LocationId, b.BatchNumber)] = b.Free;
            }
        }
        return (levels, balances);
    }

    /// <summary>What each line asks for, checked as <see cref="CheckAsync"/> does, with the products and warehouses read in one query each.</summary>
    private async Task<Dictionary<int, WantedReservation>> CheckAllAsync(IReadOnlyList<StockReservationRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        var productIds = requests.Select(r => r.ProductId).Distinct().ToList();
        var warehouseIds = requests.Select(r => r.WarehouseId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var wanted = new Dictionary<int, WantedReservation>();
        foreach (var request in requests)
        {
            wanted[request.SourceLine] = await WantedAsync(request, products.GetValueOrDefault(request.ProductId), warehouses.GetValueOrDefault(request.WarehouseId), cancellationToken);
        }
        return wanted;
    }

    private async Task<WantedReservation> CheckAsync(StockReservationRequest request, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(p => p.Id == request.ProductId, cancellationToken);
        var warehouse = await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Id == request.WarehouseId, cancellationToken);
        return await WantedAsync(request, product, warehouse, cancellationToken);
    }

    private async Task<WantedReservation> WantedAsync(StockReservationRequest request, Product? product, Warehouse? warehouse, CancellationToken cancellationToken)
    {
        if (product is not { IsActive: true, IsStocked: true })
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.ProductId), InventoryErrorCodes.ProductNotStocked, request.SourceLine);
        }
        if (warehouse is not { IsActive: true })
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.WarehouseId), InventoryErrorCodes.WarehouseUnavailable, request.SourceLine);
        }
        var locationKey = StockConsts.NoLocation;
        if (request.LocationId is { } locationId && locationId != StockConsts.NoLocation)
        {
            if (!await db.WarehouseLocations.AnyAsync(l => l.Id == locationId && l.WarehouseId == warehouse.Id, cancellationToken))
            {
                throw BusinessException.ForField(nameof(StockReservationRequest.LocationId), InventoryErrorCodes.LocationNotInWarehouse, request.SourceLine, warehouse.Code);
            }
            locationKey = locationId;
        }
        var batch = request.BatchNumber?.Trim();
        if (!string.IsNullOrEmpty(batch) && !product.IsBatchTracked)
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.BatchNumber), InventoryErrorCodes.BatchNotTracked, request.SourceLine, product.Code);
        }
        if (batch is { Length: > StockConsts.MaxBatchNumberLength })
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.BatchNumber), InventoryErrorCodes.BatchNumberInvalid, request.SourceLine, StockConsts.MaxBatchNumberLength);
        }
        return new WantedReservation(product, warehouse, locationKey, string.IsNullOrEmpty(batch) ? StockConsts.NoBatch : batch);
    }

    private static void CheckRequest(StockReservationRequest request)
    {
        if (request.Quantity < 0m || request.Quantity > StockConsts.MaxQuantity || decimal.Round(request.Quantity, StockConsts.QuantityScale) != request.Quantity)
        {
            throw BusinessException.ForField(nameof(StockReservationRequest.Quantity), InventoryErrorCodes.ReservationQuantityInvalid, StockConsts.QuantityScale);
        }
        StockPostingRules.CheckSource(new StockPosting(request.SourceType, request.SourceId, request.SourceNumber, default, []));
    }

    private Task<StockReservation?> FindAsync(string sourceType, Guid sourceId, int sourceLine, CancellationToken cancellationToken) =>
        db.StockReservations.AsNoTracking().FirstOrDefaultAsync(r => r.SourceType == sourceType && r.SourceId == sourceId && r.SourceLine == sourceLine, cancellationToken);

    private Task<List<StockReservation>> FindManyAsync(string sourceType, Guid sourceId, int? sourceLine, CancellationToken cancellationToken) =>
        db.StockReservations.AsNoTracking()
            .Where(r => r.SourceType == sourceType && r.SourceId == sourceId && (sourceLine == null || r.SourceLine == sourceLine))
            .ToListAsync(cancellationToken);

    private sealed record WantedReservation(Product Product, Warehouse Warehouse, Guid LocationKey, string BatchKey)
    {
        public bool IsSpecific => LocationKey != StockConsts.NoLocation || BatchKey != StockConsts.NoBatch;
    }
}
