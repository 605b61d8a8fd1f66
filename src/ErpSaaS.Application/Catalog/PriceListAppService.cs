using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

/// <summary>Read side of price lists in the current tenant.</summary>
public interface IPriceListQueries
{
    Task<PagedResult<PriceListDto>> GetListAsync(PriceListListQuery query, CancellationToken cancellationToken = default);
    Task<PriceListDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The id of the company's product with this code (any state), for quotes asked by code.</summary>
    Task<Guid?> FindProductIdAsync(string productCode, CancellationToken cancellationToken = default);
}

/// <summary>Active products of the current tenant for pickers, by code.</summary>
public interface IProductOptionsQuery
{
    /// <summary>Pickers offer this many at most; a longer catalog is typed by code.</summary>
    const int MaxOptions = 500;

    Task<IReadOnlyList<ProductOptionDto>> GetActiveAsync(int take, CancellationToken cancellationToken = default);
}

public sealed class PriceListAppService(
    IPermissionChecker permissions, IPriceListQueries queries, IProductOptionsQuery productOptions, IPriceListRepository priceLists, PriceListManager manager,
    PriceListLineManager lineManager, CurrencyManager currencies, IPriceListPricing pricing, TimeProvider clock, IUnitOfWork unitOfWork)
    : IPriceListAppService
{
    public async Task<PagedResult<PriceListDto>> GetListAsync(PriceListListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<PriceListDto>> ExportAsync(PriceListListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<PriceListDto>> GetActiveAsync(string? currency = null, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return (await queries.GetListAsync(new PriceListListQuery { Currency = currency, PageSize = PageRequest.MaxPageSize, Sort = "name" }, cancellationToken)).Items;
    }

    public async Task<PriceListDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PriceList), id);
    }

    public async Task<Guid> CreateAsync(PriceListInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var currency = string.IsNullOrWhiteSpace(input.Currency) ? await currencies.GetBaseCurrencyAsync(ct) : input.Currency;
            var priceList = await manager.CreateAsync(input.Name, currency, ct);
            priceList.ChangeValidity(input.ValidFrom, input.ValidTo);
            return priceList.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, PriceListInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var priceList = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.RenameAsync(priceList, input.Name, ct);
            priceList.ChangeValidity(input.ValidFrom, input.ValidTo);
            return true;
        }, cancellationToken);
    }

    public Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, p => { if (p.IsActive) p.Deactivate(); }, cancellationToken);

    public Task ActivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, p => { if (!p.IsActive) p.Activate(); }, cancellationToken);

    public async Task<IReadOnlyList<ProductOptionDto>> GetProductOptionsAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await productOptions.GetActiveAsync(IProductOptionsQuery.MaxOptions, cancellationToken);
    }

    public async Task<Guid> AddLineAsync(Guid id, PriceListLineInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var priceList = await LoadAsync(id, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
            (await lineManager.AddLineAsync(priceList, input.ProductCode, input.MinimumQuantity, input.UnitPrice, ct)).Id, cancellationToken);
    }

    public Task UpdateLineAsync(Guid id, Guid lineId, PriceListLineInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, p => p.UpdateLine(lineId, input.MinimumQuantity, input.UnitPrice), cancellationToken);

    public Task RemoveLineAsync(Guid id, Guid lineId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, p => p.RemoveLine(lineId), cancellationToken);

    public async Task<PriceQuote> QuoteAsync(PriceQuoteQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var code = query.ProductCode?.Trim().ToUpperInvariant() ?? string.Empty;
        var productId = await queries.FindProductIdAsync(code, cancellationToken)
                        ?? throw BusinessException.ForField(nameof(PriceQuoteQuery.ProductCode), Errors.PartnerErrorCodes.ProductUnknown, code);
        var date = query.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await pricing.GetPriceAsync(query.CustomerId, productId, query.Quantity, date, cancellationToken);
    }

    private async Task ChangeAsync(Guid id, Action<PriceList> change, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var priceList = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            change(priceList);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<PriceList> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await priceLists.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PriceList), id);
}
