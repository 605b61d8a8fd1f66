namespace ErpSaaS.Errors;

/// <summary>Business errors of the catalog's master data ("Error:{code}" texts in Catalog.json).</summary>
public static class CatalogErrorCodes
{
    public const string WarehouseCodeInvalid = "Catalog:WarehouseCodeInvalid";
    public const string WarehouseCodeTaken = "Catalog:WarehouseCodeTaken";
    public const string WarehouseNameRequired = "Catalog:WarehouseNameRequired";
    public const string WarehouseAddressTooLong = "Catalog:WarehouseAddressTooLong";
    public const string DefaultWarehouseCannotBeDeactivated = "Catalog:DefaultWarehouseCannotBeDeactivated";

    public const string ProductCodeInvalid = "Catalog:ProductCodeInvalid";
    public const string ProductCodeTaken = "Catalog:ProductCodeTaken";
    public const string ProductNameRequired = "Catalog:ProductNameRequired";
    public const string ProductSpecificationTooLong = "Catalog:ProductSpecificationTooLong";
    public const string ProductQuantityNegative = "Catalog:ProductQuantityNegative";
    public const string ProductMaximumBelowReorderPoint = "Catalog:ProductMaximumBelowReorderPoint";
    public const string ProductLeadTimeInvalid = "Catalog:ProductLeadTimeInvalid";
    public const string ProductShelfLifeInvalid = "Catalog:ProductShelfLifeInvalid";
    public const string ProductShelfLifeNeedsBatches = "Catalog:ProductShelfLifeNeedsBatches";
    public const string ProductServiceCannotTrackBatches = "Catalog:ProductServiceCannotTrackBatches";
    public const string ProductPriceNegative = "Catalog:ProductPriceNegative";
    public const string ProductPriceTooPrecise = "Catalog:ProductPriceTooPrecise";
    public const string ProductQuantityTooPrecise = "Catalog:ProductQuantityTooPrecise";
    public const string ProductBarcodeInvalid = "Catalog:ProductBarcodeInvalid";
    public const string ProductBarcodeTaken = "Catalog:ProductBarcodeTaken";
    public const string ProductTooManyBarcodes = "Catalog:ProductTooManyBarcodes";
    public const string ProductUnitUnknown = "Catalog:ProductUnitUnknown";
    public const string ProductConversionInvalid = "Catalog:ProductConversionInvalid";
    public const string ProductConversionDuplicate = "Catalog:ProductConversionDuplicate";
    public const string ProductTooManyConversions = "Catalog:ProductTooManyConversions";
    public const string ProductUnitNotConvertible = "Catalog:ProductUnitNotConvertible";
    public const string ProductCategoryUnknown = "Catalog:ProductCategoryUnknown";
    public const string ProductTaxRateUnknown = "Catalog:ProductTaxRateUnknown";
    public const string ProductWarehouseUnknown = "Catalog:ProductWarehouseUnknown";
    public const string CategoryCodeInvalid = "Catalog:CategoryCodeInvalid";
    public const string CategoryCodeTaken = "Catalog:CategoryCodeTaken";
    public const string CategoryNameRequired = "Catalog:CategoryNameRequired";
    public const string CategoryParentUnknown = "Catalog:CategoryParentUnknown";
    public const string CategoryCycle = "Catalog:CategoryCycle";
    public const string CategoryTooDeep = "Catalog:CategoryTooDeep";
    public const string UnitCodeInvalid = "Catalog:UnitCodeInvalid";
    public const string UnitCodeTaken = "Catalog:UnitCodeTaken";
    public const string UnitNameRequired = "Catalog:UnitNameRequired";
    public const string UnitDecimalPlacesInvalid = "Catalog:UnitDecimalPlacesInvalid";
    public const string TaxRateCodeInvalid = "Catalog:TaxRateCodeInvalid";
    public const string TaxRateCodeTaken = "Catalog:TaxRateCodeTaken";
    public const string TaxRateNameRequired = "Catalog:TaxRateNameRequired";
    public const string TaxRateOutOfRange = "Catalog:TaxRateOutOfRange";
    public const string DefaultTaxRateCannotBeDeactivated = "Catalog:DefaultTaxRateCannotBeDeactivated";
    public const string ProductInUseKeepsUnitAndValuation = "Catalog:ProductInUseKeepsUnitAndValuation";
    public const string LocationCodeInvalid = "Catalog:LocationCodeInvalid";
    public const string LocationCodeTaken = "Catalog:LocationCodeTaken";
    public const string LocationNameRequired = "Catalog:LocationNameRequired";
    public const string LocationWarehouseUnknown = "Catalog:LocationWarehouseUnknown";
}
