using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport;

/// <summary>One parsed row of a kind: where it is in the file, its values, what importing it does, and its errors.</summary>
public sealed class ImportRow<TValues>(ImportCells cells, TValues values)
{
    public int RowNumber => cells.RowNumber;
    public TValues Values { get; } = values;
    public ImportRowAction Action { get; set; } = ImportRowAction.Create;

    /// <summary>The row's code and name as the preview shows them.</summary>
    public string? Key { get; set; }
    public string? Label { get; set; }
    public List<ImportRowError> Errors => cells.Errors;
    public bool HasErrors => cells.Errors.Count > 0;

    public void Fail(string? column, string code, params object?[] args) => cells.Fail(column, code, args);

    public void Fail(string? column, BusinessException error) => cells.Fail(column, error);

    public ImportRowResult ToResult() => new(RowNumber, HasErrors ? ImportRowAction.Error : Action, Key, Label, Errors);
}

/// <summary>
/// The skeleton every kind shares (see <see cref="IImportKind"/> for how to add one): parse each row, check them all,
/// and for an import check again and save. Subclasses supply the columns, the parsing, the set-based check and the save.
/// </summary>
public abstract class ImportKind<TValues> : IImportKind
{
    public abstract string Name { get; }
    /// <summary>"ImportExport:Kind:{name}": every kind's title sits beside the others in the ImportExport texts.</summary>
    public virtual string TitleKey => "ImportExport:Kind:" + Name;
    public virtual string DescriptionKey => TitleKey + ":Description";
    public abstract string Permission { get; }
    public abstract string Feature { get; }
    public virtual bool CanUpdateExisting => true;
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Reads one row's cells (errors go to <paramref name="cells"/>).</summary>
    protected abstract TValues Parse(ImportCells cells);

    /// <summary>Checks all rows against each other and the company's data; sets actions, keys, labels and errors. Writes nothing.</summary>
    protected abstract Task CheckAsync(IReadOnlyList<ImportRow<TValues>> rows, ImportRunContext run, CancellationToken cancellationToken);

    /// <summary>Saves the checked rows (none has an error) through the module's domain services, in the caller's transaction.</summary>
    protected abstract Task SaveAsync(IReadOnlyList<ImportRow<TValues>> rows, ImportRunContext run, CancellationToken cancellationToken);

    /// <summary>The column a domain rule's field concerns (the aggregate's property name → this kind's column key).</summary>
    protected virtual string? ColumnOf(string? field) => null;

    public async Task<IReadOnlyList<ImportRowResult>> ValidateAsync(ImportSheet sheet, ImportRunContext run, CancellationToken cancellationToken)
    {
        var rows = ParseAll(sheet);
        await CheckAsync(rows, run, cancellationToken);
        return rows.Select(r => r.ToResult()).ToList();
    }

    public async Task<ImportCommitResult> CommitAsync(ImportSheet sheet, ImportRunContext run, CancellationToken cancellationToken)
    {
        var rows = ParseAll(sheet);
        run.Checking = false;
        await CheckAsync(rows, run, cancellationToken);
        if (rows.FirstOrDefault(r => r.HasErrors) is { } wrong) throw new ImportRowException(wrong.RowNumber, wrong.Errors[0]);
        await SaveAsync(rows, run, cancellationToken);
        return new ImportCommitResult(rows.Count(r => r.Action == ImportRowAction.Create), rows.Count(r => r.Action == ImportRowAction.Update));
    }

    /// <summary>
    /// The row's code may stand once in the file; when the company has it already, the row updates it if the user asked
    /// for that, else it is refused.
    /// </summary>
    protected static void ClaimCode(ImportRow<TValues> row, string column, string code, Dictionary<string, int> rowOfCode, bool exists, ImportRunContext run)
    {
        if (!rowOfCode.TryAdd(code, row.RowNumber)) row.Fail(column, ImportExportErrorCodes.CodeDuplicateInFile, code, rowOfCode[code]);
        if (!exists) return;
        if (run.UpdateExisting) row.Action = ImportRowAction.Update;
        else row.Fail(column, ImportExportErrorCodes.CodeExists, code);
    }

