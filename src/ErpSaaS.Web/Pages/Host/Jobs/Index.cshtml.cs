using ErpSaaS.Outbox;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ErpSaaS.Web.Pages.Host.Jobs;

/// <summary>The operator's view of background work: the scheduler's triggers and the outbox, with requeue for dead letters.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Jobs)]
public sealed class IndexModel(SchedulerStatusReader scheduler, IOutboxMonitor outbox, ITenantStore tenants) : PageModel
{
    private const int DeadLetteredShown = 50;

    public SchedulerOverview Scheduler { get; private set; } = SchedulerOverview.Disabled;
    public IReadOnlyDictionary<OutboxMessageState, int> OutboxCounts { get; private set; } = new Dictionary<OutboxMessageState, int>();
    public IReadOnlyList<OutboxMessage> DeadLettered { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> TenantNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The localization key of the outcome of the last post, shown once.</summary>
    [TempData]
    public string? StatusKey { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scheduler = await scheduler.ReadAsync(cancellationToken);
        OutboxCounts = await outbox.CountByStateAsync(cancellationToken);
        DeadLettered = await outbox.RecentDeadLetteredAsync(DeadLetteredShown, cancellationToken);
        TenantNames = await tenants.SlugsAsync(DeadLettered.Select(m => m.TenantId), cancellationToken);
    }

    public async Task<IActionResult> OnPostRequeueAsync(Guid id, CancellationToken cancellationToken)
    {
        StatusKey = await outbox.RequeueAsync(id, cancellationToken) ? "Outbox:Requeued" : "Outbox:RequeueNotFound";
        return RedirectToPage();
    }
}
