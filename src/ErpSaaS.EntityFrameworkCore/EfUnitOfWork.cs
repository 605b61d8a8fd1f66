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
        await SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
