using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

public sealed class TaxRateAppService(
    IPermissionChecker permissions, ICatalogReferenceQueries queries, ITaxRateRepository taxRates,
    CatalogReferenceManager manager, IUnitOfWork unitOfWork) : ITaxRateAppService
{
    public async Task<IReadOnlyList<TaxRateDto>> GetListAsync(bool includeInactive = true, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var all = await queries.GetTaxRatesAsync(cancellationToken);
        return includeInactive ? all : all.Where(t => t.IsActive).ToList();
    }

    public async Task<TaxRateDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return (await queries.GetTaxRatesAsync(cancellationToken)).FirstOrDefault(t => t.Id == id)
               ?? throw new EntityNotFoundException(nameof(TaxRate), id);
    }

    public async Task<Guid> CreateAsync(TaxRateInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        if (input.RatePercent is not { } percent) throw BusinessException.ForField(nameof(TaxRateInput.RatePercent), CatalogErrorCodes.TaxRateOutOfRange);
        try
        {
            return await unitOfWork.InTransactionAsync(async ct => (await manager.CreateTaxRateAsync(input.Code, input.Name, percent / 100m, cancellationToken: ct)).Id,
                cancellationToken);
        }
        catch (BusinessException error) when (error.Field == nameof(TaxRate.Rate))
        {
            // The company enters percent; the rule is about the same number as a fraction.
            throw BusinessException.ForField(nameof(TaxRateInput.RatePercent), error.Code, [.. error.Args]);
        }
    }

    public async Task UpdateAsync(Guid id, TaxRateInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var taxRate = await LoadAsync(id, cancellationToken);
        if (taxRate.Version != input.Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        await unitOfWork.InTransactionAsync(_ =>
        {
            taxRate.Rename(input.Name);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task MakeDefaultAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var taxRate = await LoadAsync(id, cancellationToken);
        if (taxRate.IsDefault) return;
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.MakeDefaultAsync(taxRate, ct);
            return true;
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var taxRate = await LoadAsync(id, cancellationToken);
        if (!taxRate.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            taxRate.Deactivate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var taxRate = await LoadAsync(id, cancellationToken);
        if (taxRate.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            taxRate.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<TaxRate> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await taxRates.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(TaxRate), id);
}