    /// <summary>Saves the rows one at a time in the order given, each through <see cref="SaveRowAsync"/>, reporting progress after each.</summary>
    protected async Task SaveEachAsync(IEnumerable<ImportRow<TValues>> rows, ImportRunContext run, Func<ImportRow<TValues>, Task> save,
        CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var row in rows)
        {
            await SaveRowAsync(row, () => save(row));
            await run.SavedAsync(++done, cancellationToken);
        }
    }

    /// <summary>The record a row updates, loaded to be changed; gone since the preview means someone else changed the data meanwhile.</summary>
    protected static async Task<TRecord> ExistingAsync<TRecord>(Task<TRecord?> find) where TRecord : class =>
        await find ?? throw new BusinessException(ImportExportErrorCodes.CommitConflict);

    /// <summary>Runs one row's save; a broken rule names the row and its column and ends the import.</summary>
    protected async Task SaveRowAsync(ImportRow<TValues> row, Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (BusinessException error)
        {
            throw new ImportRowException(row.RowNumber,
                new ImportRowError(ColumnOf(error.Field), error.Code, error.Args.Select(ImportCells.ArgText).ToList()));
        }
    }

    /// <summary>Asks a domain rule without saving; a broken one becomes the row's error on the field's column.</summary>
    protected void Check(ImportRow<TValues> row, Action rule)
    {
        try
        {
            rule();
        }
        catch (BusinessException error)
        {
            row.Fail(ColumnOf(error.Field), error);
        }
    }

    private List<ImportRow<TValues>> ParseAll(ImportSheet sheet) =>
        sheet.Rows.Select(r =>
        {
            var cells = new ImportCells(sheet, r);
            return new ImportRow<TValues>(cells, Parse(cells));
        }).ToList();
}

/// <summary>
/// What a kind needs while checking or saving: the user's choice to update existing records, progress reporting, and
/// (while saving) flushing in batches so a large import keeps the unit of work small inside its one transaction.
/// </summary>
public sealed class ImportRunContext(Guid jobId, bool updateExisting, IImportProgress progress, IImportSession session, int flushEvery)
{
    /// <summary>The job being run: a kind that creates one document names it after the job, so the job can link to it.</summary>
    public Guid JobId { get; } = jobId;

    public bool UpdateExisting { get; } = updateExisting;

    /// <summary>True while previewing: progress is the check's; false while importing, when progress is the save's.</summary>
    internal bool Checking { get; set; } = true;

    /// <summary>Call after checking each row (the preview's progress bar).</summary>
    public Task CheckedAsync(int rowsDone, CancellationToken cancellationToken) =>
        Checking ? progress.ReportAsync(rowsDone, cancellationToken) : Task.CompletedTask;

    /// <summary>Call after saving each row: every few rows the changes go to the database (same transaction) and progress is reported.</summary>
    public async Task SavedAsync(int rowsDone, CancellationToken cancellationToken)
    {
        if (rowsDone % flushEvery == 0) await session.FlushAsync(cancellationToken);
        await progress.ReportAsync(rowsDone, cancellationToken);
    }
}

/// <summary>Tells the page how far a running check or import is.</summary>
public interface IImportProgress
{
    Task ReportAsync(int rowsDone, CancellationToken cancellationToken);
}

/// <summary>The import's unit of work beyond <see cref="IUnitOfWork"/>: batches inside one transaction.</summary>
public interface IImportSession
{
    /// <summary>Saves what the rows so far changed (inside the open transaction) and stops tracking it.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Drops every unsaved change (after a failed import, before the job records the failure).</summary>
    void Forget();
}

/// <summary>Writes a job's progress in its own short transaction, visible while the job's work is still uncommitted.</summary>
public interface IImportProgressStore
{
    Task SetProcessedRowsAsync(Guid jobId, int processedRows, CancellationToken cancellationToken);
}
