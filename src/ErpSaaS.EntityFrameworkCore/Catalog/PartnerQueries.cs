using System.Linq.Expressions;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

/// <summary>What the customer and supplier lists share: the search over code, name, tax id and contacts, the currency and active filters, and the sorts.</summary>
internal static class PartnerList
{
    public static SortMap<TPartner> Sorts<TPartner>() where TPartner : class, IPartner =>
        new SortMap<TPartner>("code", false, p => p.Id)
            .Add("code", p => p.Code)
            .Add("name", p => p.Name)
            .Add("paymentTermsDays", p => p.PaymentTermsDays)
            .Add("currency", p => p.CurrencyCode)
            .Add("isActive", p => p.IsActive);

    public static IQueryable<TPartner> Filter<TPartner, TContact>(IQueryable<TPartner> partners, PartnerListQuery query,
        Expression<Func<TPartner, IEnumerable<TContact>>> contactsOf) where TPartner : class, IPartner where TContact : PartnerContact
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            Expression<Func<TPartner, bool>> own = p => EF.Functions.ILike(p.Code, pattern) || EF.Functions.ILike(p.Name, pattern)
                                                        || (p.TaxId != null && EF.Functions.ILike(p.TaxId, pattern));
            Expression<Func<IEnumerable<TContact>, bool>> anyContact = contacts => contacts.Any(k => EF.Functions.ILike(k.Name, pattern)
                || (k.Phone != null && EF.Functions.ILike(k.Phone, pattern))
                || (k.Email != null && EF.Functions.ILike(k.Email, pattern)));
            // p => own(p) || anyContact(contactsOf(p)), as one expression the database evaluates.
            var partner = own.Parameters[0];
            var contactsOfPartner = Substitute(contactsOf.Body, contactsOf.Parameters[0], partner);
            var body = Expression.OrElse(own.Body, Substitute(anyContact.Body, anyContact.Parameters[0], contactsOfPartner));
            partners = partners.Where(Expression.Lambda<Func<TPartner, bool>>(body, partner));
        }
        if (!string.IsNullOrWhiteSpace(query.Currency))
        {
            var currency = query.Currency.Trim().ToUpperInvariant();
            partners = partners.Where(p => p.CurrencyCode == currency);
        }
        return query.IncludeInactive ? partners : partners.Where(p => p.IsActive);
    }

    private static Expression Substitute(Expression body, ParameterExpression parameter, Expression replacement) =>
        new ParameterSubstitution(parameter, replacement).Visit(body);

    private sealed class ParameterSubstitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

internal sealed class CustomerQueries(ErpDbContext db) : ICustomerQueries
{
    private static readonly SortMap<Customer> Sorts = PartnerList.Sorts<Customer>()
        .Add("grade", c => c.Grade)
        .Add("creditLimit", c => c.CreditLimit);

    public Task<PagedResult<CustomerDto>> GetListAsync(CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        var customers = PartnerList.Filter(db.Customers.AsNoTracking(), query, c => c.Contacts);
        if (query.Grade is { } grade) customers = customers.Where(c => c.Grade == grade);
        return Sorts.Apply(customers, query.Sort, query.Desc).ToPageAsync(query, Projection(), cancellationToken);
    }

    public async Task<CustomerDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(Projection()).FirstOrDefaultAsync(cancellationToken);
        if (customer is null) return null;
        var contacts = await db.CustomerContacts.AsNoTracking().Where(k => k.CustomerId == id).OrderBy(k => k.Id)
            .Select(k => new ContactDto(k.Id, k.Name, k.Phone, k.Email, k.Role, k.IsPrimary)).ToListAsync(cancellationToken);
        var addresses = await db.CustomerAddresses.AsNoTracking().Where(a => a.CustomerId == id).OrderBy(a => a.Kind).ThenBy(a => a.Id)
            .Select(a => new AddressDto(a.Id, a.Kind, a.Text, a.IsDefault)).ToListAsync(cancellationToken);
        return new CustomerDetailDto(customer, contacts, addresses);
    }

    private Expression<Func<Customer, CustomerDto>> Projection() => c => new CustomerDto(
        c.Id, c.Code, c.Name, c.Grade, c.TaxId, c.CreditLimit, c.PaymentTermsDays, c.CurrencyCode, c.PriceListId,
        db.PriceLists.Where(p => p.Id == c.PriceListId).Select(p => p.Name).FirstOrDefault(), c.IsActive,
        c.Contacts.Where(k => k.IsPrimary).Select(k => k.Name).FirstOrDefault(),
        c.Contacts.Where(k => k.IsPrimary).Select(k => k.Phone).FirstOrDefault());
}

