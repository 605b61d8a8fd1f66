namespace ErpSaaS.Emailing;

/// <summary>
/// Sends e-mail through the outbox: the mail is written in the caller's unit of work and delivered after its
/// transaction commits (never for a rolled-back change), retried if the mail server is unavailable.
/// </summary>
public interface IEmailQueue
{
    /// <param name="textBody">The plain-text alternative for mail readers that show no HTML; optional.</param>
    Task QueueAsync(string to, string subject, string htmlBody, string? textBody = null, CancellationToken cancellationToken = default);
}

/// <summary>An e-mail as queued: the payload of an <see cref="OutboxType"/> outbox message.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string? TextBody)
{
    public const string OutboxType = "email.send";
}
