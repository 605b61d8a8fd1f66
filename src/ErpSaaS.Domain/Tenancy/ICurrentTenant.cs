namespace ErpSaaS.Tenancy;

/// <summary>
/// The tenant the current unit of work acts for. Null is the host (platform operator side).
/// Scoped per request or job; <see cref="Change"/> nests and restores on dispose.
/// </summary>
public interface ICurrentTenant
{
    Guid? Id { get; }
    bool IsHost => Id is null;
    IDisposable Change(Guid? tenantId);
}

public sealed class CurrentTenant : ICurrentTenant
{
    public Guid? Id { get; private set; }

    public IDisposable Change(Guid? tenantId)
    {
        var previous = Id;
        Id = tenantId;
        return new Restore(() => Id = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        private bool _disposed;
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            restore();
        }
    }
}
