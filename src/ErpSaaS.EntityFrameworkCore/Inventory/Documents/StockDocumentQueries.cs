using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Inventory.Documents;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Documents;

internal sealed class StockDocumentQueries(ErpDbContext db) : IStockDocumentQueries
{
    private static readonly SortMap<StockDocument> Sorts = new SortMap<StockDocument>("number", true, d => d.Id)
        .Add("number", d => d.Number)
        .Add("createdAt", d => d.CreatedAt)
        .Add("postedAt", d => d.PostedAt)
        .Add("status", d => d.Status);

    public async Task<PagedResult<StockDocumentSummaryDto>> GetListAsync(StockDocumentKind kind, StockDocumentListQuery query, CancellationToken cancellationToken = default)
    {
        var documents = db.StockDocuments.AsNoTracking().IgnoreAutoIncludes().Where(d => d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            documents = documents.Where(d => EF.Functions.ILike(d.Number, pattern) || (d.Comment != null && EF.Functions.ILike(d.Comment, pattern)));
        }
        if (query.Status is { } status) documents = documents.Where(d => d.Status == status);
        var page = await Sorts.Apply(documents, query.Sort, query.Desc)
            .ToPageAsync(query, d => new { d.Id, d.Number, d.Status, d.CreatedAt, d.PostedAt, d.Comment }, cancellationToken);
        var ids = page.Items.Select(d => d.Id).ToList();
        var (lineCounts, details) = await LineCountsAndDetailsAsync(kind, ids, cancellationToken);
        return new PagedResult<StockDocumentSummaryDto>(
            [.. page.Items.Select(d => new StockDocumentSummaryDto(d.Id, d.Number, d.Status, d.CreatedAt, d.PostedAt, d.Comment,
                lineCounts.GetValueOrDefault(d.Id), details.GetValueOrDefault(d.Id)))],
            page.TotalCount, page.Page, page.PageSize);
    }

