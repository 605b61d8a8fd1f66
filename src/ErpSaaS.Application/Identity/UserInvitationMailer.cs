namespace ErpSaaS.Identity;

/// <summary>
/// Queues the invitation e-mail (through the outbox, in the inviting transaction), with the link to choose a password on the company's subdomain.
/// </summary>
public sealed class UserInvitationMailer(AccountLinks links, AccountEmails accountEmails)
{
    public async Task EnqueueAsync(AppUser user, CancellationToken cancellationToken) =>
        await accountEmails.QueueInvitationAsync(user, await links.InvitationAsync(user, cancellationToken), cancellationToken);
}
