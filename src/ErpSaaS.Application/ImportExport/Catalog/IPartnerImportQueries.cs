namespace ErpSaaS.ImportExport.Catalog;

public sealed record PartnerReference(Guid Id, string Code, string CurrencyCode, bool IsActive);

public sealed record PriceListReference(Guid Id, string Name, string CurrencyCode, bool IsActive);

public sealed record SupplierProductReference(Guid Id, Guid SupplierId, Guid ProductId);

/// <summary>
/// The partner data an import of customers, suppliers, supplied products or price lists refers to, read all at once and
/// without tracking (the preview writes nothing and holds nothing in the unit of work).
/// </summary>
public interface IPartnerImportQueries
{
    Task<IReadOnlySet<string>> GetActiveCurrencyCodesAsync(CancellationToken cancellationToken);

    /// <summary>The customers among <paramref name="codes"/> that exist, by code.</summary>
    Task<IReadOnlyDictionary<string, PartnerReference>> GetCustomersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>The suppliers among <paramref name="codes"/> that exist, by code.</summary>
    Task<IReadOnlyDictionary<string, PartnerReference>> GetSuppliersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Every price list of the company, by name.</summary>
    Task<IReadOnlyDictionary<string, PriceListReference>> GetPriceListsAsync(CancellationToken cancellationToken);

    /// <summary>The products <paramref name="supplierIds"/> list already.</summary>
    Task<IReadOnlyList<SupplierProductReference>> GetSupplierProductsAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken cancellationToken);

}
