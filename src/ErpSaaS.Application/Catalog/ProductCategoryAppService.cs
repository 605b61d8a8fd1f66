using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;

namespace ErpSaaS.Catalog;

public sealed class ProductCategoryAppService(
    IPermissionChecker permissions, ICatalogReferenceQueries queries, IProductCategoryRepository categories,
    ProductCategoryManager manager, IUnitOfWork unitOfWork) : IProductCategoryAppService
{
    public async Task<IReadOnlyList<ProductCategoryDto>> GetTreeAsync(bool includeInactive = true, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var tree = await queries.GetCategoryTreeAsync(cancellationToken);
        return includeInactive ? tree : tree.Where(c => c.IsActive).ToList();
    }

    public async Task<ProductCategoryDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return (await queries.GetCategoryTreeAsync(cancellationToken)).FirstOrDefault(c => c.Id == id)
               ?? throw new EntityNotFoundException(nameof(ProductCategory), id);
    }

    public async Task<Guid> CreateAsync(ProductCategoryInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct => (await manager.CreateAsync(input.Code, input.Name, input.ParentId, ct)).Id, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, ProductCategoryInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var category = await LoadAsync(id, cancellationToken);
        if (category.Version != input.Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            category.Rename(input.Name);
            if (category.ParentId != input.ParentId) await manager.MoveAsync(category, input.ParentId, ct);
            return true;
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var category = await LoadAsync(id, cancellationToken);
        if (!category.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            category.Deactivate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Catalog, cancellationToken);
        var category = await LoadAsync(id, cancellationToken);
        if (category.IsActive) return;
        await unitOfWork.InTransactionAsync(_ =>
        {
            category.Activate();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<ProductCategory> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await categories.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(ProductCategory), id);
}
