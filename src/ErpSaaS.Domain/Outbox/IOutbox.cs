using System.Text.Json;

namespace ErpSaaS.Outbox;

/// <summary>
/// Writes a side effect as an <see cref="OutboxMessage"/> into the current unit of work: it is saved (and
/// later carried out, inside the current tenant) only if the caller's transaction commits.
/// </summary>
public interface IOutbox
{
    /// <param name="type">Names the <see cref="IOutboxHandler"/> that will carry the message out.</param>
    /// <param name="payload">Serialized as JSON with <see cref="OutboxJson.Options"/>.</param>
    void Enqueue(string type, object payload);
}

/// <summary>Carries out the outbox messages of one type, inside the tenant that wrote them.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    /// <summary>Throws to have the message retried later (with backoff) or, after the last attempt, dead-lettered.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A handler whose payload is read back into <typeparamref name="TPayload"/>.</summary>
public abstract class OutboxHandler<TPayload> : IOutboxHandler
{
    public abstract string Type { get; }

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<TPayload>(message.Payload, OutboxJson.Options)
                      ?? throw new InvalidOperationException($"Outbox message {message.Id} of type {message.Type} has an empty payload.");
        return HandleAsync(payload, message, cancellationToken);
    }

    protected abstract Task HandleAsync(TPayload payload, OutboxMessage message, CancellationToken cancellationToken);
}

public static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
