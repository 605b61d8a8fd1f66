using System.Text.Encodings.Web;
using System.Text.Json;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Outbox;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Localization;

namespace ErpSaaS.Web.Account;

/// <summary>
/// Queues account e-mails as outbox messages of type <see cref="MessageType"/> with the payload {to, subject, html, text};
/// the outbox dispatcher sends them, in the tenant that wrote them. Must be resolved in the user's tenant scope.
/// </summary>
public sealed class OutboxAccountEmailSender(ErpDbContext db, ErpStringLocalizer localizer, ITenantStore tenants, TimeProvider clock) : IAccountEmailSender
{
    public const string MessageType = "email.send";

    public Task SendPasswordResetAsync(AppUser user, string link, CancellationToken cancellationToken = default) =>
        QueueAsync(user, "Email:PasswordReset", link, cancellationToken);

    public Task SendInvitationAsync(AppUser user, string link, CancellationToken cancellationToken = default) =>
        QueueAsync(user, "Email:Invitation", link, cancellationToken);

    private async Task QueueAsync(AppUser user, string template, string link, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(user.Email))
        {
            throw new InvalidOperationException($"User {user.Id} has no e-mail address to send {template} to.");
        }
        var company = user.TenantId is { } tenantId ? (await tenants.FindAsync(tenantId, cancellationToken))?.Name : null;
        var language = user.Language;
        string Text(string key, params object?[] arguments) => localizer.Get($"{template}:{key}", language, arguments);

        var subject = Text("Subject", company ?? localizer.Get("Shell:AppName", language));
        var greeting = localizer.Get("Email:Greeting", language, user.DisplayName);
        var body = Text("Body", company ?? localizer.Get("Shell:AppName", language), user.UserName);
        var action = Text("Action");
        var footer = Text("Footer");
        var text = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{footer}\n";
        var html = $"""
            <p>{Html(greeting)}</p>
            <p>{Html(body)}</p>
            <p><a href="{Html(link)}">{Html(action)}</a></p>
            <p style="color:#667382">{Html(footer)}</p>
            """;
        var payload = JsonSerializer.Serialize(new { to = user.Email, subject, html, text });
        db.OutboxMessages.Add(new OutboxMessage(MessageType, payload, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Html(string value) => HtmlEncoder.Default.Encode(value);
}
