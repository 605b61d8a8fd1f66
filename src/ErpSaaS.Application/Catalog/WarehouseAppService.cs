using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

/// <summary>Read side of warehouses in the current tenant: projections with paging, sorting and filtering in SQL.</summary>
public interface IWarehouseQueries
{
    Task<PagedResult<WarehouseDto>> GetListAsync(WarehouseListQuery query, CancellationToken cancellationToken = default);
    Task<WarehouseDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed class WarehouseAppService(
    IPermissionChecker permissions, IFeatureChecker features, IWarehouseQueries queries, IWarehouseRepository warehouses,
    WarehouseManager manager, IUnitOfWork unitOfWork) : IWarehouseAppService
{
    public async Task<PagedResult<WarehouseDto>> GetListAsync(WarehouseListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<WarehouseDto>> ExportAsync(WarehouseListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<WarehouseDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Warehouse), id);
    }

    public async Task<Guid> CreateAsync(WarehouseInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        await CheckRoomForOneMoreAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var warehouse = await manager.CreateAsync(input.Code, input.Name, input.Address, input.IsQuarantine, cancellationToken: ct);
            return warehouse.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, WarehouseInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var warehouse = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            warehouse.Rename(input.Name);
            warehouse.ChangeAddress(input.Address);
            warehouse.MarkQuarantine(input.IsQuarantine);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var warehouse = await LoadAsync(id, cancellationToken);
        if (!warehouse.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            warehouse.Deactivate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var warehouse = await LoadAsync(id, cancellationToken);
        if (warehouse.IsActive) return;
        await CheckRoomForOneMoreAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            warehouse.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>
    /// One more active warehouse must fit the plan's limit ("close warehouses you no longer use, or upgrade"), and any
    /// warehouse beyond the first needs the multi-warehouse feature.
    /// </summary>
    private async Task CheckRoomForOneMoreAsync(CancellationToken cancellationToken)
    {
        var active = await warehouses.CountActiveAsync(cancellationToken);
        await features.CheckLimitAsync(ErpFeatures.MaxWarehouses, active, cancellationToken);
        if (active >= 1) await features.CheckEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken);
    }

    private async Task<Warehouse> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await warehouses.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Warehouse), id);
}

/// <summary>Active warehouses against the plan's warehouse limit.</summary>
public sealed class WarehousesUsageContributor(IWarehouseRepository warehouses) : IUsageContributor
{
    public int Order => 20;

    public async Task<IReadOnlyList<UsageRowDto>> GetUsageAsync(IReadOnlyDictionary<string, string> features, CancellationToken cancellationToken) =>
        [new UsageRowDto("Billing:Usage:Warehouses", await warehouses.CountActiveAsync(cancellationToken), UsageLimits.Of(features, ErpFeatures.MaxWarehouses))];
}
