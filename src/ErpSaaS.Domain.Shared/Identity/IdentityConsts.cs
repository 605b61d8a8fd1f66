namespace ErpSaaS.Identity;

/// <summary>Lengths shared by DTO attributes, page inputs and the EF model of users and roles.</summary>
public static class IdentityConsts
{
    public const int MaxUserNameLength = 256;
    public const int MaxEmailLength = 256;
    public const int MaxDisplayNameLength = 128;
    public const int MaxRoleNameLength = 64;
    public const int MaxRoleDescriptionLength = 256;

    /// <summary>Claim naming the operator who signed in as this user (support access), for the audit trail.</summary>
    public const string ImpersonatorIdClaim = "erp:impersonator_id";

    /// <summary>Claim with the display name of the impersonating operator, for the banner.</summary>
    public const string ImpersonatorNameClaim = "erp:impersonator_name";
}
