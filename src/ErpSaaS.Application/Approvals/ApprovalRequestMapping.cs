using System.Globalization;
using ErpSaaS.Localization;

namespace ErpSaaS.Approvals;

internal static class ApprovalRequestMapping
{
    public static ApprovalRequestDto ToDto(ApprovalRequest request) => new(
        request.Id, request.DocumentType, request.DocumentId, request.DocumentNumber, request.Status, request.SubmittedAt, request.SubmitterName,
        request.EndedAt, [.. request.Steps.Select(ToDto)]);

    private static ApprovalStepDto ToDto(ApprovalRequestStep step)
    {
        var decided = step.Approvers.Where(a => a.Decision is not null).OrderBy(a => a.DecidedAt).ThenBy(a => a.UserName, StringComparer.CurrentCulture).ToList();
        return new ApprovalStepDto(
            step.Order, step.Name, step.Status, [.. step.Approvers.OrderBy(a => a.IsEscalation).ThenBy(a => a.UserName, StringComparer.CurrentCulture).Select(a => a.UserName)], step.DueAt,
            decided.Count == 0 ? null : string.Join(", ", decided.Select(DeciderName)),
            decided.LastOrDefault()?.DecidedAt,
            decided.Where(a => a.Comment is not null).Select(a => a.Comment!).ToList() is { Count: > 0 } comments ? string.Join(" / ", comments) : null);
    }

    /// <summary>"X" or, when a delegate decided, "X for Y" in the reader's language.</summary>
    private static string DeciderName(ApprovalStepApprover approver) =>
        approver.DecidedByDelegate
            ? string.Format(CultureInfo.CurrentUICulture, ErpLocalizationResources.Find("Approvals:OnBehalfOf", CultureInfo.CurrentUICulture) ?? "{0} / {1}",
                approver.DecidedByName, approver.UserName)
            : approver.DecidedByName ?? approver.UserName;
}
