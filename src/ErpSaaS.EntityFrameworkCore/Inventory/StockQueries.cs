using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Inventory;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

internal sealed class StockQueries(ErpDbContext db, IStockRevaluations revaluations, Catalog.ProductSearch productSearch) : IStockQueries
{
    public async Task<StockOnHandPageDto> GetOnHandAsync(StockOnHandQuery query, CancellationToken cancellationToken = default)
    {
        var balances = db.StockBalances.AsNoTracking();
        if (query.WarehouseId is { } warehouseId) balances = balances.Where(b => b.WarehouseId == warehouseId);
        if (query.LocationId is { } locationId) balances = balances.Where(b => b.LocationId == locationId);
        if (!query.IncludeZero) balances = balances.Where(b => b.OnHand != 0m || b.Reserved != 0m);
        var sort = query.Sort?.ToLowerInvariant();
        var byCode = sort is not ("warehouse" or "onhand" or "value" or "expiry");
        var size = Math.Clamp(query.PageSize, 1, PageRequest.MaxExportRows);
        var pageNumber = Math.Max(1, query.Page);
        OnHandSummary? summary = null;
        // Set when the search already knows which rows of which products make the page: how many of their rows to skip.
        int? skipWithin = null;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // The search picks its products first, once, in code order (remembered while the catalog stays as it is).
            var pattern = Paging.Contains(query.Search);
            Guid[] matching = [.. await productSearch.MatchingAsync(query.Search, cancellationToken)];
            // A batch number matches on its own. The balances with a batch are few and have their own partial index.
            var batches = await balances.Where(b => b.BatchNumber != StockConsts.NoBatch && EF.Functions.ILike(b.BatchNumber, pattern))
                .Select(b => b.Id).ToListAsync(cancellationToken);
            if (batches.Count > 0)
            {
                balances = balances.Where(b => matching.Contains(b.ProductId) || batches.Contains(b.Id));
            }
            else
            {
                // Products only (the usual search): one pass over their balances gives each product's row count and figures,
                // so the totals, and when sorted by code the very products the page shows, are known before any row is read.
                var figures = await balances.Where(b => matching.Contains(b.ProductId)).GroupBy(b => b.ProductId)
                    .Select(g => new { ProductId = g.Key, Rows = g.Count(), OnHand = g.Sum(b => b.OnHand), Reserved = g.Sum(b => b.Reserved), Value = g.Sum(b => b.Value) })
                    .ToDictionaryAsync(f => f.ProductId, cancellationToken);
                summary = new OnHandSummary(figures.Values.Sum(f => f.Rows), figures.Values.Sum(f => f.OnHand), figures.Values.Sum(f => f.Reserved), figures.Values.Sum(f => f.Value));
                var found = matching.Where(figures.ContainsKey).ToList();
                if (byCode)
                {
                    (found, skipWithin) = ProductsOnPage(query.Desc ? Enumerable.Reverse(found) : found, id => figures[id].Rows, (pageNumber - 1) * size, size);
                }
                // Only products with rows here are left (sorted by code, only the page's), so they alone filter the rows.
                balances = balances.Where(b => found.Contains(b.ProductId));
            }
        }
        // Unsearched, the row count and totals are the warehouses' kept figures (migration 0034); otherwise one pass over
        // the balances found, alone: every balance has its product and warehouse.
        summary ??= string.IsNullOrWhiteSpace(query.Search) && query.LocationId is null && db.CurrentTenantId is { } tenantId
            ? await KeptTotalsAsync(tenantId, query.WarehouseId, query.IncludeZero, cancellationToken)
            : await balances.GroupBy(_ => 1)
                .Select(g => new OnHandSummary(g.Count(), g.Sum(b => b.OnHand), g.Sum(b => b.Reserved), g.Sum(b => b.Value)))
                .FirstOrDefaultAsync(cancellationToken);
        var totals = summary is null ? new StockTotalsDto(0m, 0m, 0m, 0m) : new StockTotalsDto(summary.OnHand, summary.Reserved, summary.OnHand - summary.Reserved, summary.Value);
        var rows = from b in balances
                   join p in db.Products.IgnoreAutoIncludes() on b.ProductId equals p.Id
                   join w in db.Warehouses on b.WarehouseId equals w.Id
                   join l in db.WarehouseLocations on b.LocationId equals l.Id into bins
                   from l in bins.DefaultIfEmpty()
                   select new { Balance = b, Product = p, Warehouse = w, LocationCode = l == null ? null : l.Code };
        // Sorted by on hand or value, the rows come in order from the (tenant, on hand) and (tenant, value) indexes, and
        // the scan stops at the page asked for (numeric comparisons are not leakproof, so a bound on the figure could not
        // narrow the index scan under row-level security: it would only make the scan read on to the end).
        var ordered = (sort, query.Desc) switch
        {
            ("warehouse", false) => rows.OrderBy(r => r.Warehouse.Code).ThenBy(r => r.Product.Code),
            ("warehouse", true) => rows.OrderByDescending(r => r.Warehouse.Code).ThenBy(r => r.Product.Code),
            ("onhand", false) => rows.OrderBy(r => r.Balance.OnHand).ThenBy(r => r.Product.Code),
            ("onhand", true) => rows.OrderByDescending(r => r.Balance.OnHand).ThenBy(r => r.Product.Code),
            ("value", false) => rows.OrderBy(r => r.Balance.Value).ThenBy(r => r.Product.Code),
            ("value", true) => rows.OrderByDescending(r => r.Balance.Value).ThenBy(r => r.Product.Code),
            ("expiry", false) => rows.OrderBy(r => r.Balance.ExpiryDate).ThenBy(r => r.Product.Code),
            ("expiry", true) => rows.OrderByDescending(r => r.Balance.ExpiryDate).ThenBy(r => r.Product.Code),
            (_, true) => rows.OrderByDescending(r => r.Product.Code).ThenBy(r => r.Warehouse.Code),
            _ => rows.OrderBy(r => r.Product.Code).ThenBy(r => r.Warehouse.Code),
        };
        var inOrder = ordered.ThenBy(r => r.LocationCode).ThenBy(r => r.Balance.BatchNumber).ThenBy(r => r.Balance.Id);
        var count = summary?.Count ?? 0;
        var skipRows = skipWithin ?? (pageNumber - 1) * size;
        List<StockOnHandRowDto> items = skipWithin is null && count <= skipRows ? [] : await inOrder.Skip(skipRows).Take(size).Select(r => new StockOnHandRowDto(
            r.Product.Id, r.Product.Code, r.Product.Name, r.Product.BaseUnit, r.Warehouse.Id, r.Warehouse.Code, r.Balance.LocationId, r.LocationCode,
            r.Balance.BatchNumber, r.Balance.ExpiryDate, r.Balance.OnHand, r.Balance.Reserved, r.Balance.Available, r.Balance.Value)).ToListAsync(cancellationToken);
        var page = new PagedResult<StockOnHandRowDto>(items, count, pageNumber, size);
        return new StockOnHandPageDto(page, totals);
    }

    /// <summary>
    /// The products whose rows fall on a page, given each product's row count in page order, and how many rows of the
    /// first of them come before the page.
    /// </summary>
    private static (List<Guid> Products, int SkipWithin) ProductsOnPage(IEnumerable<Guid> inOrder, Func<Guid, int> rowsOf, int skip, int take)
    {
        var onPage = new List<Guid>();
        var before = 0;
        var skipWithin = 0;
        foreach (var product in inOrder)
        {
            var rows = rowsOf(product);
            if (rows == 0) continue;
            if (before + rows <= skip)
            {
                before += rows;
                continue;
            }
            if (onPage.Count == 0) skipWithin = skip - before;
            onPage.Add(product);
            before += rows;
            if (before >= skip + take) break;
        }
        return (onPage, skipWithin);
    }

    /// <summary>The company's (or one warehouse's) balance count and totals as PostgreSQL keeps them: a few rows per warehouse to add up.</summary>
    private async Task<OnHandSummary> KeptTotalsAsync(Guid tenantId, Guid? warehouseId, bool includeZero, CancellationToken cancellationToken)
    {
        var rows = warehouseId is { } warehouse
            ? db.Database.SqlQuery<KeptTotalsRow>($"""
                SELECT balances AS "Balances", nonzero_balances AS "NonzeroBalances", on_hand AS "OnHand", reserved AS "Reserved", value AS "Value", nonzero_value AS "NonzeroValue"
                FROM stock_balance_totals WHERE tenant_id = {tenantId} AND warehouse_id = {warehouse}
                """)
            : db.Database.SqlQuery<KeptTotalsRow>($"""
                SELECT balances AS "Balances", nonzero_balances AS "NonzeroBalances", on_hand AS "OnHand", reserved AS "Reserved", value AS "Value", nonzero_value AS "NonzeroValue"
                FROM stock_balance_totals WHERE tenant_id = {tenantId}
                """);
        var kept = await rows.ToListAsync(cancellationToken);
        // A balance left at zero (nothing on hand or reserved) is listed only with "include zero"; its value is a rounding rest at most.
        return new OnHandSummary(
            (int)kept.Sum(r => includeZero ? r.Balances : r.NonzeroBalances), kept.Sum(r => r.OnHand), kept.Sum(r => r.Reserved),
            kept.Sum(r => includeZero ? r.Value : r.NonzeroValue));
    }

    private sealed record OnHandSummary(int Count, decimal OnHand, decimal Reserved, decimal Value);

    private sealed record KeptTotalsRow(long Balances, long NonzeroBalances, decimal OnHand, decimal Reserved, decimal Value, decimal NonzeroValue);

    public async Task<ProductStockDto?> FindProductAsync(Guid productId, CancellationToken cancellationToken = default)
    {
        var product = await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Id == productId)
            .Select(p => new { p.Id, p.Code, p.Name, p.BaseUnit, p.ValuationMethod }).FirstOrDefaultAsync(cancellationToken);
        if (product is null) return null;
        var values = await db.StockBalances.AsNoTracking().Where(b => b.ProductId == productId)
            .GroupBy(b => b.WarehouseId).Select(g => new { WarehouseId = g.Key, Value = g.Sum(b => b.Value) })
            .ToDictionaryAsync(v => v.WarehouseId, v => v.Value, cancellationToken);
        var levels = await (from t in db.StockWarehouseBalances.AsNoTracking()
                            join w in db.Warehouses on t.WarehouseId equals w.Id
                            where t.ProductId == productId
                            orderby w.Code
                            select new { w.Id, w.Code, w.Name, t.OnHand, t.Reserved, t.Available, t.OnOrder, t.Planned }).ToListAsync(cancellationToken);
        return new ProductStockDto(product.Id, product.Code, product.Name, product.BaseUnit, product.ValuationMethod,
            levels.Select(l => new ProductStockLevelDto(l.Id, l.Code, l.Name, l.OnHand, l.Reserved, l.Available, l.OnOrder, l.Planned, values.GetValueOrDefault(l.Id))).ToList());
    }

    public async Task<PagedResult<StockMovementDto>> GetMovementsAsync(
        Guid productId, StockMovementQuery query, DateTimeOffset? from, DateTimeOffset? before, CancellationToken cancellationToken = default)
    {
        // Running figures a large backdated posting left to be rewritten are written before they are shown.
        await revaluations.SettleAsync(productId, cancellationToken);
        var entries = db.StockLedgerEntries.AsNoTracking().Where(e => e.ProductId == productId);
        if (query.WarehouseId is { } warehouseId) entries = entries.Where(e => e.WarehouseId == warehouseId);
        if (Paging.Utc(from) is { } start) entries = entries.Where(e => e.PostedAt >= start);
        if (Paging.Utc(before) is { } end) entries = entries.Where(e => e.PostedAt < end);
        var rows = from e in entries
                   join v in db.StockEntryValuations on e.Id equals v.Id
                   join w in db.Warehouses on e.WarehouseId equals w.Id
                   join l in db.WarehouseLocations on e.LocationId equals l.Id into bins
                   from l in bins.DefaultIfEmpty()
                   select new { Entry = e, Valuation = v, WarehouseCode = w.Code, LocationCode = l == null ? null : l.Code };
        // Newest first, as a statement reads; the posting order (time, then write order) breaks ties.
        var ordered = query.Sort?.Equals("postedAt", StringComparison.OrdinalIgnoreCase) == true && !query.Desc
            ? rows.OrderBy(r => r.Entry.PostedAt).ThenBy(r => r.Entry.Sequence)
            : rows.OrderByDescending(r => r.Entry.PostedAt).ThenByDescending(r => r.Entry.Sequence);
        return await ordered.ToPageAsync(query, r => new StockMovementDto(
            r.Entry.Id, r.Entry.PostedAt, r.Entry.SourceType, r.Entry.SourceNumber, r.Entry.SourceLine, r.WarehouseCode, r.LocationCode,
            r.Entry.BatchNumber, r.Entry.Quantity, r.Valuation.UnitCost, r.Valuation.Value, r.Valuation.QuantityAfter, r.Valuation.ValueAfter), cancellationToken);
    }

    public async Task<(PagedResult<StockValueRowDto> Page, decimal TotalQuantity, decimal TotalValue)> GetValueAsync(
        StockValueQuery query, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        // Entry values a large backdated posting left to be rewritten are written before they are summed.
        await revaluations.SettleAsync(cancellationToken: cancellationToken);
        var end = before.ToUniversalTime();
        var entries = db.StockLedgerEntries.AsNoTracking().Where(e => e.PostedAt < end);
        if (query.WarehouseId is { } warehouseId) entries = entries.Where(e => e.WarehouseId == warehouseId);
        var sums = (from e in entries join v in db.StockEntryValuations on e.Id equals v.Id select new { e.ProductId, e.WarehouseId, e.Quantity, v.Value })
            .GroupBy(e => new { e.ProductId, e.WarehouseId })
            .Select(g => new { g.Key.ProductId, g.Key.WarehouseId, Quantity = g.Sum(e => e.Quantity), Value = g.Sum(e => e.Value) })
            .Where(s => s.Quantity != 0m || s.Value != 0m);
        var rows = from s in sums
                   join p in db.Products.IgnoreAutoIncludes() on s.ProductId equals p.Id
                   join w in db.Warehouses on s.WarehouseId equals w.Id
                   select new { s.Quantity, s.Value, Product = p, Warehouse = w };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.Product.Code, pattern) || EF.Functions.ILike(r.Product.Name, pattern));
        }
        var totals = await rows.GroupBy(_ => 1).Select(g => new { Quantity = g.Sum(r => r.Quantity), Value = g.Sum(r => r.Value) }).FirstOrDefaultAsync(cancellationToken);
        var ordered = query.Sort?.ToLowerInvariant() switch
        {
            "value" => query.Desc ? rows.OrderByDescending(r => r.Value) : rows.OrderBy(r => r.Value),
            "warehouse" => query.Desc ? rows.OrderByDescending(r => r.Warehouse.Code) : rows.OrderBy(r => r.Warehouse.Code),
            _ => query.Desc ? rows.OrderByDescending(r => r.Product.Code) : rows.OrderBy(r => r.Product.Code),
        };
        var page = await ordered.ThenBy(r => r.Product.Code).ThenBy(r => r.Warehouse.Code).ToPageAsync(query, r => new StockValueRowDto(
            r.Product.Id, r.Product.Code, r.Product.Name, r.Product.BaseUnit, r.Warehouse.Id, r.Warehouse.Code, r.Quantity, r.Value), cancellationToken);
        return (page, totals?.Quantity ?? 0m, totals?.Value ?? 0m);
    }

    public async Task<StockFilterOptionsDto> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        var warehouses = await db.Warehouses.AsNoTracking().OrderBy(w => w.Code).Select(w => new StockOptionDto(w.Id, w.Code, w.Name, null)).ToListAsync(cancellationToken);
        var locations = await (from l in db.WarehouseLocations.AsNoTracking()
                               join w in db.Warehouses on l.WarehouseId equals w.Id
                               orderby w.Code, l.Code
                               select new StockOptionDto(l.Id, w.Code + " / " + l.Code, l.Name, l.WarehouseId)).ToListAsync(cancellationToken);
        return new StockFilterOptionsDto(warehouses, locations);
    }

    public async Task<StockVerificationRunDto?> FindLastVerificationAsync(CancellationToken cancellationToken = default)
    {
        var run = await db.StockVerificationRuns.AsNoTracking().OrderByDescending(r => r.RanAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (run is null) return null;
        var userName = run.UserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) : null;
        var differences = await (from d in db.StockVerificationDifferences.AsNoTracking()
                                 where d.RunId == run.Id
                                 join p in db.Products.IgnoreAutoIncludes() on d.ProductId equals p.Id into products
                                 from p in products.DefaultIfEmpty()
                                 join w in db.Warehouses on d.WarehouseId equals w.Id into warehouses
                                 from w in warehouses.DefaultIfEmpty()
                                 join l in db.WarehouseLocations on d.LocationId equals l.Id into bins
                                 from l in bins.DefaultIfEmpty()
                                 orderby d.Kind, p.Code, w.Code
                                 // Page totals are per warehouse, of no product.
                                 select new StockDifferenceDto(d.Kind, d.ProductId, p != null ? p.Code : d.ProductId == Guid.Empty ? "" : "?", w == null ? null : w.Code, l == null ? null : l.Code,
                                     d.BatchNumber, d.KeptQuantity, d.LedgerQuantity, d.KeptValue, d.LedgerValue)).ToListAsync(cancellationToken);
        return new StockVerificationRunDto(run.Id, run.RanAt, run.Trigger, userName, run.CheckedRows, run.DifferenceCount, differences);
    }
}

