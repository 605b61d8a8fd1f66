using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport;

/// <summary>
/// One uploaded spreadsheet on its way into the company's data: kept (file and all) until it is imported or expires.
/// It is checked into a preview first; only a preview without errors may be imported, once, and the import either
/// changes every row or nothing. Progress of a long check or import is written beside the job by the runner
/// (<see cref="ProcessedRows"/>), so a page can show it while the work's own transaction is still open.
/// </summary>
public sealed class ImportJob : AggregateRoot, IMultiTenant, INotAudited
{
    private ImportJob() { }

    private ImportJob(string kind, string fileName, SpreadsheetFormat format, byte[] content, bool updateExisting, int totalRows,
        Guid? createdBy, string? createdByName, DateTimeOffset now)
    {
        Kind = kind;
        FileName = fileName.Length > ImportExportConsts.MaxFileNameLength ? fileName[..ImportExportConsts.MaxFileNameLength] : fileName;
        Format = format;
        Content = content;
        UpdateExisting = updateExisting;
        TotalRows = totalRows;
        CreatedBy = createdBy;
        CreatedByName = createdByName;
        CreatedAt = now;
        ExpiresAt = now + ImportExportConsts.UploadRetention;
        Status = ImportJobStatus.Validating;
    }

    public Guid? TenantId { get; private set; }

    /// <summary>The import kind's name ("products", "product-categories").</summary>
    public string Kind { get; private set; } = null!;
    public string FileName { get; private set; } = null!;
    public SpreadsheetFormat Format { get; private set; }

    /// <summary>The uploaded bytes, kept until the job is imported or fails; null afterwards.</summary>
    public byte[]? Content { get; private set; }

    /// <summary>Rows whose code exists already change that record instead of being refused.</summary>
    public bool UpdateExisting { get; private set; }
    public ImportJobStatus Status { get; private set; }
    public int TotalRows { get; private set; }

    /// <summary>Rows done by the running check or import (for the progress bar).</summary>
    public int ProcessedRows { get; private set; }
    public int CreateCount { get; private set; }
    public int UpdateCount { get; private set; }
    public int ErrorRowCount { get; private set; }

    /// <summary>Why the import failed: the row (null for the file as a whole) and the error with its arguments.</summary>
    public int? FailedRowNumber { get; private set; }
    public string? FailureCode { get; private set; }
    public string[] FailureArgs { get; private set; } = [];

    public Guid? CreatedBy { get; private set; }
    public string? CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>A checked or importing job has work in progress that a page shows as a progress bar.</summary>
    public bool IsRunning => Status is ImportJobStatus.Validating or ImportJobStatus.Committing;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt && Status != ImportJobStatus.Committed;

    /// <summary>An uploaded file whose header row fits the kind; checking it is the next step.</summary>
    public static ImportJob Upload(string kind, string fileName, SpreadsheetFormat format, byte[] content, bool updateExisting, int totalRows,
        Guid? createdBy, string? createdByName, DateTimeOffset now) =>
        new(kind, fileName, format, content, updateExisting, totalRows, createdBy, createdByName, now);

    /// <summary>The check is done: the job can be imported when no row has an error.</summary>
    public void RecordPreview(int createCount, int updateCount, int errorRowCount)
    {
        EnsureStatus(ImportJobStatus.Validating);
        (CreateCount, UpdateCount, ErrorRowCount) = (createCount, updateCount, errorRowCount);
        ProcessedRows = TotalRows;
        Status = errorRowCount == 0 ? ImportJobStatus.Ready : ImportJobStatus.HasErrors;
    }

    /// <summary>Starts the import of a checked file without errors; a job is imported once, and not after it expired.</summary>
    public void StartCommit(DateTimeOffset now)
    {
        if (Status == ImportJobStatus.Committed || Status == ImportJobStatus.Committing) throw new BusinessException(ImportExportErrorCodes.JobAlreadyCommitted);
        if (IsExpired(now)) throw new BusinessException(ImportExportErrorCodes.JobExpired);
        if (Status != ImportJobStatus.Ready) throw new BusinessException(ImportExportErrorCodes.JobNotReady);
        Status = ImportJobStatus.Committing;
        ProcessedRows = 0;
    }

    /// <summary>Every row was imported (in the same transaction as this change); the file is no longer needed.</summary>
    public void MarkCommitted(int createCount, int updateCount, DateTimeOffset now)
    {
        EnsureStatus(ImportJobStatus.Committing);
        (CreateCount, UpdateCount) = (createCount, updateCount);
        ProcessedRows = TotalRows;
        Status = ImportJobStatus.Committed;
        Finish(now);
    }

    /// <summary>The check or the import stopped on <paramref name="rowNumber"/> (or the file); nothing was imported.</summary>
    public void MarkFailed(int? rowNumber, string code, IEnumerable<string> args, DateTimeOffset now)
    {
        if (!IsRunning) throw new InvalidOperationException($"Import {Id} is {Status}: only a running check or import can fail.");
        (FailedRowNumber, FailureCode, FailureArgs) = (rowNumber, code, args.ToArray());
        Status = ImportJobStatus.Failed;
        Finish(now);
    }

    private void Finish(DateTimeOffset now)
    {
        CompletedAt = now;
        Content = null;
        ExpiresAt = now + ImportExportConsts.HistoryRetention;
    }

    private void EnsureStatus(ImportJobStatus expected)
    {
        if (Status != expected) throw new InvalidOperationException($"Import {Id} is {Status}, not {expected}.");
    }
}

/// <summary>One row of a checked file as the preview shows it: what importing it would do, or why it cannot.</summary>
public sealed class ImportJobRow : Entity, IMultiTenant, INotAudited
{
    private ImportJobRow() { }

    public ImportJobRow(Guid importJobId, int rowNumber, ImportRowAction action, string? key, string? label, IReadOnlyList<ImportRowError> errors)
    {
        ImportJobId = importJobId;
        RowNumber = rowNumber;
        Action = errors.Count > 0 ? ImportRowAction.Error : action;
        Key = Truncate(key, ImportExportConsts.MaxRowKeyLength);
        Label = Truncate(label, ImportExportConsts.MaxRowLabelLength);
        Errors = errors;
    }

    public Guid? TenantId { get; private set; }
    public Guid ImportJobId { get; private set; }
    public int RowNumber { get; private set; }
    public ImportRowAction Action { get; private set; }

    /// <summary>The row's code as written in the file, and its name, so the user recognizes the row.</summary>
    public string? Key { get; private set; }
    public string? Label { get; private set; }
    public IReadOnlyList<ImportRowError> Errors { get; private set; } = [];

    private static string? Truncate(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length > length ? text.Trim()[..length] : text.Trim();
}

/// <summary>What is wrong with a row: the column (its canonical key; null for the row as a whole) and a business error.</summary>
public sealed record ImportRowError(string? Column, string Code, IReadOnlyList<string> Args);

/// <summary>Import jobs of the current tenant.</summary>
public interface IImportJobRepository
{
    /// <summary>The job as stored now: progress is written beside the unit of work, so a tracked copy is refreshed.</summary>
    Task<ImportJob?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    void Add(ImportJob job);

    void AddRows(IEnumerable<ImportJobRow> rows);

    /// <summary>Deletes jobs past their expiry (with their files and preview rows); returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
