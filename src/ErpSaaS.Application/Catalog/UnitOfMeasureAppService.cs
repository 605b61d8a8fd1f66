using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

public sealed class UnitOfMeasureAppService(
    IPermissionChecker permissions, ICatalogReferenceQueries queries, IUnitOfMeasureRepository units,
    CatalogReferenceManager manager, IUnitOfWork unitOfWork) : IUnitOfMeasureAppService
{
    public async Task<IReadOnlyList<UnitOfMeasureDto>> GetListAsync(bool includeInactive = true, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var all = await queries.GetUnitsAsync(cancellationToken);
        return includeInactive ? all : all.Where(u => u.IsActive).ToList();
    }

    public async Task<UnitOfMeasureDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return (await queries.GetUnitsAsync(cancellationToken)).FirstOrDefault(u => u.Id == id)
               ?? throw new EntityNotFoundException(nameof(UnitOfMeasure), id);
    }

    public async Task<Guid> CreateAsync(UnitOfMeasureInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct => (await manager.CreateUnitAsync(input.Code, input.Name, input.DecimalPlaces, ct)).Id, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, UnitOfMeasureInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var unit = await LoadAsync(id, cancellationToken);
        if (unit.Version != input.Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        await unitOfWork.InTransactionAsync(_ =>
        {
            unit.Rename(input.Name);
            unit.ChangeDecimalPlaces(input.DecimalPlaces);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var unit = await LoadAsync(id, cancellationToken);
        if (!unit.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            unit.Deactivate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var unit = await LoadAsync(id, cancellationToken);
        if (unit.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            unit.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<UnitOfMeasure> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await units.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(UnitOfMeasure), id);
}
