using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.ImportExport;

internal sealed class ImportJobRepository(ErpDbContext db) : IImportJobRepository
{
    public async Task<ImportJob?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.Entries<ImportJob>().FirstOrDefault(e => e.Entity.Id == id) is { } tracked)
        {
            await tracked.ReloadAsync(cancellationToken);
            return tracked.State == EntityState.Detached ? null : tracked.Entity;
        }
        return await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    public void Add(ImportJob job) => db.ImportJobs.Add(job);

    public void AddRows(IEnumerable<ImportJobRow> rows) => db.ImportJobRows.AddRange(rows);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ImportJobs.Where(j => j.ExpiresAt <= now && j.Status != ImportJobStatus.Validating && j.Status != ImportJobStatus.Committing)
            .ExecuteDeleteAsync(cancellationToken);
}

/// <summary>Batches of an import inside its one transaction: save, then forget, so the change tracker stays small.</summary>
internal sealed class ImportSession(ErpDbContext db) : IImportSession
{
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone saved the same code or barcode since the check: the whole import rolls back and says so.
            throw new BusinessException(ImportExportErrorCodes.CommitConflict);
        }
        db.ChangeTracker.Clear();
    }

    public void Forget() => db.ChangeTracker.Clear();
}

/// <summary>
/// Progress goes through a context of its own (its own connection, committed at once), acting for the same tenant:
/// the job's work keeps its transaction open until the last row, and the page must see progress before that.
/// </summary>
internal sealed class ImportProgressStore(IServiceScopeFactory scopes, ErpSaaS.Tenancy.ICurrentTenant tenant) : IImportProgressStore
{
    public async Task SetProcessedRowsAsync(Guid jobId, int processedRows, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ErpSaaS.Tenancy.ICurrentTenant>().Change(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, processedRows), cancellationToken);
    }
}
