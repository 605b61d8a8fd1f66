namespace ErpSaaS.Common;

/// <summary>One business transaction: everything saved inside commits together or not at all.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in a database transaction, saves, and commits; rolls back on any exception.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}
