using ErpSaaS.Common;

namespace ErpSaaS.Numbering;

/// <summary>
/// The last number handed out for one document type in one period of one tenant.
/// Incremented with a row lock inside the business transaction, so a rolled-back document
/// gives its number back: numbers stay unique and gap-free.
/// </summary>
public sealed class DocumentSequence : IMultiTenant, Auditing.INotAudited
{
    private DocumentSequence() { }

    public Guid? TenantId { get; private set; }
    public string DocumentType { get; private set; } = null!;
    public string PeriodKey { get; private set; } = null!;
    public long LastValue { get; private set; }
}

public interface IDocumentNumberGenerator
{
    /// <summary>Takes the next number for the document type in the current tenant; call inside the saving transaction.</summary>
    Task<string> NextAsync(string documentType, CancellationToken cancellationToken = default);
}
