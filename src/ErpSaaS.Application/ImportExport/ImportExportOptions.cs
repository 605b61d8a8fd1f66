namespace ErpSaaS.ImportExport;

/// <summary>Limits and batch sizes of imports (configuration section "ImportExport"); the defaults suit most companies.</summary>
public sealed class ImportExportOptions
{
    public const string Section = "ImportExport";

    public int MaxFileBytes { get; set; } = ImportExportConsts.DefaultMaxFileBytes;
    public int MaxRows { get; set; } = ImportExportConsts.DefaultMaxRows;

    /// <summary>Files with more data rows are checked and imported by a background job with a progress bar.</summary>
    public int BackgroundThresholdRows { get; set; } = ImportExportConsts.DefaultBackgroundThresholdRows;

    /// <summary>Rows between progress reports.</summary>
    public int ProgressEvery { get; set; } = 250;

    /// <summary>Rows saved per batch inside the import's one transaction.</summary>
    public int FlushEvery { get; set; } = 200;
}
