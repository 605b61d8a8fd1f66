namespace ErpSaaS.Errors;

/// <summary>Errors of spreadsheet imports ("Error:{code}" texts in ImportExport.json): the file, the job and each row.</summary>
public static class ImportExportErrorCodes
{
    public const string FileRequired = "ImportExport:FileRequired";
    public const string FileTooLarge = "ImportExport:FileTooLarge";
    public const string FileTypeNotSupported = "ImportExport:FileTypeNotSupported";
    public const string FileUnreadable = "ImportExport:FileUnreadable";
    public const string FileEmpty = "ImportExport:FileEmpty";
    public const string TooManyRows = "ImportExport:TooManyRows";
    public const string ColumnMissing = "ImportExport:ColumnMissing";
    public const string ColumnDuplicate = "ImportExport:ColumnDuplicate";

    public const string JobNotReady = "ImportExport:JobNotReady";
    public const string JobAlreadyCommitted = "ImportExport:JobAlreadyCommitted";
    public const string JobExpired = "ImportExport:JobExpired";
    public const string CommitConflict = "ImportExport:CommitConflict";
    public const string CommitFailed = "ImportExport:CommitFailed";

    public const string ValueRequired = "ImportExport:ValueRequired";
    public const string ValueTooLong = "ImportExport:ValueTooLong";
    public const string NumberInvalid = "ImportExport:NumberInvalid";
    public const string WholeNumberInvalid = "ImportExport:WholeNumberInvalid";
    public const string YesNoInvalid = "ImportExport:YesNoInvalid";
    public const string ChoiceInvalid = "ImportExport:ChoiceInvalid";
    public const string ConversionsInvalid = "ImportExport:ConversionsInvalid";
    public const string CodeDuplicateInFile = "ImportExport:CodeDuplicateInFile";
    public const string BarcodeDuplicateInFile = "ImportExport:BarcodeDuplicateInFile";
    public const string CodeExists = "ImportExport:CodeExists";
    public const string CategoryCodeUnknown = "ImportExport:CategoryCodeUnknown";
    public const string TaxRateCodeUnknown = "ImportExport:TaxRateCodeUnknown";
    public const string WarehouseCodeUnknown = "ImportExport:WarehouseCodeUnknown";
    public const string ParentCodeUnknown = "ImportExport:ParentCodeUnknown";
    public const string DateInvalid = "ImportExport:DateInvalid";
    public const string CurrencyCodeUnknown = "ImportExport:CurrencyCodeUnknown";
    public const string PriceListUnknown = "ImportExport:PriceListUnknown";
    public const string CustomerCodeUnknown = "ImportExport:CustomerCodeUnknown";
    public const string SupplierCodeUnknown = "ImportExport:SupplierCodeUnknown";
    public const string ProductCodeUnknown = "ImportExport:ProductCodeUnknown";
    public const string LocationCodeUnknown = "ImportExport:LocationCodeUnknown";
    public const string ListingDuplicateInFile = "ImportExport:ListingDuplicateInFile";
    public const string ListingExists = "ImportExport:ListingExists";
    public const string PreferredDuplicateInFile = "ImportExport:PreferredDuplicateInFile";
    public const string PriceListValueDiffers = "ImportExport:PriceListValueDiffers";
    public const string PriceListCurrencyFixed = "ImportExport:PriceListCurrencyFixed";
    public const string PriceBreakDuplicateInFile = "ImportExport:PriceBreakDuplicateInFile";
    public const string TooManyOpeningLines = "ImportExport:TooManyOpeningLines";
}
