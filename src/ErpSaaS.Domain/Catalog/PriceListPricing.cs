using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>The price a customer pays: the one other modules (quotations, sales orders) ask before they fill a line.</summary>
public interface IPriceListPricing
{
    /// <summary>
    /// From the customer's price list, when it is active and valid on <paramref name="date"/>: the product's line with the
    /// highest minimum quantity not above <paramref name="quantity"/> (in the list's currency). Otherwise the product's sale
    /// price, in the base currency.
    /// </summary>
    Task<PriceQuote> GetPriceAsync(Guid customerId, Guid productId, decimal quantity, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>The same for a customer and a product the caller has loaded already (a document's lines: neither is read again).</summary>
    Task<PriceQuote> GetPriceAsync(Customer customer, Product product, decimal quantity, DateOnly date, CancellationToken cancellationToken = default);
}

public sealed class PriceListPricing(
    ICustomerRepository customers, IProductRepository products, IPriceListRepository priceLists, CurrencyManager currencies) : IPriceListPricing
{
    public async Task<PriceQuote> GetPriceAsync(Guid customerId, Guid productId, decimal quantity, DateOnly date, CancellationToken cancellationToken = default)
    {
        if (quantity <= 0) throw BusinessException.ForField("Quantity", PartnerErrorCodes.QuantityMustBePositive);
        var customer = await customers.FindTermsAsync(customerId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Customer), customerId);
        var product = await products.FindAsync(productId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Product), productId);
        return await GetPriceAsync(customer, product, quantity, date, cancellationToken);
    }

    public async Task<PriceQuote> GetPriceAsync(Customer customer, Product product, decimal quantity, DateOnly date, CancellationToken cancellationToken = default)
    {
        if (quantity <= 0) throw BusinessException.ForField("Quantity", PartnerErrorCodes.QuantityMustBePositive);
        if (customer.PriceListId is { } priceListId
            && await priceLists.FindAsync(priceListId, cancellationToken) is { } priceList
            && priceList.AppliesOn(date)
            && priceList.LineFor(product.Id, quantity) is { } line)
        {
            return new PriceQuote(line.UnitPrice, priceList.CurrencyCode, PriceSource.PriceList, priceList.Id, line.MinimumQuantity);
        }
        return new PriceQuote(product.SalePrice, await currencies.GetBaseCurrencyAsync(cancellationToken), PriceSource.ProductSalePrice, null, null);
    }
}
