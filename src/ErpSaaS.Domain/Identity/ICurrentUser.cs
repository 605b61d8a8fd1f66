namespace ErpSaaS.Identity;

/// <summary>
/// The signed-in user of the current unit of work: set from the cookie or API key by the web pipeline,
/// from the job data by jobs, absent otherwise. <see cref="Change"/> nests like <c>ICurrentTenant.Change</c>.
/// </summary>
public interface ICurrentUser
{
    Guid? Id { get; }
    string? UserName { get; }
    bool IsAuthenticated => Id is not null;
    IDisposable Change(Guid? id, string? userName);
}

public sealed class CurrentUser : ICurrentUser
{
    public Guid? Id { get; private set; }
    public string? UserName { get; private set; }

    public IDisposable Change(Guid? id, string? userName)
    {
        var (previousId, previousName) = (Id, UserName);
        (Id, UserName) = (id, userName);
        return new Restore(() => (Id, UserName) = (previousId, previousName));
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
