namespace ErpSaaS.Settings;

/// <summary>
/// A module's rule about changing one of its settings once data depends on it (the valuation scope once stock is
/// posted). Asked before a changed value is saved; refuses with a <c>BusinessException</c> naming the field.
/// </summary>
public interface ISettingChangeGuard
{
    Task CheckAsync(string name, string oldValue, string newValue, string field, CancellationToken cancellationToken = default);
}
