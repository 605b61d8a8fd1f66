using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Emailing;

/// <summary>Sends one mail through the configured SMTP server (<c>Email:Smtp</c>).</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options)
{
    public async Task SendAsync(EmailMessage mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host) || string.IsNullOrWhiteSpace(smtp.From))
        {
            throw new InvalidOperationException("Email:Smtp:Host and Email:Smtp:From are not configured (or set Email:PickupDirectory to keep mail locally).");
        }
        using var message = new MailMessage(smtp.From, mail.To)
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        // multipart/alternative: the plain text first, the HTML last (the one readers prefer).
        if (!string.IsNullOrEmpty(mail.TextBody))
        {
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
        }
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.User))
        {
            client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
        }
        await client.SendMailAsync(message, cancellationToken);
    }
}
