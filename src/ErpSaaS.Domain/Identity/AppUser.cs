using ErpSaaS.Common;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Identity;

/// <summary>A person who signs in. Belongs to one tenant; host (operator) users have no tenant.</summary>
public sealed class AppUser : IdentityUser<Guid>, IMultiTenant, IHasCreationTime
{
    public const int MaxNameLength = 128;
    public const int MaxTimeZoneLength = 64;

    private AppUser() { }

    public AppUser(Guid? tenantId, string userName, string email, string displayName, string language, string timeZone, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        UserName = userName;
        Email = email;
        DisplayName = displayName;
        Language = language;
        TimeZone = timeZone;
        CreatedAt = createdAt;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid? TenantId { get; private set; }
    public string DisplayName { get; private set; } = null!;
    public string Language { get; private set; } = "zh-Hans";
    public string TimeZone { get; private set; } = "Asia/Shanghai";
    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? InvitedAt { get; private set; }
    public DateTimeOffset? LastSignInAt { get; private set; }

    /// <summary>Who approves for this user when a flow asks for "the submitter's manager"; none: the tenant admins do.</summary>
    public Guid? ManagerId { get; private set; }

    /// <summary>An invited user has no password until they accept the e-mailed invitation.</summary>
    public bool IsInvitationPending => InvitedAt is not null && PasswordHash is null;

    public void UpdateProfile(string displayName, string language, string timeZone)
    {
        DisplayName = displayName.Trim();
        Language = language;
        TimeZone = timeZone;
    }

    public void MarkInvited(DateTimeOffset at) => InvitedAt = at;

    public void AssignManager(Guid? managerId)
    {
        if (managerId == Id) throw BusinessException.ForField(nameof(ManagerId), ErpSaaS.Errors.ApprovalErrorCodes.ManagerIsSelf);
        ManagerId = managerId == Guid.Empty ? null : managerId;
    }

    public void RecordSignIn(DateTimeOffset at) => LastSignInAt = at;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

public sealed class AppRole : IdentityRole<Guid>, IMultiTenant
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 256;

    private AppRole() { }

    public AppRole(Guid? tenantId, string name, string? description = null, bool isStatic = false)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Name = name;
        Description = description;
        IsStatic = isStatic;
    }

    public Guid? TenantId { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Seeded roles (Admin, Operator) cannot be renamed or deleted: the platform relies on them.</summary>
    public bool IsStatic { get; private set; }

    public void Describe(string? description) => Description = description?.Trim();
}

// Identity's link rows carry the tenant too, so row-level security covers every identity table.
public sealed class AppUserRole : IdentityUserRole<Guid>, IMultiTenant { public Guid? TenantId { get; private set; } }
public sealed class AppUserClaim : IdentityUserClaim<Guid>, IMultiTenant { public Guid? TenantId { get; private set; } }
public sealed class AppUserLogin : IdentityUserLogin<Guid>, IMultiTenant { public Guid? TenantId { get; private set; } }
public sealed class AppUserToken : IdentityUserToken<Guid>, IMultiTenant, Auditing.INotAudited { public Guid? TenantId { get; private set; } }
public sealed class AppRoleClaim : IdentityRoleClaim<Guid>, IMultiTenant { public Guid? TenantId { get; private set; } }
