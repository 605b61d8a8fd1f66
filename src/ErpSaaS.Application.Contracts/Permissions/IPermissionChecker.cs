namespace ErpSaaS.Permissions;

/// <summary>Answers whether the current user holds a permission (through a role or directly) in the current tenant.</summary>
public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="ErpSaaS.Common.AuthorizationException"/> (→ 403) unless granted and its feature is on.</summary>
    Task CheckAsync(string permission, CancellationToken cancellationToken = default);
}
