using ErpSaaS.Common;
using ErpSaaS.Inventory.Alerts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Alerts;

internal sealed class StockAlertQueries(ErpDbContext db) : IStockAlertQueries
{
    public async Task<IReadOnlyDictionary<StockAlertKind, int>> CountAsync(StockAlertWindow window, CancellationToken cancellationToken = default)
    {
        var rows = await db.Database.SqlQueryRaw<KindCount>(
                $"""{StockAlertSql.Alerts} SELECT kind AS "Kind", count(*)::integer AS "Count" FROM alerts GROUP BY kind""",
                [.. StockAlertSql.WindowParameters(TenantId, window)])
            .ToListAsync(cancellationToken);
        return Enum.GetValues<StockAlertKind>().ToDictionary(k => k, k => rows.FirstOrDefault(r => r.Kind == (int)k)?.Count ?? 0);
    }

    public async Task<PagedResult<StockAlertDto>> GetListAsync(StockAlertListQuery query, StockAlertWindow window, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            {StockAlertSql.Alerts}
            SELECT a.kind AS "Kind", a.product_id AS "ProductId", p.code AS "ProductCode", p.name AS "ProductName", p.base_unit AS "BaseUnit",
                   a.warehouse_id AS "WarehouseId", w.code AS "WarehouseCode", a.batch_number AS "BatchNumber", a.expiry_date AS "ExpiryDate",
                   a.quantity AS "Quantity", a.threshold AS "Threshold", a.last_issue_at AS "LastIssueAt", a.days AS "Days",
                   count(*) OVER ()::integer AS "TotalCount"
            FROM alerts a
            JOIN products p ON p.id = a.product_id
            LEFT JOIN warehouses w ON w.id = a.warehouse_id
            WHERE (@kind::integer IS NULL OR a.kind = @kind) AND {StockAlertSql.SearchFilter} AND {StockAlertSql.WarehouseFilter("a.warehouse_id")}
            ORDER BY a.kind, p.code, w.code NULLS FIRST, a.expiry_date, a.batch_number
            LIMIT @take OFFSET @skip
            """;
        NpgsqlParameter kind = new("kind", NpgsqlDbType.Integer) { Value = query.Kind is { } k ? (int)k : DBNull.Value };
        var rows = await db.Database.SqlQueryRaw<AlertRow>(sql,
                [.. StockAlertSql.WindowParameters(TenantId, window), .. StockAlertSql.FilterParameters(query.Search, query.WarehouseId), kind,
                 .. StockAlertSql.PageParameters(query.Page, query.PageSize)])
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new StockAlertDto(
            (StockAlertKind)r.Kind, r.ProductId, r.ProductCode, r.ProductName, r.BaseUnit, r.WarehouseId, r.WarehouseCode, r.BatchNumber,
            r.ExpiryDate, r.Quantity, r.Threshold, r.LastIssueAt, r.Days)).ToList();
        return new PagedResult<StockAlertDto>(items, rows.FirstOrDefault()?.TotalCount ?? 0, query.Page, query.PageSize);
    }

    public async Task<PagedResult<ReplenishmentSuggestionDto>> GetReplenishmentAsync(
        ReplenishmentQuery query, IReadOnlyCollection<Guid>? productIds, CancellationToken cancellationToken = default)
    {
        // The pack is the largest unit conversion (ties broken by unit code, so the choice is stable).
        var sql = $"""
            WITH {StockAlertSql.Totals},
            packs AS (
                SELECT DISTINCT ON (product_id) product_id, unit_code, factor
                FROM product_unit_conversions WHERE tenant_id = @tenant ORDER BY product_id, factor DESC, unit_code),
            figures AS (
                SELECT p.id, p.code, p.name, p.base_unit, p.default_warehouse_id, p.lead_time_days, p.reorder_point, p.reorder_quantity, p.maximum_stock,
                       coalesce(t.on_hand, 0) AS on_hand, coalesce(t.reserved, 0) AS reserved, coalesce(t.on_order, 0) AS on_order, coalesce(t.planned, 0) AS planned
                FROM products p LEFT JOIN totals t ON t.product_id = p.id
                WHERE p.tenant_id = @tenant AND p.is_active AND p.type <> 'Service' AND p.reorder_point > 0
                  AND (@ids::uuid[] IS NULL OR p.id = ANY(@ids)) AND {StockAlertSql.SearchFilter})
            SELECT f.id AS "ProductId", f.code AS "ProductCode", f.name AS "ProductName", f.base_unit AS "BaseUnit",
                   f.default_warehouse_id AS "DefaultWarehouseId", f.lead_time_days AS "LeadTimeDays",
                   f.on_hand AS "OnHand", f.reserved AS "Reserved", f.on_order AS "OnOrder", f.planned AS "Planned",
                   f.on_hand - f.reserved + f.on_order + f.planned AS "Projected",
                   f.reorder_point AS "ReorderPoint", f.reorder_quantity AS "ReorderQuantity", f.maximum_stock AS "MaximumStock",
                   k.unit_code AS "PackUnit", k.factor AS "PackSize", count(*) OVER ()::integer AS "TotalCount"
            FROM figures f LEFT JOIN packs k ON k.product_id = f.id
            WHERE f.on_hand - f.reserved + f.on_order + f.planned <= f.reorder_point
            ORDER BY f.code
            LIMIT @take OFFSET @skip
            """;
        NpgsqlParameter ids = new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = productIds is null ? DBNull.Value : productIds.ToArray() };
        var rows = await db.Database.SqlQueryRaw<ReplenishmentRow>(sql,
                [new NpgsqlParameter<Guid>("tenant", TenantId), ids, .. StockAlertSql.FilterParameters(query.Search, null),
                 .. StockAlertSql.PageParameters(query.Page, query.PageSize)])
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ReplenishmentSuggestionDto(
            r.ProductId, r.ProductCode, r.ProductName, r.BaseUnit, r.DefaultWarehouseId, r.LeadTimeDays, r.OnHand, r.Reserved, r.OnOrder, r.Planned,
            r.Projected, r.ReorderPoint, r.ReorderQuantity, r.MaximumStock, r.PackUnit, r.PackSize, 0m)).ToList();
        return new PagedResult<ReplenishmentSuggestionDto>(items, rows.FirstOrDefault()?.TotalCount ?? 0, query.Page, query.PageSize);
    }

    private Guid TenantId => db.CurrentTenantId ?? throw new InvalidOperationException("Stock alerts belong to a company; the host has none.");

    private sealed class KindCount
    {
        public int Kind { get; init; }
        public int Count { get; init; }
    }

    private sealed class AlertRow
    {
        public int Kind { get; init; }
        public Guid ProductId { get; init; }
        public string ProductCode { get; init; } = null!;
        public string ProductName { get; init; } = null!;
        public string BaseUnit { get; init; } = null!;
        public Guid? WarehouseId { get; init; }
        public string? WarehouseCode { get; init; }
        public string? BatchNumber { get; init; }
        public DateOnly? ExpiryDate { get; init; }
        public decimal Quantity { get; init; }
        public decimal? Threshold { get; init; }
        public DateTimeOffset? LastIssueAt { get; init; }
        public int? Days { get; init; }
        public int TotalCount { get; init; }
    }

    private sealed class ReplenishmentRow
    {
        public Guid ProductId { get; init; }
        public string ProductCode { get; init; } = null!;
        public string ProductName { get; init; } = null!;
        public string BaseUnit { get; init; } = null!;
        public Guid? DefaultWarehouseId { get; init; }
        public int LeadTimeDays { get; init; }
        public decimal OnHand { get; init; }
        public decimal Reserved { get; init; }
        public decimal OnOrder { get; init; }
        public decimal Planned { get; init; }
        public decimal Projected { get; init; }
        public decimal ReorderPoint { get; init; }
        public decimal ReorderQuantity { get; init; }
        public decimal? MaximumStock { get; init; }
        public string? PackUnit { get; init; }
        public decimal? PackSize { get; init; }
        public int TotalCount { get; init; }
    }
}

internal sealed class StockAlertDigestRepository(ErpDbContext db) : IStockAlertDigestRepository
{
    public Task<bool> ExistsAsync(DateOnly digestDate, CancellationToken cancellationToken = default) =>
        db.Set<StockAlertDigest>().AnyAsync(d => d.DigestDate == digestDate, cancellationToken);

    public async Task<IReadOnlyList<ErpSaaS.Identity.AppUser>> GetRecipientsAsync(string permission, CancellationToken cancellationToken = default)
    {
        var grants = db.PermissionGrants.Where(g => g.Name == permission);
        var roleIds = grants.Where(g => g.Grantee == ErpSaaS.Identity.PermissionGrantee.Role).Select(g => g.GranteeId);
        var userIds = grants.Where(g => g.Grantee == ErpSaaS.Identity.PermissionGrantee.User).Select(g => g.GranteeId);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && u.Email != ""
                        && (userIds.Contains(u.Id) || db.UserRoles.Any(r => r.UserId == u.Id && roleIds.Contains(r.RoleId))))
            .OrderBy(u => u.UserName)
            .ToListAsync(cancellationToken);
    }

    public void Add(StockAlertDigest digest) => db.Set<StockAlertDigest>().Add(digest);
}
