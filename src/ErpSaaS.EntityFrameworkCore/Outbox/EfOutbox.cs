using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.Outbox;

namespace ErpSaaS.EntityFrameworkCore.Outbox;

/// <summary>Adds outbox messages to the current DbContext; the caller's unit of work saves them with its changes.</summary>
internal sealed class EfOutbox(ErpDbContext db, TimeProvider clock) : IOutbox
{
    public void Enqueue(string type, object payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        if (type.Length > OutboxMessage.MaxTypeLength)
        {
            throw new ArgumentException($"Outbox message types are at most {OutboxMessage.MaxTypeLength} characters.", nameof(type));
        }
        var message = new OutboxMessage(type, JsonSerializer.Serialize(payload, payload.GetType(), OutboxJson.Options), clock.GetUtcNow());
        // The message belongs to the tenant it was written for, even if the save happens host-side.
        db.Entry(message).Property(nameof(IMultiTenant.TenantId)).CurrentValue = db.CurrentTenantId;
        db.OutboxMessages.Add(message);
    }
}
