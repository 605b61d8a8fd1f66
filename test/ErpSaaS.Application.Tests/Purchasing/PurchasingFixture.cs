using ErpSaaS.Approvals;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>
/// Purchasing tests against PostgreSQL with an approval engine that has no flow configured (every submission is
/// approved at once) unless a test asks it to hold documents for approvers; it remembers what was submitted.
/// </summary>
public sealed class PurchasingFixture : ErpTestFixture
{
    public ApprovalsWithoutFlows Approvals { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IApprovalRequests>(Approvals);
}

public sealed class ApprovalsWithoutFlows : IApprovalRequests
{
    private readonly List<ApprovalSubmission> _submitted = [];
    private readonly HashSet<Guid> _held = [];

    public IReadOnlyList<ApprovalSubmission> Submitted => _submitted;
    public List<Guid> Withdrawn { get; } = [];

    /// <summary>Documents the next submission of which waits for an approver.</summary>
    public void HoldForApproval(Guid documentId) => _held.Add(documentId);

    public Task<ApprovalSubmissionResult> SubmitAsync(ApprovalSubmission submission, CancellationToken cancellationToken = default)
    {
        lock (_submitted) _submitted.Add(submission);
        return Task.FromResult(_held.Remove(submission.DocumentId) ? ApprovalSubmissionResult.Pending : ApprovalSubmissionResult.Approved);
    }

    public Task WithdrawAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (Withdrawn) Withdrawn.Add(documentId);
        return Task.CompletedTask;
    }

    public Task<ApprovalRequestDto?> FindAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApprovalRequestDto?>(null);
}