internal sealed class SupplierQueries(ErpDbContext db) : ISupplierQueries
{
    private static readonly SortMap<Supplier> Sorts = PartnerList.Sorts<Supplier>()
        .Add("defaultLeadTimeDays", s => s.DefaultLeadTimeDays);

    public Task<PagedResult<SupplierDto>> GetListAsync(SupplierListQuery query, CancellationToken cancellationToken = default) =>
        Sorts.Apply(PartnerList.Filter(db.Suppliers.AsNoTracking(), query, s => s.Contacts), query.Sort, query.Desc)
            .ToPageAsync(query, Projection, cancellationToken);

    public async Task<SupplierDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == id).Select(Projection).FirstOrDefaultAsync(cancellationToken);
        if (supplier is null) return null;
        var contacts = await db.SupplierContacts.AsNoTracking().Where(k => k.SupplierId == id).OrderBy(k => k.Id)
            .Select(k => new ContactDto(k.Id, k.Name, k.Phone, k.Email, k.Role, k.IsPrimary)).ToListAsync(cancellationToken);
        var products = await Listings(l => l.Listing.SupplierId == id)
            .OrderBy(l => l.Product.Code).Select(ListingProjection).ToListAsync(cancellationToken);
        return new SupplierDetailDto(supplier, contacts, products);
    }

    public async Task<IReadOnlyList<SupplierProductDto>> GetSuppliersOfProductAsync(Guid productId, CancellationToken cancellationToken = default) =>
        await Listings(l => l.Listing.ProductId == productId)
            .OrderByDescending(l => l.Listing.IsPreferred).ThenBy(l => l.Listing.Price).ThenBy(l => l.Supplier.Code)
            .Select(ListingProjection).ToListAsync(cancellationToken);

    // Member initialisation (not a constructor) so EF can still filter and sort on the row before projecting it.
    private sealed class ListingRow
    {
        public required SupplierProduct Listing { get; init; }
        public required Supplier Supplier { get; init; }
        public required Product Product { get; init; }
    }

    private IQueryable<ListingRow> Listings(Expression<Func<ListingRow, bool>> filter) =>
        (from l in db.SupplierProducts.AsNoTracking()
         join s in db.Suppliers on l.SupplierId equals s.Id
         join p in db.Products on l.ProductId equals p.Id
         select new ListingRow { Listing = l, Supplier = s, Product = p }).Where(filter);

    private static readonly Expression<Func<ListingRow, SupplierProductDto>> ListingProjection = r => new SupplierProductDto(
        r.Listing.Id, r.Supplier.Id, r.Supplier.Code, r.Supplier.Name, r.Product.Id, r.Product.Code, r.Product.Name, r.Product.BaseUnit,
        r.Listing.SupplierProductCode, r.Listing.Price, r.Listing.CurrencyCode, r.Listing.LeadTimeDays ?? r.Supplier.DefaultLeadTimeDays,
        r.Listing.LeadTimeDays != null, r.Listing.MinimumOrderQuantity, r.Listing.IsPreferred);

    private static readonly Expression<Func<Supplier, SupplierDto>> Projection = s => new SupplierDto(
        s.Id, s.Code, s.Name, s.TaxId, s.PaymentTermsDays, s.DefaultLeadTimeDays, s.CurrencyCode, s.IsActive,
        s.Contacts.Where(k => k.IsPrimary).Select(k => k.Name).FirstOrDefault(),
        s.Contacts.Where(k => k.IsPrimary).Select(k => k.Phone).FirstOrDefault());
}

internal sealed class CurrencyQueries(ErpDbContext db) : ICurrencyQueries
{
    private static readonly SortMap<Currency> Sorts = new SortMap<Currency>("code", false, c => c.Id)
        .Add("code", c => c.Code)
        .Add("name", c => c.Name)
        .Add("decimalPlaces", c => c.DecimalPlaces)
        .Add("isActive", c => c.IsActive);

    private static readonly SortMap<ExchangeRate> RateSorts = new SortMap<ExchangeRate>("effectiveDate", true, r => r.Id)
        .Add("effectiveDate", r => r.EffectiveDate)
        .Add("currency", r => r.CurrencyCode)
        .Add("rate", r => r.Rate);

