namespace ErpSaaS.Common;

/// <summary>
/// A broken business rule. The code maps to a localized message ("Error:{code}") shown to the user;
/// the arguments fill its placeholders. An optional field name puts the message next to that field.
/// </summary>
public class BusinessException : Exception
{
    public BusinessException(string code, params object?[] args)
        : base($"{code}: {string.Join(", ", args)}")
    {
        Code = code;
        Args = args;
    }

    public string Code { get; }
    public IReadOnlyList<object?> Args { get; }
    public string? Field { get; private init; }

    public static BusinessException ForField(string field, string code, params object?[] args) =>
        new(code, args) { Field = field };
}

/// <summary>The entity asked for does not exist (or belongs to another tenant, which looks the same).</summary>
public sealed class EntityNotFoundException(string entityType, object id)
    : Exception($"{entityType} {id} was not found")
{
    public string EntityType { get; } = entityType;
}

/// <summary>The current user lacks a permission, or the tenant's plan lacks a feature.</summary>
public sealed class AuthorizationException : Exception
{
    public AuthorizationException(string? permission = null, string? missingFeature = null)
        : base(missingFeature is null ? $"Permission {permission} required" : $"Feature {missingFeature} not in plan")
    {
        Permission = permission;
        MissingFeature = missingFeature;
    }

    public string? Permission { get; }
    public string? MissingFeature { get; }
}
