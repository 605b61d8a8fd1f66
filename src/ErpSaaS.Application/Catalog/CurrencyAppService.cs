using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

/// <summary>Read side of currencies and exchange rates in the current tenant.</summary>
public interface ICurrencyQueries
{
    Task<PagedResult<CurrencyDto>> GetListAsync(CurrencyListQuery query, string baseCurrency, CancellationToken cancellationToken = default);
    Task<CurrencyDto?> FindAsync(Guid id, string baseCurrency, CancellationToken cancellationToken = default);
    Task<PagedResult<ExchangeRateDto>> GetRatesAsync(ExchangeRateListQuery query, CancellationToken cancellationToken = default);
}

public sealed class CurrencyAppService(
    IPermissionChecker permissions, ICurrencyQueries queries, ICurrencyRepository currencies, IExchangeRateRepository rates,
    CurrencyManager manager, ICurrencyConverter converter, IUnitOfWork unitOfWork) : ICurrencyAppService
{
    public async Task<PagedResult<CurrencyDto>> GetListAsync(CurrencyListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, await manager.GetBaseCurrencyAsync(cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<CurrencyDto>> ExportAsync(CurrencyListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, await manager.GetBaseCurrencyAsync(cancellationToken), cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<CurrencyDto>> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var all = await queries.GetListAsync(new CurrencyListQuery { PageSize = PageRequest.MaxPageSize, Sort = "code" },
            await manager.GetBaseCurrencyAsync(cancellationToken), cancellationToken);
        return all.Items.OrderByDescending(c => c.IsBase).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<string> GetBaseCurrencyAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await manager.GetBaseCurrencyAsync(cancellationToken);
    }

    public async Task<CurrencyDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.FindAsync(id, await manager.GetBaseCurrencyAsync(cancellationToken), cancellationToken)
               ?? throw new EntityNotFoundException(nameof(Currency), id);
    }

    public async Task<Guid> CreateAsync(CurrencyInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
            (await manager.CreateAsync(input.Code, input.Name, input.Symbol, input.DecimalPlaces, ct)).Id, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, CurrencyInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var currency = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            currency.Rename(input.Name);
            currency.ChangeSymbol(input.Symbol);
            currency.ChangeDecimalPlaces(input.DecimalPlaces);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var currency = await LoadAsync(id, cancellationToken);
        if (!currency.IsActive) return;
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.DeactivateAsync(currency, ct);
            return true;
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var currency = await LoadAsync(id, cancellationToken);
        if (currency.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            currency.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task<PagedResult<ExchangeRateDto>> GetRatesAsync(ExchangeRateListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetRatesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<ExchangeRateDto>> ExportRatesAsync(ExchangeRateListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return (await queries.GetRatesAsync(query, cancellationToken)).Items;
    }

    public async Task<Guid> SetRateAsync(ExchangeRateInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var date = input.EffectiveDate ?? throw BusinessException.ForField(nameof(ExchangeRateInput.EffectiveDate), Errors.ErrorCodes.ValueRequired);
        var rate = input.Rate ?? throw BusinessException.ForField(nameof(ExchangeRateInput.Rate), Errors.PartnerErrorCodes.ExchangeRateMustBePositive, CurrencyConsts.RateScale);
        return await unitOfWork.InTransactionAsync(async ct => (await manager.SetRateAsync(input.Currency, date, rate, ct)).Id, cancellationToken);
    }

    public async Task RemoveRateAsync(Guid rateId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var rate = await rates.FindAsync(rateId, cancellationToken) ?? throw new EntityNotFoundException(nameof(ExchangeRate), rateId);
        await unitOfWork.InTransactionAsync(_ =>
        {
            rates.Remove(rate);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task<ExchangeRateQuoteDto> GetRateOnAsync(string currency, DateOnly date, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var code = PartnerFields.CurrencyCode(currency);
        var baseCurrency = await manager.GetBaseCurrencyAsync(cancellationToken);
        var rate = await converter.GetRateAsync(code, date, cancellationToken);
        var effective = code == baseCurrency ? null : (await rates.FindInForceAsync(code, baseCurrency, date, cancellationToken))?.EffectiveDate;
        return new ExchangeRateQuoteDto(code, baseCurrency, date, rate, effective);
    }

    private async Task<Currency> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await currencies.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Currency), id);
}
