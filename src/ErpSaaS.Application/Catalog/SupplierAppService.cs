using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

/// <summary>Read side of suppliers in the current tenant: projections with paging, sorting and filtering in SQL.</summary>
public interface ISupplierQueries
{
    Task<PagedResult<SupplierDto>> GetListAsync(SupplierListQuery query, CancellationToken cancellationToken = default);
    Task<SupplierDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SupplierProductDto>> GetSuppliersOfProductAsync(Guid productId, CancellationToken cancellationToken = default);
}

public sealed class SupplierAppService(
    IPermissionChecker permissions, ISupplierQueries queries, ISupplierRepository suppliers, SupplierManager manager,
    CurrencyManager currencies, IProductOptionsQuery productOptions, ISupplierProductRepository supplierProducts, SupplierProductManager supplierProductManager,
    IUnitOfWork unitOfWork) : ISupplierAppService
{
    public async Task<PagedResult<SupplierDto>> GetListAsync(SupplierListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SupplierDto>> ExportAsync(SupplierListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<SupplierDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Supplier), id);
    }

    public async Task<Guid> CreateAsync(SupplierInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var currency = string.IsNullOrWhiteSpace(input.Currency) ? await currencies.GetBaseCurrencyAsync(ct) : input.Currency;
            var supplier = await manager.CreateAsync(input.Code, input.Name, currency, ct);
            Apply(supplier, input);
            return supplier.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, SupplierInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var supplier = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            supplier.Rename(input.Name);
            if (!string.IsNullOrWhiteSpace(input.Currency)) await manager.ChangeCurrencyAsync(supplier, input.Currency, ct);
            Apply(supplier, input);
            return true;
        }, cancellationToken);
    }

    public Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, s => { if (s.IsActive) s.Deactivate(); }, cancellationToken);

    public Task ActivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, s => { if (!s.IsActive) s.Activate(); }, cancellationToken);

    public async Task<Guid> AddContactAsync(Guid id, ContactInput input, CancellationToken cancellationToken = default)
    {
        var added = Guid.Empty;
        await ChangeAsync(id, s => added = s.AddContact(input.Name, input.Phone, input.Email, input.Role, input.IsPrimary).Id, cancellationToken);
        return added;
    }

    public Task UpdateContactAsync(Guid id, Guid contactId, ContactInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, s => s.UpdateContact(contactId, input.Name, input.Phone, input.Email, input.Role, input.IsPrimary), cancellationToken);

    public Task RemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, s => s.RemoveContact(contactId), cancellationToken);

    public async Task<Guid> AddProductAsync(Guid id, SupplierProductInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var supplier = await LoadAsync(id, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
            (await supplierProductManager.AddAsync(supplier, input.ProductCode, Terms(supplier, input), input.IsPreferred, ct)).Id, cancellationToken);
    }

    public async Task UpdateProductAsync(Guid id, Guid supplierProductId, SupplierProductInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var supplier = await LoadAsync(id, cancellationToken);
        var listing = await LoadProductAsync(supplier, supplierProductId, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await supplierProductManager.UpdateAsync(listing, Terms(supplier, input), input.IsPreferred, ct);
            return true;
        }, cancellationToken);
    }

    public async Task RemoveProductAsync(Guid id, Guid supplierProductId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var supplier = await LoadAsync(id, cancellationToken);
        var listing = await LoadProductAsync(supplier, supplierProductId, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            supplierProducts.Remove(listing);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ProductOptionDto>> GetProductOptionsAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await productOptions.GetActiveAsync(IProductOptionsQuery.MaxOptions, cancellationToken);
    }

    public async Task<IReadOnlyList<SupplierProductDto>> GetSuppliersOfProductAsync(Guid productId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await queries.GetSuppliersOfProductAsync(productId, cancellationToken);
    }

    private static SupplierProductTerms Terms(Supplier supplier, SupplierProductInput input) => new(
        input.SupplierProductCode, input.Price, string.IsNullOrWhiteSpace(input.Currency) ? supplier.CurrencyCode : input.Currency,
        input.LeadTimeDays, input.MinimumOrderQuantity);

    // A listing is reached through its supplier: another supplier's listing id reads as not found.
    private async Task<SupplierProduct> LoadProductAsync(Supplier supplier, Guid supplierProductId, CancellationToken cancellationToken) =>
        await supplierProducts.FindAsync(supplierProductId, cancellationToken) is { } listing && listing.SupplierId == supplier.Id
            ? listing
            : throw new EntityNotFoundException(nameof(SupplierProduct), supplierProductId);

    private static void Apply(Supplier supplier, SupplierInput input)
    {
        supplier.ChangeTaxId(input.TaxId);
        supplier.ChangeTerms(input.PaymentTermsDays, input.DefaultLeadTimeDays);
    }

    private async Task ChangeAsync(Guid id, Action<Supplier> change, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var supplier = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            change(supplier);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<Supplier> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await suppliers.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Supplier), id);
}
