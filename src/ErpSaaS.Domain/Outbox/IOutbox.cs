namespace ErpSaaS.Outbox;

/// <summary>Stages a side effect in the current unit of work; it is sent only if the business transaction commits.</summary>
public interface IOutbox
{
    void Add(OutboxMessage message);
}
