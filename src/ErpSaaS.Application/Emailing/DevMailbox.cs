using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Emailing;

/// <summary>A mail kept in the development mailbox, as written to its JSON file.</summary>
public sealed record MailboxMail(Guid Id, string To, string Subject, string Html, string? Text, DateTimeOffset SentAt, Guid? TenantId);

/// <summary>
/// The development mailbox: each mail one JSON file in <see cref="EmailOptions.PickupDirectory"/>, so reset and
/// invitation links can be followed without a mail server. Each file records the tenant the mail was sent for.
/// </summary>
public sealed class DevMailbox(IOptions<EmailOptions> options, string contentRoot, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.PickupDirectory);

    /// <summary>The mailbox directory, absolute; null when no pickup directory is configured.</summary>
    public string? Directory => IsEnabled ? Path.GetFullPath(options.Value.PickupDirectory!, contentRoot) : null;

    public async Task WriteAsync(Guid id, EmailMessage mail, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var directory = Directory ?? throw new InvalidOperationException("Email:PickupDirectory is not configured.");
        System.IO.Directory.CreateDirectory(directory);
        var stored = new MailboxMail(id, mail.To, mail.Subject, mail.HtmlBody, mail.TextBody, clock.GetUtcNow(), tenantId);
        // Written aside, then moved into place: a reader never sees half a mail.
        var temporary = Path.Combine(directory, $"{id:N}.tmp");
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, stored, Json, cancellationToken);
        }
        File.Move(temporary, PathOf(directory, id), overwrite: true);
    }

    /// <summary>Every tenant's mail, newest first (the operator's view).</summary>
    public Task<IReadOnlyList<MailboxMail>> ListAllAsync(int take = 100, CancellationToken cancellationToken = default) =>
        ListAsync(_ => true, take, cancellationToken);

    /// <summary>The mail sent for one tenant, newest first.</summary>
    public Task<IReadOnlyList<MailboxMail>> ListForTenantAsync(Guid tenantId, int take = 100, CancellationToken cancellationToken = default) =>
        ListAsync(m => m.TenantId == tenantId, take, cancellationToken);

    public async Task<MailboxMail?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Directory is { } directory && File.Exists(PathOf(directory, id)) ? await ReadAsync(PathOf(directory, id), cancellationToken) : null;

    private async Task<IReadOnlyList<MailboxMail>> ListAsync(Func<MailboxMail, bool> include, int take, CancellationToken cancellationToken)
    {
        if (Directory is not { } directory || !System.IO.Directory.Exists(directory)) return [];
        var mails = new List<MailboxMail>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc))
        {
            if (await ReadAsync(file.FullName, cancellationToken) is { } mail && include(mail))
            {
                mails.Add(mail);
                if (mails.Count == take) break;
            }
        }
        return mails.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).ToList();
    }

    private static async Task<MailboxMail?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<MailboxMail>(file, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null; // not a mail this mailbox wrote: leave it out rather than hide every other mail
        }
    }

    private static string PathOf(string directory, Guid id) => Path.Combine(directory, $"{id:N}.json");
}
