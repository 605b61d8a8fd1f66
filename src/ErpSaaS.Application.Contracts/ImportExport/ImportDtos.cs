using ErpSaaS.Common;

namespace ErpSaaS.ImportExport;

/// <summary>A column of an import kind: its canonical header (<see cref="Key"/>), its localized header and hint, an example value.</summary>
public sealed record ImportColumnDto(string Key, string HeaderKey, string? HintKey, bool Required, string Example);

/// <summary>Something a company can import from a spreadsheet (products, product categories ...).</summary>
public sealed record ImportKindDto(string Name, string TitleKey, string DescriptionKey, bool CanUpdateExisting, IReadOnlyList<ImportColumnDto> Columns);

/// <summary>What is wrong with a row or a failed import: the column (canonical key) it concerns and a business error ("Error:{Code}").</summary>
public sealed record ImportErrorDto(string? Column, string Code, IReadOnlyList<string> Args);

public sealed record ImportJobDto(
    Guid Id, string Kind, string FileName, SpreadsheetFormat Format, ImportJobStatus Status, bool UpdateExisting,
    int TotalRows, int ProcessedRows, int CreateCount, int UpdateCount, int ErrorRowCount,
    int? FailedRowNumber, ImportErrorDto? Failure, string? CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset ExpiresAt, bool IsExpired)
{
    public bool IsRunning => Status is ImportJobStatus.Validating or ImportJobStatus.Committing;

    public bool CanCommit => Status == ImportJobStatus.Ready && !IsExpired;

    /// <summary>Done share of the running stage, 0–100.</summary>
    public int PercentDone => TotalRows == 0 ? 100 : (int)Math.Min(100, ProcessedRows * 100L / TotalRows);
}

/// <summary>One previewed row: its row number in the file, what importing it does, its code and name, and its errors.</summary>
public sealed record ImportRowDto(int RowNumber, ImportRowAction Action, string? Key, string? Label, IReadOnlyList<ImportErrorDto> Errors);

public sealed class ImportRowQuery : PageRequest
{
    /// <summary>Only rows with errors (what the user has to correct).</summary>
    public bool ErrorsOnly { get; set; }
}

public sealed class ImportJobListQuery : PageRequest
{
    public string? Kind { get; set; }
}

/// <summary>An uploaded file for an import kind; <see cref="UpdateExisting"/> lets rows change records whose code exists.</summary>
public sealed record ImportUploadInput(string Kind, string? FileName, byte[]? Content, bool UpdateExisting);

/// <summary>A document an import created for review: its type ("opening-balance"), id and number.</summary>
public sealed record ImportDocumentDto(string DocumentType, Guid Id, string Number);

/// <summary>A file to download: a template or an export.</summary>
public sealed record ImportFileDto(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Spreadsheet imports: download a kind's template, upload a file (checked into a preview), read the preview, import it
/// (all rows or none). Large files are checked and imported in the background; the job reports its progress.
/// Each kind needs its own permission and plan feature (products and categories: "Catalog").
/// </summary>
public interface IImportAppService
{
    /// <summary>The kinds the current user may import.</summary>
    Task<IReadOnlyList<ImportKindDto>> GetKindsAsync(CancellationToken cancellationToken = default);

    Task<ImportKindDto> GetKindAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>The kind's columns as a header row in the user's language, with one example row (and, in .xlsx, a sheet of hints).</summary>
    Task<ImportFileDto> GetTemplateAsync(string kind, SpreadsheetFormat format, CancellationToken cancellationToken = default);

    /// <summary>Keeps the file and checks it (at once, or as a background job when large); returns the job's id.</summary>
    Task<Guid> UploadAsync(ImportUploadInput input, CancellationToken cancellationToken = default);

    Task<ImportJobDto> GetJobAsync(Guid id, CancellationToken cancellationToken = default);

    Task<PagedResult<ImportRowDto>> GetRowsAsync(Guid id, ImportRowQuery query, CancellationToken cancellationToken = default);

    /// <summary>The document the job's import created for review (opening stock), or null for kinds that save records directly.</summary>
    Task<ImportDocumentDto?> GetDocumentAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Imports a checked job without errors: every row in one transaction (at once, or as a background job when large).</summary>
    Task CommitAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The company's recent imports of the kinds the user may import.</summary>
    Task<PagedResult<ImportJobDto>> GetJobsAsync(ImportJobListQuery query, CancellationToken cancellationToken = default);
}
