using ErpSaaS.Common;

namespace ErpSaaS.Tenancy;

/// <summary>Read side of tenants for the host operator (user counts look across every tenant, explicitly).</summary>
public interface ITenantQueries
{
    Task<PagedResult<TenantListItemDto>> GetListAsync(TenantListQuery query, CancellationToken cancellationToken = default);
    Task<TenantListItemDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PlanOptionDto>> GetPlansAsync(CancellationToken cancellationToken = default);
}

/// <summary>Readies a tenant's own database: checks the connection string reaches a server, creates and migrates the database.</summary>
public interface ITenantDatabaseProvisioner
{
    /// <returns>False when the server cannot be reached with these credentials (nothing was changed).</returns>
    Task<bool> TryPrepareAsync(string connectionString, CancellationToken cancellationToken = default);
}
