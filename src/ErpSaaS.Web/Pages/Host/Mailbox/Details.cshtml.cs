using ErpSaaS.Emailing;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ErpSaaS.Web.Pages.Host.Mailbox;

/// <summary>One mail of the development mailbox: its HTML in a sandboxed frame (links open in a new tab), or its text.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Mailbox)]
public sealed class DetailsModel(DevMailbox mailbox) : PageModel
{
    public MailboxMail Mail { get; private set; } = null!;

    /// <summary>The HTML for the frame's srcdoc; Razor encodes it as an attribute value.</summary>
    public string FrameDocument => "<base target=\"_blank\">" + Mail.Html;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mailbox.FindAsync(id, cancellationToken) is not { } mail) return NotFound();
        Mail = mail;
        return Page();
    }
}