    public Task<PagedResult<CurrencyDto>> GetListAsync(CurrencyListQuery query, string baseCurrency, CancellationToken cancellationToken = default)
    {
        var currencies = db.Currencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            currencies = currencies.Where(c => EF.Functions.ILike(c.Code, pattern) || EF.Functions.ILike(c.Name, pattern));
        }
        if (!query.IncludeInactive) currencies = currencies.Where(c => c.IsActive);
        return Sorts.Apply(currencies, query.Sort, query.Desc).ToPageAsync(query, c => new CurrencyDto(
            c.Id, c.Code, c.Name, c.Symbol, c.DecimalPlaces, c.IsActive, c.Code == baseCurrency), cancellationToken);
    }

    public Task<CurrencyDto?> FindAsync(Guid id, string baseCurrency, CancellationToken cancellationToken = default) =>
        db.Currencies.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CurrencyDto(c.Id, c.Code, c.Name, c.Symbol, c.DecimalPlaces, c.IsActive, c.Code == baseCurrency))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<PagedResult<ExchangeRateDto>> GetRatesAsync(ExchangeRateListQuery query, CancellationToken cancellationToken = default)
    {
        var rates = db.ExchangeRates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Currency))
        {
            var currency = query.Currency.Trim().ToUpperInvariant();
            rates = rates.Where(r => r.CurrencyCode == currency);
        }
        if (query.From is { } from) rates = rates.Where(r => r.EffectiveDate >= from);
        if (query.To is { } to) rates = rates.Where(r => r.EffectiveDate <= to);
        return RateSorts.Apply(rates, query.Sort, query.Desc).ToPageAsync(query, r => new ExchangeRateDto(
            r.Id, r.CurrencyCode, r.BaseCurrencyCode, r.EffectiveDate, r.Rate), cancellationToken);
    }
}

internal sealed class PriceListQueries(ErpDbContext db) : IPriceListQueries
{
    private static readonly SortMap<PriceList> Sorts = new SortMap<PriceList>("name", false, p => p.Id)
        .Add("name", p => p.Name)
        .Add("currency", p => p.CurrencyCode)
        .Add("validFrom", p => p.ValidFrom)
        .Add("validTo", p => p.ValidTo)
        .Add("isActive", p => p.IsActive);

    public Task<PagedResult<PriceListDto>> GetListAsync(PriceListListQuery query, CancellationToken cancellationToken = default)
    {
        var priceLists = db.PriceLists.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            priceLists = priceLists.Where(p => EF.Functions.ILike(p.Name, pattern));
        }
        if (!string.IsNullOrWhiteSpace(query.Currency))
        {
            var currency = query.Currency.Trim().ToUpperInvariant();
            priceLists = priceLists.Where(p => p.CurrencyCode == currency);
        }
        if (!query.IncludeInactive) priceLists = priceLists.Where(p => p.IsActive);
        return Sorts.Apply(priceLists, query.Sort, query.Desc).ToPageAsync(query, Projection(), cancellationToken);
    }

    public async Task<PriceListDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var priceList = await db.PriceLists.AsNoTracking().Where(p => p.Id == id).Select(Projection()).FirstOrDefaultAsync(cancellationToken);
        if (priceList is null) return null;
        var lines = await (
                from l in db.PriceListLines.AsNoTracking()
                join p in db.Products on l.ProductId equals p.Id
                where l.PriceListId == id
                orderby p.Code, l.MinimumQuantity
                select new PriceListLineDto(l.Id, p.Id, p.Code, p.Name, p.BaseUnit, l.MinimumQuantity, l.UnitPrice))
            .ToListAsync(cancellationToken);
        return new PriceListDetailDto(priceList, lines);
    }

    public async Task<Guid?> FindProductIdAsync(string productCode, CancellationToken cancellationToken = default) =>
        await db.Products.AsNoTracking().Where(p => p.Code == productCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);

    private Expression<Func<PriceList, PriceListDto>> Projection() => p => new PriceListDto(
        p.Id, p.Name, p.CurrencyCode, p.ValidFrom, p.ValidTo, p.IsActive, p.Lines.Count,
        db.Customers.Count(c => c.PriceListId == p.Id));
}

internal sealed class ProductOptionsQuery(ErpDbContext db) : IProductOptionsQuery
{
    public async Task<IReadOnlyList<ProductOptionDto>> GetActiveAsync(int take, CancellationToken cancellationToken = default) =>
        await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Take(take)
            .Select(p => new ProductOptionDto(p.Id, p.Code, p.Name, p.BaseUnit, p.SalePrice, p.StandardCost))
            .ToListAsync(cancellationToken);
}
