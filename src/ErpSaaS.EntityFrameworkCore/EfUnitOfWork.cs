using ErpSaaS.Common;
using ErpSaaS.Errors;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore;

internal sealed class EfUnitOfWork(ErpDbContext db) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var nested = await work(cancellationToken);
            await SaveChangesAsync(cancellationToken);
            return nested;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        // The last save before the commit needs no savepoint of its own (two round trips): should it fail, the whole
        // transaction rolls back and nothing can go on in it.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        // Opened here, the connection stays open (and its tenant set) for every query of the work; an already open one is left as it is.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
