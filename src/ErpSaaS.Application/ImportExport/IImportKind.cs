using ErpSaaS.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.ImportExport;

/// <summary>
/// Something a company imports from a spreadsheet. The framework around a kind does the rest: the template download,
/// the upload (CSV in UTF-8/GB18030 or .xlsx, size and row limits), mapping the header row by canonical or localized
/// column names, the preview with row-level errors, the all-or-nothing import in one transaction, background jobs with
/// a progress bar for large files, and the pages under /app/imports/{kind}.
/// <para>
/// To add a kind (as customers, suppliers, supplied products, price lists and opening stock were):
/// 1. derive from <see cref="ImportKind{TValues}"/>: name it (the URL segment), list its <see cref="ImportColumn"/>s
///    (canonical key, header and hint text keys, required, example), parse one row's cells into a values record;
/// 2. in <c>CheckAsync</c>, check all rows at once against each other and the company's data (load what the rows
///    reference in a few set-based queries, never one query per row), set each row's action, and ask the module's
///    aggregates for their own rules without saving anything (as <see cref="CatalogImportRules"/> does);
/// 3. in <c>SaveAsync</c>, save every row through the module's domain services, calling <c>run.SavedAsync</c> after
///    each row (it reports progress and flushes in batches inside the one transaction);
/// 4. register it with <c>services.AddImportKind&lt;TKind&gt;()</c> and give its texts in both languages in
///    ImportExport.json: title "ImportExport:Kind:{name}", its ":Description", each column's header and hint.
/// The kind then appears on the import page (for users holding its <see cref="Permission"/> in plans with its
/// <see cref="Feature"/>), with its template, preview and import.
/// </para>
/// </summary>
public interface IImportKind
{
    /// <summary>The kind's name in URLs and on jobs ("products").</summary>
    string Name { get; }
    string TitleKey { get; }
    string DescriptionKey { get; }
    string Permission { get; }
    string Feature { get; }

    /// <summary>Whether a row may change an existing record with the same code ("update existing").</summary>
    bool CanUpdateExisting { get; }
    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Checks every row and says what importing it would do; writes nothing.</summary>
    Task<IReadOnlyList<ImportRowResult>> ValidateAsync(ImportSheet sheet, ImportRunContext run, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the rows again (the company's data may have changed since the preview) and saves them all, inside the
    /// caller's transaction; a row that fails throws <see cref="ImportRowException"/> and the caller rolls everything back.
    /// </summary>
    Task<ImportCommitResult> CommitAsync(ImportSheet sheet, ImportRunContext run, CancellationToken cancellationToken);
}

/// <summary>
/// A kind whose import creates one document for the user to review (an opening balance in draft) instead of final
/// records: the job page links to it.
/// </summary>
public interface IImportKindWithDocument
{
    /// <summary>The document the job's import created, if it did (and it is the current company's).</summary>
    Task<ImportDocumentDto?> FindDocumentAsync(Guid jobId, CancellationToken cancellationToken);
}

/// <summary>A column of an import kind. <see cref="Key"/> is the canonical header ("base_unit"), accepted in any language.</summary>
public sealed record ImportColumn(string Key, string HeaderKey, string? HintKey = null, bool Required = false, string Example = "", string? ExampleKey = null)
{
    public ImportColumnDto ToDto() => new(Key, HeaderKey, HintKey, Required, Example);
}

public sealed record ImportRowResult(int RowNumber, ImportRowAction Action, string? Key, string? Label, IReadOnlyList<ImportRowError> Errors);

public sealed record ImportCommitResult(int Created, int Updated);

/// <summary>A row that could not be saved: the whole import is rolled back and the job says which row and why.</summary>
public sealed class ImportRowException(int rowNumber, ImportRowError error)
    : Exception($"Row {rowNumber}: {error.Code} ({string.Join(", ", error.Args)})")
{
    public int RowNumber { get; } = rowNumber;
    public ImportRowError Error { get; } = error;
}

/// <summary>The kinds registered, by name.</summary>
public sealed class ImportKindRegistry(IEnumerable<IImportKind> kinds)
{
    private readonly IReadOnlyList<IImportKind> _kinds = kinds.ToList();

    public IReadOnlyList<IImportKind> All => _kinds;

    public IImportKind Get(string? name) =>
        _kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new EntityNotFoundException(nameof(IImportKind), name ?? string.Empty);
}

public static class ImportKindServiceCollectionExtensions
{
    /// <summary>Makes <typeparamref name="TKind"/> importable (scoped: kinds use the unit of work's repositories).</summary>
    public static IServiceCollection AddImportKind<TKind>(this IServiceCollection services) where TKind : class, IImportKind =>
        services.AddScoped<IImportKind, TKind>();
}
