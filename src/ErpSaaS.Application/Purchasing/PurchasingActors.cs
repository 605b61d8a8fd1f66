using ErpSaaS.Approvals;
using ErpSaaS.Identity;
using ErpSaaS.Settings;

namespace ErpSaaS.Purchasing;

/// <summary>The signed-in user (or an approver's decision) and the moment of a change, with the company's calendar date then.</summary>
public sealed class PurchasingActors(ICurrentUser user, TimeProvider clock, ISettingStore settings)
{
    public Task<PurchasingActor> CurrentAsync(CancellationToken cancellationToken = default) =>
        ActorAsync(user.Id, user.UserName, clock.GetUtcNow(), cancellationToken);

    public Task<PurchasingActor> OfAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        ActorAsync(decision.DeciderId, decision.DeciderName, decision.At, cancellationToken);

    private async Task<PurchasingActor> ActorAsync(Guid? userId, string? userName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        return new PurchasingActor(userId, userName, at, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));
    }
}
