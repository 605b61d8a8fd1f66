using ErpSaaS.Approvals;
using ErpSaaS.Identity;
using ErpSaaS.Settings;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// The signed-in user (or an approver's decision) and the moment of a change, with the company's calendar date (its
/// time zone) for expiry dates.
/// </summary>
public sealed class StockDocumentActors(ICurrentUser user, TimeProvider clock, ISettingStore settings)
{
    public Task<StockDocumentActor> CurrentAsync(CancellationToken cancellationToken = default) =>
        ActorAsync(user.Id, user.UserName, clock.GetUtcNow(), cancellationToken);

    public Task<StockDocumentActor> OfAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        ActorAsync(decision.DeciderId, decision.DeciderName, decision.At, cancellationToken);

    private async Task<StockDocumentActor> ActorAsync(Guid? userId, string? userName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        return new StockDocumentActor(userId, userName, at, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));
    }
}
