using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport.Spreadsheets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ErpSaaS.ImportExport;

/// <summary>Which step of an import a run does.</summary>
public enum ImportStage
{
    Validate = 0,
    Commit = 1,
}

/// <summary>
/// Runs a job's check or import, in the request for small files or in a background job for large ones, the same way:
/// read the kept file, let the kind check (writing nothing but the preview) or save every row in one transaction
/// together with the job's new status. Any failure rolls the rows back and leaves the job failed with the row and the
/// reason. A job not in the expected status is left alone, so a re-fired background job does no harm.
/// </summary>
public sealed class ImportRunner(
    IImportJobRepository jobs, ImportKindRegistry kinds, IUnitOfWork unitOfWork, IImportSession session, IImportProgressStore progressStore,
    IOptions<ImportExportOptions> options, TimeProvider clock, ILogger<ImportRunner> logger)
{
    public Task RunAsync(Guid jobId, ImportStage stage, CancellationToken cancellationToken) =>
        stage == ImportStage.Validate ? ValidateAsync(jobId, cancellationToken) : CommitAsync(jobId, cancellationToken);

    public async Task ValidateAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await StartAsync(jobId, ImportJobStatus.Validating, cancellationToken) is not { } started) return;
        var (job, kind, sheet, run) = started;
        await GuardAsync(jobId, async () =>
        {
            var results = await kind.ValidateAsync(sheet, run, cancellationToken);
            await unitOfWork.InTransactionAsync(async ct =>
            {
                var current = await jobs.FindAsync(jobId, ct) ?? throw new EntityNotFoundException(nameof(ImportJob), jobId);
                current.RecordPreview(results.Count(r => r.Action == ImportRowAction.Create), results.Count(r => r.Action == ImportRowAction.Update),
                    results.Count(r => r.Action == ImportRowAction.Error));
                jobs.AddRows(results.Select(r => new ImportJobRow(job.Id, r.RowNumber, r.Action, r.Key, r.Label, r.Errors)));
                return true;
            }, cancellationToken);
        }, cancellationToken);
    }

    public async Task CommitAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await StartAsync(jobId, ImportJobStatus.Committing, cancellationToken) is not { } started) return;
        var (_, kind, sheet, run) = started;
        await GuardAsync(jobId, () => unitOfWork.InTransactionAsync(async ct =>
        {
            var result = await kind.CommitAsync(sheet, run, ct);
            await session.FlushAsync(ct);
            // Read again: progress was written beside this transaction while the rows were saved.
            var current = await jobs.FindAsync(jobId, ct) ?? throw new EntityNotFoundException(nameof(ImportJob), jobId);
            current.MarkCommitted(result.Created, result.Updated, clock.GetUtcNow());
            return true;
        }, cancellationToken), cancellationToken);
    }

    private async Task<(ImportJob Job, IImportKind Kind, ImportSheet Sheet, ImportRunContext Run)?> StartAsync(
        Guid jobId, ImportJobStatus expected, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(jobId, cancellationToken);
        if (job is null || job.Status != expected || job.Content is null) return null;
        var kind = kinds.Get(job.Kind);
        ImportSheet sheet;
        try
        {
            sheet = ImportSheet.Map(SpreadsheetReader.Read(job.Format, job.Content, options.Value.MaxRows), kind.Columns);
        }
        catch (BusinessException error)
        {
            await FailAsync(jobId, null, error.Code, error.Args.Select(ImportCells.ArgText), cancellationToken);
            return null;
        }
        var progress = new ThrottledProgress(progressStore, jobId, sheet.Rows.Count, options.Value.ProgressEvery);
        return (job, kind, sheet, new ImportRunContext(job.Id, job.UpdateExisting, progress, session, Math.Max(1, options.Value.FlushEvery)));
    }

    private async Task GuardAsync(Guid jobId, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (ImportRowException error)
        {
            await FailAsync(jobId, error.RowNumber, error.Error.Code, error.Error.Args, cancellationToken);
        }
        catch (BusinessException error)
        {
            await FailAsync(jobId, null, error.Code, error.Args.Select(ImportCells.ArgText), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Import {JobId} failed unexpectedly; nothing was imported", jobId);
            await FailAsync(jobId, null, ImportExportErrorCodes.CommitFailed, [], cancellationToken);
            throw;
        }
    }

    private async Task FailAsync(Guid jobId, int? rowNumber, string code, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        session.Forget();
        var job = await jobs.FindAsync(jobId, cancellationToken);
        if (job is not { IsRunning: true }) return;
        job.MarkFailed(rowNumber, code, args, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes progress every few rows and at the end, not for every row.</summary>
    private sealed class ThrottledProgress(IImportProgressStore store, Guid jobId, int total, int every) : IImportProgress
    {
        private int _reported;

        public async Task ReportAsync(int rowsDone, CancellationToken cancellationToken)
        {
            if (rowsDone < total && rowsDone - _reported < every) return;
            _reported = rowsDone;
            await store.SetProcessedRowsAsync(jobId, rowsDone, cancellationToken);
        }
    }
}
