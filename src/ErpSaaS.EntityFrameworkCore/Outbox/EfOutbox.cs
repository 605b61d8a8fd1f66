using ErpSaaS.Outbox;

namespace ErpSaaS.EntityFrameworkCore.Outbox;

internal sealed class EfOutbox(ErpDbContext db) : IOutbox
{
    public void Add(OutboxMessage message) => db.OutboxMessages.Add(message);
}
