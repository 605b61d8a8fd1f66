using System.Text.Json;
using System.Text.RegularExpressions;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Emailing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>An e-mail the app queued in the outbox (<see cref="EmailMessage"/>).</summary>
public sealed partial record SentEmail(string To, string Subject, string Html, string Text)
{
    /// <summary>The first link of the plain-text body.</summary>
    public Uri Link => new(LinkPattern().Match(Text) is { Success: true } match ? match.Value : throw new InvalidOperationException($"No link in: {Text}"));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public static class SentEmails
{
    /// <summary>The e-mails queued in a tenant (null = host), oldest first.</summary>
    public static Task<List<SentEmail>> EmailsAsync(this ErpWebFactory web, Guid? tenantId) =>
        web.InScopeAsync(tenantId, async sp =>
        {
            var payloads = await sp.GetRequiredService<ErpDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type == EmailMessage.OutboxType)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Select(m => m.Payload)
                .ToListAsync();
            return payloads.Select(Parse).ToList();
        });

    private static SentEmail Parse(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        return new SentEmail(root.GetProperty("to").GetString()!, root.GetProperty("subject").GetString()!,
            root.GetProperty("htmlBody").GetString()!, root.GetProperty("textBody").GetString()!);
    }
}
