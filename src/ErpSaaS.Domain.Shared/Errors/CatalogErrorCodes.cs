namespace ErpSaaS.Errors;

/// <summary>Business errors of the catalog's master data ("Error:{code}" texts in Catalog.json).</summary>
public static class CatalogErrorCodes
{
    public const string WarehouseCodeInvalid = "Catalog:WarehouseCodeInvalid";
    public const string WarehouseCodeTaken = "Catalog:WarehouseCodeTaken";
    public const string WarehouseNameRequired = "Catalog:WarehouseNameRequired";
    public const string WarehouseAddressTooLong = "Catalog:WarehouseAddressTooLong";
    public const string DefaultWarehouseCannotBeDeactivated = "Catalog:DefaultWarehouseCannotBeDeactivated";
}
