using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A node of the product category tree (电子元器件 → 电阻 → 贴片电阻). Moving a category is checked by
/// <see cref="ProductCategoryManager"/>, which sees the whole tree: never under itself, never deeper than allowed.
/// </summary>
public sealed class ProductCategory : AggregateRoot, IMultiTenant
{
    private ProductCategory() { }

    internal ProductCategory(string code, string name, Guid? parentId)
    {
        Code = NormalizeCode(code);
        Rename(name);
        ParentId = parentId;
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public Guid? ParentId { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string? name) =>
        Name = MasterDataCode.RequireName(name, ProductCategoryConsts.MaxNameLength, nameof(Name), CatalogErrorCodes.CategoryNameRequired);

    internal void MoveUnder(Guid? parentId) => ParentId = parentId;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public static string NormalizeCode(string? code) =>
        MasterDataCode.Normalize(code, ProductCategoryConsts.MaxCodeLength, nameof(Code), CatalogErrorCodes.CategoryCodeInvalid);
}
