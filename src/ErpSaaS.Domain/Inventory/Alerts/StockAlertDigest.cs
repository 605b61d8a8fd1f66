using ErpSaaS.Auditing;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>
/// That the company's daily alert digest for one date went out: one row per company and date (unique), written in the
/// transaction that queues the e-mails, so a second run that day (a retry, another instance) sends nothing.
/// </summary>
public sealed class StockAlertDigest : Entity, IMultiTenant, INotAudited
{
    private StockAlertDigest() { }

    public StockAlertDigest(DateOnly digestDate, DateTimeOffset sentAt, int alertCount, int recipientCount)
    {
        DigestDate = digestDate;
        SentAt = sentAt;
        AlertCount = alertCount;
        RecipientCount = recipientCount;
    }

    public Guid? TenantId { get; private set; }

    /// <summary>The company's calendar day the digest reports on.</summary>
    public DateOnly DigestDate { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public int AlertCount { get; private set; }
    public int RecipientCount { get; private set; }
}

/// <summary>The digests already sent; the unique (tenant, date) index is the last word when two runs race.</summary>
public interface IStockAlertDigestRepository
{
    Task<bool> ExistsAsync(DateOnly digestDate, CancellationToken cancellationToken = default);

    /// <summary>Active users of the company with an e-mail address who hold <paramref name="permission"/> (through a role or directly).</summary>
    Task<IReadOnlyList<Identity.AppUser>> GetRecipientsAsync(string permission, CancellationToken cancellationToken = default);
    void Add(StockAlertDigest digest);
}
