namespace ErpSaaS.ImportExport;

/// <summary>The two spreadsheet formats lists export to and imports read.</summary>
public enum SpreadsheetFormat
{
    Csv = 0,
    Xlsx = 1,
}

/// <summary>
/// Where an import stands. A file is checked (<see cref="Validating"/>) into a preview that is either
/// <see cref="Ready"/> or <see cref="HasErrors"/>; only a ready one is imported (<see cref="Committing"/>), all rows or none,
/// ending <see cref="Committed"/> or <see cref="Failed"/> (nothing changed).
/// </summary>
public enum ImportJobStatus
{
    Validating = 0,
    Ready = 1,
    HasErrors = 2,
    Committing = 3,
    Committed = 4,
    Failed = 5,
}

/// <summary>What committing a previewed row will do.</summary>
public enum ImportRowAction
{
    Create = 0,
    Update = 1,
    Error = 2,
}

public static class ImportExportConsts
{
    public const int MaxFileNameLength = 255;
    public const int MaxKindLength = 32;
    public const int MaxRowKeyLength = 64;
    public const int MaxRowLabelLength = 128;

    /// <summary>Bytes an uploaded file may have (10 MiB: some 50,000 product rows as .xlsx).</summary>
    public const int DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Data rows one file may hold; larger catalogues are imported in several files.</summary>
    public const int DefaultMaxRows = 50_000;

    /// <summary>Above this many rows, checking and importing run as background jobs with a progress bar.</summary>
    public const int DefaultBackgroundThresholdRows = 2_000;

    /// <summary>How long an upload that was not imported is kept.</summary>
    public static readonly TimeSpan UploadRetention = TimeSpan.FromHours(24);

    /// <summary>How long the record of a finished import (without its file) stays in the company's history.</summary>
    public static readonly TimeSpan HistoryRetention = TimeSpan.FromDays(30);
}
