namespace ErpSaaS.Common;

/// <summary>An entity identified by a UUID v7 (time-ordered, index friendly, in creation order within this process).</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = OrderedIds.Next();
}

/// <summary>
/// A consistency boundary. Collects domain events that the unit of work dispatches
/// in the same transaction as the state change.
/// </summary>
public abstract class AggregateRoot : Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    /// <summary>PostgreSQL xmin, used for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    protected void AddDomainEvent(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

public interface IDomainEvent;

/// <summary>Rows that belong to one tenant. Null means a host (platform) row.</summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}

/// <summary>Creation stamps set by the unit of work from TimeProvider and the current user.</summary>
public interface IHasCreationTime
{
    DateTimeOffset CreatedAt { get; }
}
