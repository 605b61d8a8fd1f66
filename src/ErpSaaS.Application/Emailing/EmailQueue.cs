using System.Net.Mail;
using ErpSaaS.Outbox;

namespace ErpSaaS.Emailing;

internal sealed class EmailQueue(IOutbox outbox) : IEmailQueue
{
    public Task QueueAsync(string to, string subject, string htmlBody, string? textBody = null, CancellationToken cancellationToken = default)
    {
        // A malformed address would only fail at delivery, after the business change committed: refuse it now.
        if (!MailAddress.TryCreate(to, out _))
        {
            throw new ArgumentException($"'{to}' is not an e-mail address.", nameof(to));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        outbox.Enqueue(EmailMessage.OutboxType, new EmailMessage(to, subject, htmlBody, textBody));
        return Task.CompletedTask;
    }
}
