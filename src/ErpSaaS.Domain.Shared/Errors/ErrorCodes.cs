namespace ErpSaaS.Errors;

/// <summary>
/// Stable codes of business errors. Each maps to a localized message "Error:{code}" in the resources,
/// with the exception's arguments as format parameters.
/// </summary>
public static class ErrorCodes
{
    public const string TenantSlugInvalid = "Tenancy:SlugInvalid";
    public const string TenantSlugReserved = "Tenancy:SlugReserved";
    public const string TenantSlugTaken = "Tenancy:SlugTaken";
    public const string TenantNameRequired = "Tenancy:NameRequired";
    public const string TenantIsReadOnly = "Tenancy:ReadOnly";
    public const string TenantSuspended = "Tenancy:Suspended";
    public const string CrossTenantWrite = "Tenancy:CrossTenantWrite";

    public const string FeatureLimitReached = "Features:LimitReached";
    public const string FeatureNotEnabled = "Features:NotEnabled";

    public const string RoleNameTaken = "Identity:RoleNameTaken";
    public const string RoleIsStatic = "Identity:RoleIsStatic";
    public const string UserEmailTaken = "Identity:UserEmailTaken";
    public const string UserNameTaken = "Identity:UserNameTaken";
    public const string CannotLockYourself = "Identity:CannotLockYourself";
    public const string InvitationInvalid = "Identity:InvitationInvalid";
    public const string TwoFactorCodeInvalid = "Identity:TwoFactorCodeInvalid";

    public const string NumberPatternInvalid = "Numbering:PatternInvalid";
    public const string SettingValueInvalid = "Settings:ValueInvalid";
    public const string ConcurrencyConflict = "Common:ConcurrencyConflict";

    public const string BankTransferNotPending = "Billing:BankTransferNotPending";
    public const string AmountMustBePositive = "Billing:AmountMustBePositive";
    public const string ValueRequired = "Common:ValueRequired";
    public const string ValueTooLong = "Common:ValueTooLong";
    public const string ValueNotAllowed = "Common:ValueNotAllowed";

    /// <summary>Text with a character PostgreSQL cannot store: a NUL, or half of a UTF-16 surrogate pair.</summary>
    public const string UnstorableText = "Common:UnstorableText";
}
