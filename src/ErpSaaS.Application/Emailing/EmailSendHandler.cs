using ErpSaaS.Outbox;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Emailing;

/// <summary>Delivers queued e-mail: into the development mailbox when one is configured, else by SMTP.</summary>
internal sealed class EmailSendHandler(IOptions<EmailOptions> options, DevMailbox mailbox, SmtpEmailSender smtp) : OutboxHandler<EmailMessage>
{
    public override string Type => EmailMessage.OutboxType;

    protected override Task HandleAsync(EmailMessage mail, OutboxMessage message, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(options.Value.PickupDirectory)
            ? smtp.SendAsync(mail, cancellationToken)
            // Named after the outbox message, so a delivery repeated after a crash rewrites the same file.
            : mailbox.WriteAsync(message.Id, mail, message.TenantId, cancellationToken);
}
