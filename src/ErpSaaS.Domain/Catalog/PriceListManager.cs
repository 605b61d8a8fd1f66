using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>Creates and renames price lists with a name unique in the company, in a currency the company uses.</summary>
public sealed class PriceListManager(IPriceListRepository priceLists, ICurrencyRepository currencies)
{
    public async Task<PriceList> CreateAsync(string? name, string? currency, CancellationToken cancellationToken = default)
    {
        var code = await PartnerCurrency.CheckActiveAsync(currencies, currency, cancellationToken);
        var priceList = new PriceList(name, code);
        await EnsureNameFreeAsync(priceList.Name, null, cancellationToken);
        priceLists.Add(priceList);
        return priceList;
    }

    public async Task RenameAsync(PriceList priceList, string? name, CancellationToken cancellationToken = default)
    {
        if (string.Equals(name?.Trim(), priceList.Name, StringComparison.Ordinal)) return;
        priceList.Rename(name);
        await EnsureNameFreeAsync(priceList.Name, priceList.Id, cancellationToken);
    }

    private async Task EnsureNameFreeAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (await priceLists.NameExistsAsync(name, except, cancellationToken))
        {
            throw BusinessException.ForField(nameof(PriceList.Name), PartnerErrorCodes.PriceListNameTaken, name);
        }
    }
}

/// <summary>Adds lines to price lists for active products of the company, by product code.</summary>
public sealed class PriceListLineManager(IProductRepository products)
{
    public async Task<PriceListLine> AddLineAsync(
        PriceList priceList, string? productCode, decimal minimumQuantity, decimal unitPrice, CancellationToken cancellationToken = default)
    {
        var code = productCode?.Trim().ToUpperInvariant() ?? string.Empty;
        var product = code.Length > 0 && await products.FindByCodeAsync(code, cancellationToken) is { IsActive: true } found
            ? found
            : throw BusinessException.ForField("ProductCode", PartnerErrorCodes.ProductUnknown, code);
        return priceList.AddLine(product.Id, minimumQuantity, unitPrice);
    }
}
