namespace ErpSaaS.Errors;

/// <summary>Business errors of the product pages and services ("Error:{code}" texts in Products.json).</summary>
public static class ProductErrorCodes
{
    public const string ProductInUseCannotBeDeleted = "Catalog:ProductInUseCannotBeDeleted";
}
