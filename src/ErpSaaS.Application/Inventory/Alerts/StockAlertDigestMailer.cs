using System.Globalization;
using System.Net;
using System.Text;
using ErpSaaS.Common;
using ErpSaaS.Emailing;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Localization;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>
/// The current company's daily alert digest: to every active user holding the "Inventory" permission, in that user's
/// language, the day's counts per kind, the first alerts and a link to the alerts panel. Nothing goes out when there
/// are no alerts; a day that already has its digest sends nothing again (the digest row and the e-mails commit together).
/// </summary>
public sealed class StockAlertDigestMailer(
    ICurrentTenant currentTenant, ITenantStore tenants, IPublicUrls urls, IFeatureChecker features, IStockAlertQueries queries,
    StockAlertClock alertClock, IStockAlertDigestRepository digests, IEmailQueue emails, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const string AlertsPath = "/app/inventory/alerts";
    public const int TopItems = 10;

    /// <returns>How many e-mails were queued (0: no alerts, no recipients, already sent today, or no trading in the plan).</returns>
    public async Task<int> SendAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("The alert digest belongs to a company; the host has none.");
        var tenant = await tenants.FindAsync(tenantId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        if (!await features.IsEnabledAsync(ErpFeatures.Trading, cancellationToken)) return 0;
        var window = await alertClock.WindowAsync(cancellationToken: cancellationToken);
        if (await digests.ExistsAsync(window.Today, cancellationToken)) return 0;
        var counts = await queries.CountAsync(window, cancellationToken);
        var total = counts.Values.Sum();
        if (total == 0) return 0;
        var top = (await queries.GetListAsync(new StockAlertListQuery { PageSize = TopItems }, window, cancellationToken)).Items;
        var recipients = await digests.GetRecipientsAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        if (recipients.Count == 0) return 0;
        var link = urls.TenantSite(tenant.Slug, AlertsPath);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            foreach (var user in recipients)
            {
                var (subject, html, text) = Compose(user, tenant.Name, window, counts, total, top, link);
                await emails.QueueAsync(user.Email!, subject, html, text, ct);
            }
            // The unique (tenant, date) index turns a racing second run into a failed transaction instead of a second mail.
            digests.Add(new StockAlertDigest(window.Today, clock.GetUtcNow(), total, recipients.Count));
            return recipients.Count;
        }, cancellationToken);
    }

    private static (string Subject, string Html, string Text) Compose(
        AppUser user, string company, StockAlertWindow window, IReadOnlyDictionary<StockAlertKind, int> counts, int total,
        IReadOnlyList<StockAlertDto> top, string link)
    {
        var culture = CultureInfo.GetCultureInfo(ErpLocalizationResources.ResolveCulture(user.Language));
        string T(string key, params object?[] arguments) => string.Format(culture, ErpLocalizationResources.Find(key, culture) ?? key, arguments);
        string H(string value) => WebUtility.HtmlEncode(value);

        var subject = T("Email:StockAlertDigest:Subject", company, total, window.Today);
        var greeting = T("Email:Greeting", user.DisplayName);
        var body = T("Email:StockAlertDigest:Body", company, total, window.Today);
        var kinds = Enum.GetValues<StockAlertKind>().Where(k => counts.GetValueOrDefault(k) > 0)
            .Select(k => (Kind: T("StockAlerts:Kind:" + k), Count: counts[k])).ToList();
        var items = top.Select(a => (Kind: T("StockAlerts:Kind:" + a.Kind), Item: Describe(a, culture))).ToList();
        var action = T("Email:StockAlertDigest:Action");
        var footer = T("Email:StockAlertDigest:Footer", company);
        var topTitle = T("Email:StockAlertDigest:Top", items.Count);

        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(body).Append("\n\n");
        foreach (var (kind, count) in kinds) text.Append("- ").Append(kind).Append(": ").Append(count.ToString(culture)).Append('\n');
        text.Append('\n').Append(topTitle).Append('\n');
        foreach (var (kind, item) in items) text.Append("- ").Append(item).Append(" (").Append(kind).Append(")\n");
        text.Append('\n').Append(action).Append(": ").Append(link).Append("\n\n").Append(footer).Append('\n');

        var html = new StringBuilder()
            .Append("<p>").Append(H(greeting)).Append("</p><p>").Append(H(body)).Append("</p><ul>");
        foreach (var (kind, count) in kinds) html.Append("<li>").Append(H(kind)).Append(": <b>").Append(count.ToString(culture)).Append("</b></li>");
        html.Append("</ul><p>").Append(H(topTitle)).Append("</p><ul>");
        foreach (var (kind, item) in items) html.Append("<li>").Append(H(item)).Append(" (").Append(H(kind)).Append(")</li>");
        html.Append("</ul><p><a href=\"").Append(H(link)).Append("\">").Append(H(action)).Append("</a></p>")
            .Append("<p style=\"color:#667382\">").Append(H(footer)).Append("</p>");
        return (subject, html.ToString(), text.ToString());
    }

    /// <summary>"SKU-1 Widget · WH01 · B-7 · 2026-11-20 · 12 PCS": what and where, without the kind.</summary>
    private static string Describe(StockAlertDto alert, CultureInfo culture)
    {
        var parts = new List<string> { $"{alert.ProductCode} {alert.ProductName}" };
        if (alert.WarehouseCode is { } warehouse) parts.Add(warehouse);
        if (!string.IsNullOrEmpty(alert.BatchNumber)) parts.Add(alert.BatchNumber);
        if (alert.ExpiryDate is { } expiry) parts.Add(expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var quantity = alert.Quantity.ToString("0.####", culture) + " " + alert.BaseUnit;
        parts.Add(alert.Threshold is { } threshold ? $"{quantity} / {threshold.ToString("0.####", culture)}" : quantity);
        return string.Join(" · ", parts);
    }
}
