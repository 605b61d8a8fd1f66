namespace ErpSaaS.Tenancy;

/// <summary>What the request pipeline needs to know about a tenant, cached so steady-state requests never hit the database.</summary>
public sealed record TenantInfo(Guid Id, string Name, string Slug, TenantStatus Status, Guid PlanId, DateTimeOffset? TrialEndsAt, string? ConnectionString)
{
    public bool IsWritable => Status is TenantStatus.Trialing or TenantStatus.Active or TenantStatus.PastDue;
    public bool CanSignIn => Status != TenantStatus.Suspended;
}

public interface ITenantStore
{
    ValueTask<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Synchronous lookup for choosing a connection string while a DbContext is configured.</summary>
    TenantInfo? Find(Guid id);

    void Invalidate(Guid id);
}
