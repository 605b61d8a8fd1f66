using ErpSaaS.Emailing;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ErpSaaS.Web.Pages.Host.Mailbox;

/// <summary>Every mail kept by the development mailbox, newest first, for following reset and invitation links locally.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Mailbox)]
public sealed class IndexModel(DevMailbox mailbox, ITenantStore tenants) : PageModel
{
    private const int Shown = 200;

    public bool Enabled => mailbox.IsEnabled;
    public string? Directory => mailbox.Directory;
    public IReadOnlyList<MailboxMail> Mails { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> TenantNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Mails = await mailbox.ListAllAsync(Shown, cancellationToken);
        TenantNames = await tenants.SlugsAsync(Mails.Select(m => m.TenantId), cancellationToken);
    }
}
