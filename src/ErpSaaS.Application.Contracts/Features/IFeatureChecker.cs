namespace ErpSaaS.Features;

/// <summary>The current tenant's effective features: tenant override → plan → default.</summary>
public interface IFeatureChecker
{
    Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken = default);
    Task<int> GetLimitAsync(string feature, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="ErpSaaS.Common.AuthorizationException"/> naming the missing feature (→ 403 with upgrade prompt).</summary>
    Task CheckEnabledAsync(string feature, CancellationToken cancellationToken = default);

    /// <summary>Refuses creating one more of something when <paramref name="currentCount"/> already reached the limit.</summary>
    Task CheckLimitAsync(string feature, int currentCount, CancellationToken cancellationToken = default);
}
