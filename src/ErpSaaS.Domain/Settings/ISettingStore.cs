namespace ErpSaaS.Settings;

/// <summary>The current tenant's settings: its own value where it set one, else the definition's default.</summary>
public interface ISettingStore
{
    Task<string> GetAsync(string name, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<string, string>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Validates against the definition and stages the change; the caller's unit of work saves it.</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken = default);
}
