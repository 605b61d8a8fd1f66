using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Approvals;

public sealed class UserManagerAppService(
    IPermissionChecker permissions, UserManager<AppUser> users, IApprovalQueries queries, IApprovalDirectory directory, IUnitOfWork unitOfWork)
    : IUserManagerAppService
{
    public async Task<Guid?> GetManagerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        return (await LoadAsync(userId)).ManagerId;
    }

    public async Task<IReadOnlyList<ApprovalOptionDto>> GetCandidatesAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        return [.. (await queries.GetActiveUsersAsync(cancellationToken)).Where(u => u.Id != userId)];
    }

    public async Task SetManagerAsync(Guid userId, Guid? managerId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        var user = await LoadAsync(userId);
        if (managerId is { } id && id != userId && await directory.FindActiveUserAsync(id, cancellationToken) is null)
        {
            throw new EntityNotFoundException(nameof(AppUser), id);
        }
        await unitOfWork.InTransactionAsync(async _ =>
        {
            user.AssignManager(managerId);
            IdentityErrors.Check(await users.UpdateAsync(user));
            return true;
        }, cancellationToken);
    }

    private async Task<AppUser> LoadAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new EntityNotFoundException(nameof(AppUser), userId);
}
