namespace ErpSaaS.Common;

/// <summary>
/// Handles a domain event inside the transaction that raised it (atomic with the change).
/// Side effects that talk to the outside write an outbox message instead of acting here.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Told after a successful save which entity types changed, to drop cached copies.</summary>
public interface ISavedChangesObserver
{
    void OnSaved(IReadOnlyCollection<(Type EntityType, object Entity)> changed);
}

/// <summary>
/// Told when another process (another web instance, the migrator, SQL by hand) committed a change to a
/// table whose rows this process caches. <paramref name="key"/> is the row's tenant or id where it matters.
/// </summary>
public interface IDatabaseChangeObserver
{
    void OnTableChanged(string table, string key);
}
