using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>Creates customers with a code unique in the company and keeps their currency one the company uses.</summary>
public sealed class CustomerManager(ICustomerRepository customers, ICurrencyRepository currencies, IPriceListRepository priceLists)
{
    public async Task<Customer> CreateAsync(string? code, string? name, string? currency, CancellationToken cancellationToken = default)
    {
        var normalized = PartnerFields.NormalizeCode(code);
        if (await customers.CodeExistsAsync(normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(Customer.Code), PartnerErrorCodes.CustomerCodeTaken, normalized);
        }
        var customer = new Customer(normalized, name, await PartnerCurrency.CheckActiveAsync(currencies, currency, cancellationToken));
        customers.Add(customer);
        return customer;
    }

    /// <summary>A new currency must be active in the company; keeping the one the customer has is always fine.</summary>
    public async Task ChangeCurrencyAsync(Customer customer, string? currency, CancellationToken cancellationToken = default)
    {
        if (string.Equals(currency?.Trim(), customer.CurrencyCode, StringComparison.OrdinalIgnoreCase)) return;
        customer.ChangeCurrency(await PartnerCurrency.CheckActiveAsync(currencies, currency, cancellationToken));
    }

    /// <summary>
    /// Gives the customer its own prices: an active price list in the customer's currency (the list it already has may
    /// stay even when deactivated since). Null takes the list away; products' sale prices apply then.
    /// </summary>
    public async Task AssignPriceListAsync(Customer customer, Guid? priceListId, CancellationToken cancellationToken = default)
    {
        if (priceListId == customer.PriceListId) return;
        if (priceListId is { } id)
        {
            var priceList = await priceLists.FindAsync(id, cancellationToken) is { IsActive: true } found
                ? found
                : throw BusinessException.ForField("PriceListId", PartnerErrorCodes.PriceListUnknown);
            if (priceList.CurrencyCode != customer.CurrencyCode)
            {
                throw BusinessException.ForField("PriceListId", PartnerErrorCodes.PriceListCurrencyMismatch, priceList.Name, priceList.CurrencyCode, customer.CurrencyCode);
            }
        }
        customer.AssignPriceList(priceListId);
    }
}

/// <summary>Creates suppliers with a code unique in the company and keeps their currency one the company uses.</summary>
public sealed class SupplierManager(ISupplierRepository suppliers, ICurrencyRepository currencies)
{
    public async Task<Supplier> CreateAsync(string? code, string? name, string? currency, CancellationToken cancellationToken = default)
    {
        var normalized = PartnerFields.NormalizeCode(code);
        if (await suppliers.CodeExistsAsync(normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(Supplier.Code), PartnerErrorCodes.SupplierCodeTaken, normalized);
        }
        var supplier = new Supplier(normalized, name, await PartnerCurrency.CheckActiveAsync(currencies, currency, cancellationToken));
        suppliers.Add(supplier);
        return supplier;
    }

    public async Task ChangeCurrencyAsync(Supplier supplier, string? currency, CancellationToken cancellationToken = default)
    {
        if (string.Equals(currency?.Trim(), supplier.CurrencyCode, StringComparison.OrdinalIgnoreCase)) return;
        supplier.ChangeCurrency(await PartnerCurrency.CheckActiveAsync(currencies, currency, cancellationToken));
    }
}

internal static class PartnerCurrency
{
    /// <summary>The normalized code of an active currency of the company, or a refusal next to the currency field.</summary>
    public static async Task<string> CheckActiveAsync(ICurrencyRepository currencies, string? currency, CancellationToken cancellationToken)
    {
        var code = PartnerFields.CurrencyCode(currency);
        return await currencies.FindByCodeAsync(code, cancellationToken) is { IsActive: true }
            ? code
            : throw BusinessException.ForField("Currency", PartnerErrorCodes.CurrencyUnknown, code);
    }
}
