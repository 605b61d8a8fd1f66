using Microsoft.Extensions.Primitives;

namespace ErpSaaS.Common;

/// <summary>
/// One change token shared by a family of cache entries (every tenant's permissions, every tenant's features):
/// a save that touches an affected entity cancels it and so drops the whole family at once.
/// </summary>
public abstract class CacheInvalidator : ISavedChangesObserver, IDatabaseChangeObserver, IDisposable
{
    private CancellationTokenSource _source = new();

    public IChangeToken Token => new CancellationChangeToken(_source.Token);

    protected abstract bool Affects(object entity);

    /// <summary>The tables behind the cached entries, as named in notifications from other processes.</summary>
    protected abstract IReadOnlySet<string> Tables { get; }

    public void OnTableChanged(string table, string key)
    {
        if (Tables.Contains(table)) Invalidate();
    }

    public void OnSaved(IReadOnlyCollection<(Type EntityType, object Entity)> changed)
    {
        if (changed.Any(c => Affects(c.Entity))) Invalidate();
    }

    public void Dispose()
    {
        _source.Dispose();
        GC.SuppressFinalize(this);
    }

    public void Invalidate()
    {
        var previous = Interlocked.Exchange(ref _source, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
