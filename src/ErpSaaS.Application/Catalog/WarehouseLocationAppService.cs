using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

/// <summary>Bins need no plan feature: even a one-warehouse company shelves its goods.</summary>
public sealed class WarehouseLocationAppService(
    IPermissionChecker permissions, ICatalogReferenceQueries queries, IWarehouseRepository warehouses, IWarehouseLocationRepository locations,
    CatalogReferenceManager manager, IUnitOfWork unitOfWork) : IWarehouseLocationAppService
{
    public async Task<PagedResult<WarehouseLocationDto>> GetListAsync(Guid warehouseId, WarehouseLocationListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        await EnsureWarehouseAsync(warehouseId, cancellationToken);
        query.ClampForScreen();
        return await queries.GetLocationsAsync(warehouseId, query, cancellationToken);
    }

    public async Task<IReadOnlyList<WarehouseLocationDto>> ExportAsync(Guid warehouseId, WarehouseLocationListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        await EnsureWarehouseAsync(warehouseId, cancellationToken);
        query.ClampForExport();
        return (await queries.GetLocationsAsync(warehouseId, query, cancellationToken)).Items;
    }

    public async Task<WarehouseLocationDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.FindLocationAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(WarehouseLocation), id);
    }

    public async Task<Guid> CreateAsync(Guid warehouseId, WarehouseLocationInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        await EnsureWarehouseAsync(warehouseId, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct => (await manager.CreateLocationAsync(warehouseId, input.Code, input.Name, ct)).Id, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, WarehouseLocationInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var location = await LoadAsync(id, cancellationToken);
        if (location.Version != input.Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        await unitOfWork.InTransactionAsync(_ =>
        {
            location.Rename(input.Name);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var location = await LoadAsync(id, cancellationToken);
        if (!location.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            location.Deactivate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var location = await LoadAsync(id, cancellationToken);
        if (location.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            location.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>A warehouse of another company looks like no warehouse at all: 404, not a field error that confirms it exists.</summary>
    private async Task EnsureWarehouseAsync(Guid warehouseId, CancellationToken cancellationToken)
    {
        if (await warehouses.FindAsync(warehouseId, cancellationToken) is null) throw new EntityNotFoundException(nameof(Warehouse), warehouseId);
    }

    private async Task<WarehouseLocation> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await locations.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(WarehouseLocation), id);
}
