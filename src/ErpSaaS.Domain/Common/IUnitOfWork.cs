namespace ErpSaaS.Common;

/// <summary>One business transaction: everything saved inside commits together or not at all.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in a database transaction, saves, and commits; rolls back on any exception.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/>, a read of several queries, on one open connection: no transaction, nothing saved, and
    /// the connection's session (the tenant) is set once instead of before each query.
    /// </summary>
    Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}
