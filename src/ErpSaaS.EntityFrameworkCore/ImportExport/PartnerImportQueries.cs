using ErpSaaS.ImportExport.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.ImportExport;

internal sealed class PartnerImportQueries(ErpDbContext db) : IPartnerImportQueries
{
    public async Task<IReadOnlySet<string>> GetActiveCurrencyCodesAsync(CancellationToken cancellationToken) =>
        (await db.Currencies.AsNoTracking().Where(c => c.IsActive).Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, PartnerReference>> GetCustomersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => codes.Contains(c.Code))
            .Select(c => new PartnerReference(c.Id, c.Code, c.CurrencyCode, c.IsActive))
            .ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<string, PartnerReference>> GetSuppliersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Suppliers.AsNoTracking().IgnoreAutoIncludes().Where(s => codes.Contains(s.Code))
            .Select(s => new PartnerReference(s.Id, s.Code, s.CurrencyCode, s.IsActive))
            .ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<string, PriceListReference>> GetPriceListsAsync(CancellationToken cancellationToken) =>
        await db.PriceLists.AsNoTracking().IgnoreAutoIncludes()
            .Select(p => new PriceListReference(p.Id, p.Name, p.CurrencyCode, p.IsActive))
            .ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyList<SupplierProductReference>> GetSupplierProductsAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken cancellationToken) =>
        await db.SupplierProducts.AsNoTracking().Where(l => supplierIds.Contains(l.SupplierId))
            .Select(l => new SupplierProductReference(l.Id, l.SupplierId, l.ProductId)).ToListAsync(cancellationToken);
}
