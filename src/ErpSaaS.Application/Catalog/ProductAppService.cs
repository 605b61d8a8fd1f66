using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

public sealed class ProductAppService(
    IPermissionChecker permissions, IFeatureChecker features, IProductQueries queries, ICatalogReferenceQueries references,
    IProductRepository products, ProductManager manager, IUnitOfWork unitOfWork) : IProductAppService
{
    public async Task<PagedResult<ProductListItemDto>> GetListAsync(ProductListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<ProductDto>> ExportAsync(ProductListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        query.ClampForExport();
        return await queries.ExportAsync(query, cancellationToken);
    }

    public async Task<ProductDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var product = await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Product), id);
        return product with { IsUsed = await manager.IsUsedAsync(id, cancellationToken) };
    }

    public async Task<ProductFormOptionsDto> GetFormOptionsAsync(Guid? productId = null, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var product = productId is { } id ? await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Product), id) : null;
        var units = product is null ? [] : product.UnitConversions.Select(c => c.UnitCode).Append(product.BaseUnit).ToHashSet(StringComparer.Ordinal);
        return new ProductFormOptionsDto(
            (await references.GetCategoryTreeAsync(cancellationToken)).Where(c => c.IsActive || c.Id == product?.CategoryId).ToList(),
            (await references.GetUnitsAsync(cancellationToken)).Where(u => u.IsActive || units.Contains(u.Code)).ToList(),
            (await references.GetTaxRatesAsync(cancellationToken)).Where(t => t.IsActive || t.Id == product?.TaxRateId).ToList(),
            (await references.GetWarehousesAsync(cancellationToken)).Where(w => w.IsActive || w.Id == product?.DefaultWarehouseId).ToList(),
            product is { IsBatchTracked: true } || await features.IsEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken));
    }

    public async Task<Guid> CreateAsync(ProductInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        if (input.IsBatchTracked) await features.CheckEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var product = await manager.CreateAsync(input.Code, DetailsOf(input), ct);
            return product.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, ProductInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var product = await LoadAsync(id, cancellationToken);
        if (input.IsBatchTracked && !product.IsBatchTracked) await features.CheckEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken);
        if (product.Version != input.Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.UpdateAsync(product, DetailsOf(input), ct);
            return true;
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var product = await LoadAsync(id, cancellationToken);
        if (!product.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            product.Deactivate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var product = await LoadAsync(id, cancellationToken);
        if (product.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            product.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var product = await LoadAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.DeleteAsync(product, ct);
            return true;
        }, cancellationToken);
    }

    private async Task<Product> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await products.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Product), id);

    private static ProductDetails DetailsOf(ProductInput input) => new()
    {
        Name = input.Name,
        Specification = input.Specification,
        CategoryId = input.CategoryId,
        Type = input.Type,
        BaseUnit = input.BaseUnit,
        UnitConversions = [.. input.UnitConversions.Select(c => new UnitConversionDetails(c.UnitCode ?? string.Empty, c.Factor ?? 0m))],
        Barcodes = [.. input.Barcodes.Select(b => b ?? string.Empty)],
        DefaultWarehouseId = input.DefaultWarehouseId,
        SafetyStock = input.SafetyStock ?? 0m,
        ReorderPoint = input.ReorderPoint ?? 0m,
        ReorderQuantity = input.ReorderQuantity ?? 0m,
        MaximumStock = input.MaximumStock,
        LeadTimeDays = input.LeadTimeDays ?? 0,
        IsBatchTracked = input.IsBatchTracked,
        ShelfLifeDays = input.ShelfLifeDays,
        ValuationMethod = input.ValuationMethod,
        StandardCost = input.StandardCost ?? 0m,
        SalePrice = input.SalePrice ?? 0m,
        TaxRateId = input.TaxRateId,
    };
}
