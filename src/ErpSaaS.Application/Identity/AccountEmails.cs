using System.Globalization;
using System.Net;
using ErpSaaS.Emailing;
using ErpSaaS.Localization;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Identity;

/// <summary>
/// The e-mails that let a user set a password (reset, invitation), written in the user's language and queued
/// through the outbox in the caller's unit of work.
/// </summary>
public sealed class AccountEmails(IEmailQueue emails, ITenantStore tenants)
{
    public Task QueuePasswordResetAsync(AppUser user, string link, CancellationToken cancellationToken = default) =>
        QueueAsync(user, "Email:PasswordReset", link, cancellationToken);

    public Task QueueInvitationAsync(AppUser user, string link, CancellationToken cancellationToken = default) =>
        QueueAsync(user, "Email:Invitation", link, cancellationToken);

    /// <summary>
    /// Queues the mail of <paramref name="template"/> ("{template}:Subject/Body/Action/Footer"; the body gets the company,
    /// the user name, then <paramref name="bodyArguments"/>). <paramref name="company"/> names the company when its
    /// tenant is not committed yet (sign-up); otherwise it is looked up.
    /// </summary>
    public async Task QueueAsync(AppUser user, string template, string link, CancellationToken cancellationToken,
        string? company = null, params object?[] bodyArguments)
    {
        if (string.IsNullOrWhiteSpace(user.Email))
        {
            throw new InvalidOperationException($"User {user.Id} has no e-mail address to send {template} to.");
        }
        var culture = CultureInfo.GetCultureInfo(ErpLocalizationResources.ResolveCulture(user.Language));
        string Text(string key, params object?[] arguments) =>
            string.Format(culture, ErpLocalizationResources.Find(key, culture) ?? key, arguments);
        company ??= (user.TenantId is { } tenantId ? (await tenants.FindAsync(tenantId, cancellationToken))?.Name : null)
                    ?? Text("Shell:AppName");

        object?[] arguments = [company, user.UserName, .. bodyArguments];
        var subject = Text($"{template}:Subject", arguments);
        var greeting = Text("Email:Greeting", user.DisplayName);
        var body = Text($"{template}:Body", arguments);
        var action = Text($"{template}:Action");
        var footer = Text($"{template}:Footer", arguments);
        var text = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{footer}\n";
        var html = $"""
            <p>{Html(greeting)}</p>
            <p>{Html(body)}</p>
            <p><a href="{Html(link)}">{Html(action)}</a></p>
            <p style="color:#667382">{Html(footer)}</p>
            """;
        await emails.QueueAsync(user.Email, subject, html, text, cancellationToken);
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}
