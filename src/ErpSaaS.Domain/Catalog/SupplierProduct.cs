using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A product as one supplier sells it: the supplier's own code for it, price and currency, lead time and minimum order
/// quantity. A product is listed once per supplier; at most one of its suppliers is the preferred one, which purchasing
/// proposes first (see <see cref="SupplierProductManager"/>, which moves the flag).
/// </summary>
public sealed class SupplierProduct : AggregateRoot, IMultiTenant
{
    private SupplierProduct() { }

    internal SupplierProduct(Guid supplierId, Guid productId, SupplierProductTerms terms)
    {
        SupplierId = supplierId;
        ProductId = productId;
        Change(terms);
    }

    public Guid? TenantId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>The supplier's own article number, printed on purchase orders so the supplier recognizes the line.</summary>
    public string? SupplierProductCode { get; private set; }

    /// <summary>Per base unit of the product, before tax, in <see cref="CurrencyCode"/>.</summary>
    public decimal Price { get; private set; }
    public string CurrencyCode { get; private set; } = null!;

    /// <summary>Days from order to receipt for this product; null means the supplier's default lead time.</summary>
    public int? LeadTimeDays { get; private set; }

    /// <summary>The least the supplier accepts on one order, in the product's base unit (0 = no minimum).</summary>
    public decimal MinimumOrderQuantity { get; private set; }
    public bool IsPreferred { get; private set; }

    /// <summary>The currency must be one the company uses: <see cref="SupplierProductManager"/> checks it.</summary>
    internal void Change(SupplierProductTerms terms)
    {
        var code = PartnerFields.Optional(terms.SupplierProductCode);
        if (code is { Length: > SupplierProductConsts.MaxSupplierProductCodeLength })
        {
            throw BusinessException.ForField(nameof(SupplierProductCode), ErrorCodes.ValueTooLong, SupplierProductConsts.MaxSupplierProductCodeLength);
        }
        var price = PriceList.CheckUnitPrice(terms.Price, nameof(Price));
        var leadTime = terms.LeadTimeDays is { } days ? PartnerFields.LeadTimeDays(days, nameof(LeadTimeDays)) : (int?)null;
        if (terms.MinimumOrderQuantity < 0 || decimal.Round(terms.MinimumOrderQuantity, PriceListConsts.QuantityScale) != terms.MinimumOrderQuantity
            || terms.MinimumOrderQuantity >= 100_000_000_000_000m)
        {
            throw BusinessException.ForField(nameof(MinimumOrderQuantity), PartnerErrorCodes.MinimumQuantityInvalid, PriceListConsts.QuantityScale);
        }
        SupplierProductCode = code;
        Price = price;
        CurrencyCode = PartnerFields.CurrencyCode(terms.Currency);
        LeadTimeDays = leadTime;
        MinimumOrderQuantity = terms.MinimumOrderQuantity;
    }

    internal void MarkPreferred(bool isPreferred) => IsPreferred = isPreferred;

    /// <summary>The lead time purchasing plans with: the product's own, else the supplier's default.</summary>
    public int EffectiveLeadTimeDays(Supplier supplier) => LeadTimeDays ?? supplier.DefaultLeadTimeDays;
}

/// <summary>What a supplier asks for a product; <see cref="Currency"/> is an ISO code the company uses.</summary>
public sealed record SupplierProductTerms(
    string? SupplierProductCode, decimal Price, string Currency, int? LeadTimeDays, decimal MinimumOrderQuantity);

/// <summary>Products of suppliers in the current tenant.</summary>
public interface ISupplierProductRepository
{
    Task<SupplierProduct?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<bool> ExistsAsync(Guid supplierId, Guid productId, CancellationToken cancellationToken = default);

    /// <summary>Every listing of the product marked preferred (at most one once saved; the manager clears the others).</summary>
    Task<IReadOnlyList<SupplierProduct>> FindPreferredAsync(Guid productId, CancellationToken cancellationToken = default);
    void Add(SupplierProduct supplierProduct);
    void Remove(SupplierProduct supplierProduct);
}

/// <summary>
/// Lists products of a supplier: the product must be an active one of the company and listed once per supplier, the
/// currency one the company uses; marking a listing preferred takes the flag from the product's other suppliers.
/// </summary>
public sealed class SupplierProductManager(
    ISupplierProductRepository supplierProducts, IProductRepository products, ICurrencyRepository currencies, IUnitOfWork unitOfWork)
{
    public async Task<SupplierProduct> AddAsync(
        Supplier supplier, string? productCode, SupplierProductTerms terms, bool isPreferred, CancellationToken cancellationToken = default)
    {
        var product = await FindActiveProductAsync(productCode, cancellationToken);
        if (await supplierProducts.ExistsAsync(supplier.Id, product.Id, cancellationToken))
        {
            throw BusinessException.ForField("ProductCode", PartnerErrorCodes.SupplierProductTaken, product.Code, supplier.Code);
        }
        var listing = new SupplierProduct(supplier.Id, product.Id, await WithCheckedCurrencyAsync(terms, null, cancellationToken));
        supplierProducts.Add(listing);
        if (isPreferred) await MakePreferredAsync(listing, cancellationToken);
        return listing;
    }

    public async Task UpdateAsync(SupplierProduct listing, SupplierProductTerms terms, bool isPreferred, CancellationToken cancellationToken = default)
    {
        listing.Change(await WithCheckedCurrencyAsync(terms, listing.CurrencyCode, cancellationToken));
        if (isPreferred) await MakePreferredAsync(listing, cancellationToken);
        else listing.MarkPreferred(false);
    }

    private async Task MakePreferredAsync(SupplierProduct listing, CancellationToken cancellationToken)
    {
        var released = false;
        foreach (var other in await supplierProducts.FindPreferredAsync(listing.ProductId, cancellationToken))
        {
            if (other.Id == listing.Id) continue;
            other.MarkPreferred(false);
            released = true;
        }
        // The database holds one preferred listing per product at any moment (a unique index checked per statement):
        // the previous one is saved unflagged, inside the caller's transaction, before this one is flagged.
        if (released) await unitOfWork.SaveChangesAsync(cancellationToken);
        listing.MarkPreferred(true);
    }

    private async Task<Product> FindActiveProductAsync(string? productCode, CancellationToken cancellationToken)
    {
        var code = productCode?.Trim().ToUpperInvariant() ?? string.Empty;
        return code.Length > 0 && await products.FindByCodeAsync(code, cancellationToken) is { IsActive: true } product
            ? product
            : throw BusinessException.ForField("ProductCode", PartnerErrorCodes.ProductUnknown, code);
    }

    // Keeping the currency a listing already has is fine even if the company stopped using it since.
    private async Task<SupplierProductTerms> WithCheckedCurrencyAsync(SupplierProductTerms terms, string? current, CancellationToken cancellationToken)
    {
        if (string.Equals(terms.Currency?.Trim(), current, StringComparison.OrdinalIgnoreCase)) return terms with { Currency = current! };
        return terms with { Currency = await PartnerCurrency.CheckActiveAsync(currencies, terms.Currency, cancellationToken) };
    }
}
