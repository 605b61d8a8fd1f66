namespace ErpSaaS.Catalog;

/// <summary>Customers of the current tenant, loaded with their contacts and addresses.</summary>
public interface ICustomerRepository
{
    Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer alone, without its contacts and addresses, read-only (one query): for sales documents, prices and the
    /// credit check, which need only its terms (currency, credit limit, price list, grade).
    /// </summary>
    Task<Customer?> FindTermsAsync(Guid id, CancellationToken cancellationToken = default);

    Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default);
    void Add(Customer customer);
}

/// <summary>Suppliers of the current tenant, loaded with their contacts.</summary>
public interface ISupplierRepository
{
    Task<Supplier?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default);
    void Add(Supplier supplier);
}

/// <summary>Currencies of the current tenant.</summary>
public interface ICurrencyRepository
{
    Task<Currency?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Currency?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(string code, CancellationToken cancellationToken = default);
    void Add(Currency currency);
}

/// <summary>Exchange rates of the current tenant.</summary>
public interface IExchangeRateRepository
{
    Task<ExchangeRate?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The rate entered for exactly this currency, base and day, to be corrected in place.</summary>
    Task<ExchangeRate?> FindForDayAsync(string currencyCode, string baseCurrencyCode, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>The rate in force on <paramref name="date"/>: the latest one effective on or before it.</summary>
    Task<ExchangeRate?> FindInForceAsync(string currencyCode, string baseCurrencyCode, DateOnly date, CancellationToken cancellationToken = default);
    void Add(ExchangeRate rate);
    void Remove(ExchangeRate rate);
}

/// <summary>Price lists of the current tenant, loaded with their lines.</summary>
public interface IPriceListRepository
{
    Task<PriceList?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<bool> NameExistsAsync(string name, Guid? except, CancellationToken cancellationToken = default);
    void Add(PriceList priceList);
}
