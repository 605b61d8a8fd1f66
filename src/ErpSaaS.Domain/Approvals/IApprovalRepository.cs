namespace ErpSaaS.Approvals;

/// <summary>Loads and adds the engine's aggregates of the current company (tracked, for a change).</summary>
public interface IApprovalRepository
{
    Task<ApprovalFlow?> FindFlowAsync(ApprovalDocumentType documentType, CancellationToken cancellationToken = default);
    void Add(ApprovalFlow flow);
    Task<ApprovalRequest?> FindRequestAsync(Guid id, CancellationToken cancellationToken = default);
    Task<ApprovalRequest?> FindPendingAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Pending requests whose active step is past its time limit and was not escalated yet.</summary>
    Task<IReadOnlyList<ApprovalRequest>> GetOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
    void Add(ApprovalRequest request);
    Task<ApprovalDelegation?> FindDelegationAsync(Guid userId, CancellationToken cancellationToken = default);
    void Add(ApprovalDelegation delegation);
    void Remove(ApprovalDelegation delegation);

    /// <summary>The users who delegated their approvals to <paramref name="delegateId"/> and are absent on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<Guid>> GetAbsentDelegatorsAsync(Guid delegateId, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>A person as the engine needs them: to name as approver, and to write to.</summary>
public sealed record ApprovalPerson(Guid Id, string Name, string? Email, string Language)
{
    public ApproverRef AsApprover => new(Id, Name);
}

/// <summary>The company's people as approval flows refer to them: roles, named users, managers and the tenant admins.</summary>
public interface IApprovalDirectory
{
    Task<IReadOnlyList<ApprovalPerson>> GetActiveUsersInRoleAsync(Guid roleId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalPerson>> GetAdminsAsync(CancellationToken cancellationToken = default);
    Task<ApprovalPerson?> FindActiveUserAsync(Guid userId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalPerson>> GetActiveUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>The user's manager when they have one who is active.</summary>
    Task<ApprovalPerson?> FindManagerAsync(Guid userId, CancellationToken cancellationToken = default);
}
