using ErpSaaS.Auditing;

namespace ErpSaaS.EntityFrameworkCore.Auditing;

internal sealed class AuditTrail(ErpDbContext db) : IAuditTrail
{
    public void Add(EntityChange change) => db.Add(change);
}
