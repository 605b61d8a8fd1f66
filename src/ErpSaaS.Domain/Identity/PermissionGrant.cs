using ErpSaaS.Common;

namespace ErpSaaS.Identity;

public enum PermissionGrantee
{
    Role = 0,
    User = 1,
}

/// <summary>A permission given to a role or a user, as data the tenant admin edits.</summary>
public sealed class PermissionGrant : Entity, IMultiTenant
{
    public const int MaxNameLength = 128;

    private PermissionGrant() { }

    public PermissionGrant(PermissionGrantee grantee, Guid granteeId, string name)
    {
        Grantee = grantee;
        GranteeId = granteeId;
        Name = name;
    }

    public Guid? TenantId { get; private set; }
    public PermissionGrantee Grantee { get; private set; }
    public Guid GranteeId { get; private set; }
    public string Name { get; private set; } = null!;
}
