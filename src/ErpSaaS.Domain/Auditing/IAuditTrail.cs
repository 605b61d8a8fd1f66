namespace ErpSaaS.Auditing;

/// <summary>Writes entries to the audit trail that no entity save produces (an operator's support access).</summary>
public interface IAuditTrail
{
    void Add(EntityChange change);
}
