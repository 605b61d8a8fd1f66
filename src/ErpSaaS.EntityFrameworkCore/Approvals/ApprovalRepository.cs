using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Approvals;

internal sealed class ApprovalRepository(ErpDbContext db) : IApprovalRepository
{
    public Task<ApprovalFlow?> FindFlowAsync(ApprovalDocumentType documentType, CancellationToken cancellationToken = default) =>
        db.Set<ApprovalFlow>().FirstOrDefaultAsync(f => f.DocumentType == documentType, cancellationToken);

    public void Add(ApprovalFlow flow) => db.Add(flow);

    public Task<ApprovalRequest?> FindRequestAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ApprovalRequest>().AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<ApprovalRequest?> FindPendingAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default) =>
        db.Set<ApprovalRequest>().AsSplitQuery()
            .FirstOrDefaultAsync(r => r.DocumentType == documentType && r.DocumentId == documentId && r.Status == ApprovalRequestStatus.Pending, cancellationToken);

    public async Task<IReadOnlyList<ApprovalRequest>> GetOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var overdue = db.Set<ApprovalRequestStep>()
            .Where(s => s.Status == ApprovalStepStatus.Active && s.DueAt < now && s.EscalatedAt == null).Select(s => s.RequestId);
        return await db.Set<ApprovalRequest>().AsSplitQuery()
            .Where(r => r.Status == ApprovalRequestStatus.Pending && overdue.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public void Add(ApprovalRequest request) => db.Add(request);

    public Task<ApprovalDelegation?> FindDelegationAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Set<ApprovalDelegation>().FirstOrDefaultAsync(d => d.UserId == userId, cancellationToken);

    public void Add(ApprovalDelegation delegation) => db.Add(delegation);

    public void Remove(ApprovalDelegation delegation) => db.Remove(delegation);

    public async Task<IReadOnlyList<Guid>> GetAbsentDelegatorsAsync(Guid delegateId, DateOnly day, CancellationToken cancellationToken = default) =>
        await db.Set<ApprovalDelegation>().AsNoTracking()
            .Where(d => d.DelegateId == delegateId && d.AbsentFrom <= day && d.AbsentTo >= day)
            .OrderBy(d => d.UserId).Select(d => d.UserId).ToListAsync(cancellationToken);
}

internal sealed class ApprovalDirectory(ErpDbContext db) : IApprovalDirectory
{
    private IQueryable<ErpSaaS.Identity.AppUser> ActiveUsers => db.Users.AsNoTracking().Where(u => u.IsActive);

    public async Task<IReadOnlyList<ApprovalPerson>> GetActiveUsersInRoleAsync(Guid roleId, CancellationToken cancellationToken = default) =>
        await People(ActiveUsers.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId)), cancellationToken);

    public async Task<IReadOnlyList<ApprovalPerson>> GetAdminsAsync(CancellationToken cancellationToken = default) =>
        await People(ActiveUsers.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == StaticRoles.Admin))),
            cancellationToken);

    public async Task<ApprovalPerson?> FindActiveUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await People(ActiveUsers.Where(u => u.Id == userId), cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<ApprovalPerson>> GetActiveUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        await People(ActiveUsers.Where(u => userIds.Contains(u.Id)), cancellationToken);

    public async Task<ApprovalPerson?> FindManagerAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await People(ActiveUsers.Where(u => db.Users.Any(member => member.Id == userId && member.ManagerId == u.Id)), cancellationToken)).FirstOrDefault();

    private static async Task<List<ApprovalPerson>> People(IQueryable<ErpSaaS.Identity.AppUser> users, CancellationToken cancellationToken) =>
        await users.OrderBy(u => u.UserName).Select(u => new ApprovalPerson(u.Id, u.DisplayName, u.Email, u.Language)).ToListAsync(cancellationToken);
}
