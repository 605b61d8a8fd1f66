using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

internal sealed class WarehouseRepository(ErpDbContext db) : IWarehouseRepository
{
    public Task<Warehouse?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Warehouses.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.Warehouses.Local.Any(w => w.Code == code && w.Id != except)
        || await db.Warehouses.AnyAsync(w => w.Code == code && w.Id != except, cancellationToken);

    public Task<int> CountActiveAsync(CancellationToken cancellationToken = default) =>
        db.Warehouses.CountAsync(w => w.IsActive, cancellationToken);

    public void Add(Warehouse warehouse) => db.Warehouses.Add(warehouse);
}

internal sealed class WarehouseQueries(ErpDbContext db) : IWarehouseQueries
{
    private static readonly SortMap<Warehouse> Sorts = new SortMap<Warehouse>("code", false, w => w.Id)
        .Add("code", w => w.Code)
        .Add("name", w => w.Name)
        .Add("isActive", w => w.IsActive);

    public Task<PagedResult<WarehouseDto>> GetListAsync(WarehouseListQuery query, CancellationToken cancellationToken = default)
    {
        var warehouses = db.Warehouses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            warehouses = warehouses.Where(w => EF.Functions.ILike(w.Code, pattern) || EF.Functions.ILike(w.Name, pattern)
                                               || (w.Address != null && EF.Functions.ILike(w.Address, pattern)));
        }
        if (!query.IncludeInactive) warehouses = warehouses.Where(w => w.IsActive);
        return Sorts.Apply(warehouses, query.Sort, query.Desc).ToPageAsync(query, w => new WarehouseDto(
            w.Id, w.Code, w.Name, w.Address, w.IsQuarantine, w.IsActive, w.IsDefault), cancellationToken);
    }

    public Task<WarehouseDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Warehouses.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new WarehouseDto(w.Id, w.Code, w.Name, w.Address, w.IsQuarantine, w.IsActive, w.IsDefault))
            .FirstOrDefaultAsync(cancellationToken);
}