internal sealed class StockVerificationRepository(ErpDbContext db) : IStockVerificationRepository
{
    public void Add(StockVerificationRun run) => db.StockVerificationRuns.Add(run);
}

/// <summary>Host side, across tenants on purpose: the companies the nightly verification visits.</summary>
internal sealed class StockVerificationTenants(ErpDbContext db) : IStockVerificationTenants
{
    public async Task<IReadOnlyList<Guid>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var _ = db.DisableTenantFilter();
        return await db.Tenants.AsNoTracking()
            .Where(t => t.Status == ErpSaaS.Tenancy.TenantStatus.Trialing || t.Status == ErpSaaS.Tenancy.TenantStatus.Active || t.Status == ErpSaaS.Tenancy.TenantStatus.PastDue)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
    }
}

/// <summary>The valuation scope stays as it is once stock has been posted: every pool's history is valued in it.</summary>
internal sealed class ValuationScopeGuard(ErpDbContext db) : ErpSaaS.Settings.ISettingChangeGuard
{
    public async Task CheckAsync(string name, string oldValue, string newValue, string field, CancellationToken cancellationToken = default)
    {
        if (name != InventorySettings.ValuationScope || oldValue == newValue) return;
        if (await db.StockLedgerEntries.AnyAsync(cancellationToken))
        {
            throw BusinessException.ForField(field, ErpSaaS.Errors.InventoryErrorCodes.ValuationScopeLocked);
        }
    }
}
