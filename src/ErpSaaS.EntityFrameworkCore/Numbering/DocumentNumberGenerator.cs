using ErpSaaS.Numbering;
using ErpSaaS.Settings;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Numbering;

/// <summary>
/// Hands out document numbers from the tenant's pattern. The counter row is incremented with one atomic
/// upsert inside the caller's transaction: concurrent documents queue on its row lock, and a rolled-back
/// document gives its number back, so numbers are unique and gap-free.
/// </summary>
internal sealed class DocumentNumberGenerator(ErpDbContext db, ISettingStore settings, TimeProvider clock) : IDocumentNumberGenerator
{
    public async Task<string> NextAsync(string documentType, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                $"A {documentType} number must be taken inside the transaction that saves the document, or a failed save would leave a gap.");
        }
        var tenantId = db.CurrentTenantId
                       ?? throw new InvalidOperationException("Document numbers belong to a tenant; the host has none.");

        var pattern = NumberPattern.Parse(await settings.GetAsync(SettingDefinitions.NumberPatternSetting(documentType), cancellationToken));
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), timeZone).DateTime;
        var periodKey = pattern.PeriodKey(today);

        var taken = await db.Database.SqlQuery<long>($"""
            INSERT INTO document_sequences (tenant_id, document_type, period_key, last_value)
            VALUES ({tenantId}, {documentType}, {periodKey}, 1)
            ON CONFLICT (tenant_id, document_type, period_key)
            DO UPDATE SET last_value = document_sequences.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return pattern.Format(today, taken.Single());
    }
}
