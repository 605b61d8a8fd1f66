using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.TopBar;

/// <summary>The list inside the top bar's bell: the user's latest audited actions, fetched when the bell is opened.</summary>
[Authorize]
public sealed class RecentActivityModel(ErpSaaS.Web.Shell.RecentActivityQuery query) : ErpPageModel
{
    public IReadOnlyList<ErpSaaS.Web.Shell.ActivityEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await query.GetAsync(cancellationToken: cancellationToken);
}
