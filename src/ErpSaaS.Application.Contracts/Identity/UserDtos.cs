using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Identity;

public enum UserStatusFilter
{
    All = 0,
    Active = 1,
    Inactive = 2,
    Invited = 3,
}

public sealed class UserListQuery : PageRequest
{
    /// <summary>Part of the user name, display name or e-mail.</summary>
    public string? Search { get; set; }
    public UserStatusFilter Status { get; set; }
}

public sealed record UserListItemDto(
    Guid Id, string UserName, string Email, string DisplayName, bool IsActive, bool IsInvitationPending, bool IsLockedOut,
    DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, IReadOnlyList<string> Roles);

public sealed record UserDetailDto(
    Guid Id, string UserName, string Email, string DisplayName, string Language, bool IsActive, bool IsInvitationPending,
    DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt, DateTimeOffset? InvitedAt, DateTimeOffset? LastSignInAt, IReadOnlyList<string> Roles)
{
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

public sealed class InviteUserInput
{
    [Required, EmailAddress, MaxLength(IdentityConsts.MaxEmailLength)]
    public string Email { get; set; } = string.Empty;

    /// <summary>Optional; the e-mail address is the user name when left empty.</summary>
    [MaxLength(IdentityConsts.MaxUserNameLength)]
    public string? UserName { get; set; }

    [Required, MaxLength(IdentityConsts.MaxDisplayNameLength)]
    public string DisplayName { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}

public interface IUserAppService
{
    Task<PagedResult<UserListItemDto>> GetListAsync(UserListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<UserListItemDto>> ExportAsync(UserListQuery query, CancellationToken cancellationToken = default);
    Task<UserDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Creates the user without a password and e-mails a link to set one; refused beyond the plan's user limit.</summary>
    Task<UserDetailDto> InviteAsync(InviteUserInput input, CancellationToken cancellationToken = default);
    Task UpdateRolesAsync(Guid id, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task UnlockAsync(Guid id, CancellationToken cancellationToken = default);
}
