using ErpSaaS.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

internal sealed class CustomerRepository(ErpDbContext db) : ICustomerRepository
{
    // Children in creation order (UUID v7): "the oldest remaining contact becomes primary" depends on it.
    public Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Customers
            .Include(c => c.Contacts.OrderBy(k => k.Id))
            .Include(c => c.Addresses.OrderBy(a => a.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    // One already tracked in this unit of work is the one to read (it may have changes not saved yet).
    public async Task<Customer?> FindTermsAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Customers.Local.FirstOrDefault(c => c.Id == id && db.Entry(c).State is EntityState.Unchanged or EntityState.Modified)
        ?? await db.Customers.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.Customers.Local.Any(c => c.Code == code && c.Id != except)
        || await db.Customers.AnyAsync(c => c.Code == code && c.Id != except, cancellationToken);

    public void Add(Customer customer) => db.Customers.Add(customer);
}

internal sealed class SupplierRepository(ErpDbContext db) : ISupplierRepository
{
    public Task<Supplier?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Suppliers.Include(s => s.Contacts.OrderBy(k => k.Id)).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.Suppliers.Local.Any(s => s.Code == code && s.Id != except)
        || await db.Suppliers.AnyAsync(s => s.Code == code && s.Id != except, cancellationToken);

    public void Add(Supplier supplier) => db.Suppliers.Add(supplier);
}

internal sealed class SupplierProductRepository(ErpDbContext db) : ISupplierProductRepository
{
    public Task<SupplierProduct?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.SupplierProducts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<bool> ExistsAsync(Guid supplierId, Guid productId, CancellationToken cancellationToken = default) =>
        db.SupplierProducts.Local.Any(p => p.SupplierId == supplierId && p.ProductId == productId)
        || await db.SupplierProducts.AnyAsync(p => p.SupplierId == supplierId && p.ProductId == productId, cancellationToken);

    public async Task<IReadOnlyList<SupplierProduct>> FindPreferredAsync(Guid productId, CancellationToken cancellationToken = default)
    {
        var stored = await db.SupplierProducts.Where(p => p.ProductId == productId && p.IsPreferred).ToListAsync(cancellationToken);
        return stored.Union(db.SupplierProducts.Local.Where(p => p.ProductId == productId && p.IsPreferred)).ToList();
    }

    public void Add(SupplierProduct supplierProduct) => db.SupplierProducts.Add(supplierProduct);

    public void Remove(SupplierProduct supplierProduct) => db.SupplierProducts.Remove(supplierProduct);
}

internal sealed class CurrencyRepository(ErpDbContext db) : ICurrencyRepository
{
    public Task<Currency?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Currencies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Currency?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Currencies.Local.FirstOrDefault(c => c.Code == code)
        ?? await db.Currencies.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, CancellationToken cancellationToken = default) =>
        db.Currencies.Local.Any(c => c.Code == code) || await db.Currencies.AnyAsync(c => c.Code == code, cancellationToken);

    public void Add(Currency currency) => db.Currencies.Add(currency);
}

internal sealed class ExchangeRateRepository(ErpDbContext db) : IExchangeRateRepository
{
    public Task<ExchangeRate?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<ExchangeRate?> FindForDayAsync(string currencyCode, string baseCurrencyCode, DateOnly date, CancellationToken cancellationToken = default) =>
        db.ExchangeRates.Local.FirstOrDefault(r => r.CurrencyCode == currencyCode && r.BaseCurrencyCode == baseCurrencyCode && r.EffectiveDate == date)
        ?? await db.ExchangeRates.FirstOrDefaultAsync(
            r => r.CurrencyCode == currencyCode && r.BaseCurrencyCode == baseCurrencyCode && r.EffectiveDate == date, cancellationToken);

    public Task<ExchangeRate?> FindInForceAsync(string currencyCode, string baseCurrencyCode, DateOnly date, CancellationToken cancellationToken = default) =>
        db.ExchangeRates
            .Where(r => r.CurrencyCode == currencyCode && r.BaseCurrencyCode == baseCurrencyCode && r.EffectiveDate <= date)
            .OrderByDescending(r => r.EffectiveDate)
            .FirstOrDefaultAsync(cancellationToken);

    public void Add(ExchangeRate rate) => db.ExchangeRates.Add(rate);

    public void Remove(ExchangeRate rate) => db.ExchangeRates.Remove(rate);
}

internal sealed class PriceListRepository(ErpDbContext db) : IPriceListRepository
{
    // A list created earlier in the same unit of work (sample data assigns it at once) is found before it is saved.
    public async Task<PriceList?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.PriceLists.Local.FirstOrDefault(p => p.Id == id)
        ?? await db.PriceLists.Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<bool> NameExistsAsync(string name, Guid? except, CancellationToken cancellationToken = default) =>
        db.PriceLists.Local.Any(p => p.Name == name && p.Id != except)
        || await db.PriceLists.AnyAsync(p => p.Name == name && p.Id != except, cancellationToken);

    public void Add(PriceList priceList) => db.PriceLists.Add(priceList);
}
