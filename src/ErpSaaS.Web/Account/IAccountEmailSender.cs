using ErpSaaS.Identity;

namespace ErpSaaS.Web.Account;

/// <summary>The account e-mails: a password-reset link and an invitation to join. Written in the recipient's language.</summary>
public interface IAccountEmailSender
{
    Task SendPasswordResetAsync(AppUser user, string link, CancellationToken cancellationToken = default);

    Task SendInvitationAsync(AppUser user, string link, CancellationToken cancellationToken = default);
}