    public async Task<OpeningBalanceDto?> FindOpeningAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await HeaderAsync(id, StockDocumentKind.Opening, cancellationToken) is not { } header) return null;
        var lines = await (
            from l in db.OpeningBalanceLines.AsNoTracking()
            where l.DocumentId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            join w in db.Warehouses on l.WarehouseId equals w.Id
            from location in db.WarehouseLocations.Where(x => x.Id == l.LocationId).DefaultIfEmpty()
            orderby l.LineNumber
            select new OpeningBalanceLineDto(l.LineNumber, p.Id, p.Code, p.Name, w.Id, w.Code, location == null ? null : location.Code, l.BatchNumber,
                l.ExpiryDate, l.Quantity, l.Unit, l.BaseQuantity, p.BaseUnit, l.UnitCost, l.PostedValue)).ToListAsync(cancellationToken);
        return new OpeningBalanceDto(header, lines);
    }

    public async Task<StockTransferDto?> FindTransferAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await HeaderAsync(id, StockDocumentKind.Transfer, cancellationToken) is not { } header) return null;
        var lines = await (
            from l in db.StockTransferLines.AsNoTracking()
            where l.DocumentId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            join source in db.Warehouses on l.FromWarehouseId equals source.Id
            join target in db.Warehouses on l.ToWarehouseId equals target.Id
            from fromLocation in db.WarehouseLocations.Where(x => x.Id == l.FromLocationId).DefaultIfEmpty()
            from toLocation in db.WarehouseLocations.Where(x => x.Id == l.ToLocationId).DefaultIfEmpty()
            orderby l.LineNumber
            select new StockTransferLineDto(l.LineNumber, p.Code, p.Name, source.Id, source.Code, fromLocation == null ? null : fromLocation.Code, l.BatchNumber,
                target.Id, target.Code, toLocation == null ? null : toLocation.Code, l.Quantity, l.Unit, l.BaseQuantity, p.BaseUnit, l.PostedUnitCost,
                l.IssuedValue, l.ReceivedValue)).ToListAsync(cancellationToken);
        return new StockTransferDto(header, lines);
    }

    public async Task<StockAdjustmentDto?> FindAdjustmentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await HeaderAsync(id, StockDocumentKind.Adjustment, cancellationToken) is not { } header) return null;
        var reason = await db.Set<StockAdjustment>().AsNoTracking().IgnoreAutoIncludes().Where(a => a.Id == id).Select(a => a.Reason).SingleAsync(cancellationToken);
        var lines = await (
            from l in db.StockAdjustmentLines.AsNoTracking()
            where l.DocumentId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            join w in db.Warehouses on l.WarehouseId equals w.Id
            from location in db.WarehouseLocations.Where(x => x.Id == l.LocationId).DefaultIfEmpty()
            orderby l.LineNumber
            select new StockAdjustmentLineDto(l.LineNumber, p.Code, p.Name, w.Id, w.Code, location == null ? null : location.Code, l.BatchNumber,
                l.ExpiryDate, l.Quantity, l.Unit, l.BaseQuantity, p.BaseUnit, l.UnitCost, l.PostedUnitCost, l.PostedValue)).ToListAsync(cancellationToken);
        return new StockAdjustmentDto(header, reason, lines);
    }

    public async Task<StockCountDto?> FindCountAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await HeaderAsync(id, StockDocumentKind.Count, cancellationToken) is not { } header) return null;
        var count = await (
            from c in db.Set<StockCount>().AsNoTracking().IgnoreAutoIncludes()
            where c.Id == id
            join w in db.Warehouses on c.WarehouseId equals w.Id
            from category in db.ProductCategories.Where(x => x.Id == c.CategoryId).DefaultIfEmpty()
            select new { c.WarehouseId, w.Code, w.Name, c.LocationIds, c.CategoryId, CategoryName = category == null ? null : category.Name, c.FrozenAt })
            .SingleAsync(cancellationToken);
        var locationCodes = await db.WarehouseLocations.AsNoTracking().Where(l => count.LocationIds.Contains(l.Id)).OrderBy(l => l.Code)
            .Select(l => l.Code).ToListAsync(cancellationToken);
        var lines = await (
            from l in db.StockCountLines.AsNoTracking()
            where l.DocumentId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            from location in db.WarehouseLocations.Where(x => x.Id == l.LocationId).DefaultIfEmpty()
            orderby location == null ? null : location.Code, p.Code, l.BatchNumber, l.LineNumber
            select new StockCountLineDto(l.LineNumber, l.LocationId, location == null ? null : location.Code, p.Id, p.Code, p.Name, p.Specification,
                p.BaseUnit, l.BatchNumber, l.ExpiryDate, l.BookQuantity, l.CountedQuantity, l.BookUnitCost, l.PostedValue)).ToListAsync(cancellationToken);
        return new StockCountDto(header, count.WarehouseId, count.Code, count.Name, count.LocationIds, locationCodes, count.CategoryId, count.CategoryName,
            count.FrozenAt, lines);
    }

    public async Task<StockDocumentOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => w.IsActive).OrderByDescending(w => w.IsDefault).ThenBy(w => w.Code)
            .Select(w => new { w.Id, w.Code, w.Name }).ToListAsync(cancellationToken);
        var locations = await db.WarehouseLocations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code)
            .Select(l => new { l.WarehouseId, Option = new LocationOptionDto(l.Id, l.Code, l.Name) }).ToListAsync(cancellationToken);
        var categories = await db.ProductCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
            .Select(c => new CategoryOptionDto(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        return new StockDocumentOptionsDto(
            [.. warehouses.Select(w => new WarehouseOptionDto(w.Id, w.Code, w.Name, [.. locations.Where(l => l.WarehouseId == w.Id).Select(l => l.Option)]))],
            categories);
    }

    private async Task<StockDocumentHeaderDto?> HeaderAsync(Guid id, StockDocumentKind kind, CancellationToken cancellationToken)
    {
        var header = await db.StockDocuments.AsNoTracking().IgnoreAutoIncludes().Where(d => d.Id == id && d.Kind == kind)
            .Select(d => new { d.Id, d.Number, d.Status, d.Version, d.Comment, d.CreatedAt, d.PostedAt }).FirstOrDefaultAsync(cancellationToken);
        if (header is null) return null;
        var timeline = await db.StockDocumentEvents.AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new StockDocumentEventDto(e.Status, e.At, e.UserName, e.Comment)).ToListAsync(cancellationToken);
        return new StockDocumentHeaderDto(header.Id, header.Number, header.Status, header.Version, header.Comment, header.CreatedAt, header.PostedAt, timeline);
    }

    /// <summary>Lines per document, and what sets documents of the kind apart in a list (the warehouses, the reason).</summary>
    private async Task<(Dictionary<Guid, int> LineCounts, Dictionary<Guid, string?> Details)> LineCountsAndDetailsAsync(
        StockDocumentKind kind, List<Guid> ids, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case StockDocumentKind.Opening:
            {
                var rows = await (from l in db.OpeningBalanceLines.AsNoTracking() where ids.Contains(l.DocumentId)
                                  join w in db.Warehouses on l.WarehouseId equals w.Id select new { l.DocumentId, w.Code }).ToListAsync(cancellationToken);
                return (rows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.Count()),
                    rows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => (string?)string.Join(", ", g.Select(r => r.Code).Distinct().Order())));
            }
            case StockDocumentKind.Transfer:
            {
                var rows = await (from l in db.StockTransferLines.AsNoTracking() where ids.Contains(l.DocumentId)
                                  join source in db.Warehouses on l.FromWarehouseId equals source.Id
                                  join target in db.Warehouses on l.ToWarehouseId equals target.Id
                                  select new { l.DocumentId, Route = source.Code + " → " + target.Code }).ToListAsync(cancellationToken);
                return (rows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.Count()),
                    rows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => (string?)string.Join(", ", g.Select(r => r.Route).Distinct().Order())));
            }
            case StockDocumentKind.Adjustment:
            {
                var counts = await db.StockAdjustmentLines.AsNoTracking().Where(l => ids.Contains(l.DocumentId)).GroupBy(l => l.DocumentId)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                var reasons = await db.Set<StockAdjustment>().AsNoTracking().IgnoreAutoIncludes().Where(a => ids.Contains(a.Id))
                    .Select(a => new { a.Id, a.Reason }).ToDictionaryAsync(a => a.Id, a => (string?)a.Reason.ToString(), cancellationToken);
                return (counts, reasons);
            }
            default:
            {
                var counts = await db.StockCountLines.AsNoTracking().Where(l => ids.Contains(l.DocumentId)).GroupBy(l => l.DocumentId)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                var warehouses = await (from c in db.Set<StockCount>().AsNoTracking().IgnoreAutoIncludes() where ids.Contains(c.Id)
                                        join w in db.Warehouses on c.WarehouseId equals w.Id select new { c.Id, w.Code, w.Name })
                    .ToDictionaryAsync(c => c.Id, c => (string?)$"{c.Code} · {c.Name}", cancellationToken);
                return (counts, warehouses);
            }
        }
    }
}
