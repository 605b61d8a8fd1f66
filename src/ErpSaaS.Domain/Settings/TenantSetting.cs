using ErpSaaS.Common;

namespace ErpSaaS.Settings;

/// <summary>A tenant's own value for a setting; absent means the definition's default.</summary>
public sealed class TenantSetting : Entity, IMultiTenant
{
    private TenantSetting() { }

    public TenantSetting(string name, string value)
    {
        Name = name;
        Value = value;
    }

    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = null!;
    public string Value { get; private set; } = null!;

    public void Change(string value) => Value = value;
}
