using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;
using ErpSaaS.Permissions;

namespace ErpSaaS.Settings;

/// <summary>The tenant's company profile, regional defaults and document number patterns.</summary>
public sealed class SettingsAppService(
    IPermissionChecker permissions, ISettingStore settings, IUnitOfWork unitOfWork, IEnumerable<ISettingChangeGuard> guards) : ISettingsAppService
{
    // The form's fields and the settings they store, in the order the page shows them (errors follow that order).
    private static readonly (string Field, string Setting, Func<TenantSettingsDto, string?> Value)[] ProfileFields =
    [
        (nameof(TenantSettingsDto.CompanyName), ErpSettings.CompanyName, s => s.CompanyName),
        (nameof(TenantSettingsDto.TaxId), ErpSettings.CompanyTaxId, s => s.TaxId),
        (nameof(TenantSettingsDto.Address), ErpSettings.CompanyAddress, s => s.Address),
        (nameof(TenantSettingsDto.Phone), ErpSettings.CompanyPhone, s => s.Phone),
        (nameof(TenantSettingsDto.BaseCurrency), ErpSettings.BaseCurrency, s => s.BaseCurrency),
        (nameof(TenantSettingsDto.TimeZone), ErpSettings.TimeZone, s => s.TimeZone),
        (nameof(TenantSettingsDto.DefaultLanguage), ErpSettings.DefaultLanguage, s => s.DefaultLanguage),
    ];

    public async Task<TenantSettingsDto> GetAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Settings.View, cancellationToken);
        var all = await settings.GetAllAsync(cancellationToken);
        return new TenantSettingsDto
        {
            CompanyName = all[ErpSettings.CompanyName],
            TaxId = all[ErpSettings.CompanyTaxId],
            Address = all[ErpSettings.CompanyAddress],
            Phone = all[ErpSettings.CompanyPhone],
            BaseCurrency = all[ErpSettings.BaseCurrency],
            TimeZone = all[ErpSettings.TimeZone],
            DefaultLanguage = all[ErpSettings.DefaultLanguage],
            NumberPatterns = DocumentTypes.DefaultPatterns.Keys.ToDictionary(
                type => type, type => all[SettingDefinitions.NumberPatternSetting(type)], StringComparer.Ordinal),
            Options = SettingDefinitions.All.Where(d => d.Section is not null).ToDictionary(d => d.Name, d => all[d.Name], StringComparer.Ordinal),
        };
    }

    public async Task UpdateAsync(TenantSettingsDto input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Settings.Manage, cancellationToken);
        var values = new List<(string Setting, string Value)>();
        foreach (var (field, setting, read) in ProfileFields)
        {
            var value = read(input)?.Trim() ?? string.Empty;
            if (!SettingDefinitions.Find(setting)!.IsValid(value) || (setting == ErpSettings.CompanyName && value.Length == 0))
            {
                throw BusinessException.ForField(field, ErrorCodes.SettingValueInvalid, field, value);
            }
            values.Add((setting, value));
        }
        foreach (var type in DocumentTypes.DefaultPatterns.Keys)
        {
            if (!input.NumberPatterns.TryGetValue(type, out var pattern)) continue;
            values.Add((SettingDefinitions.NumberPatternSetting(type), NumberPatternRule.Validate(TenantSettingsDto.NumberPatternField(type), pattern)));
        }
        var current = await settings.GetAllAsync(cancellationToken);
        foreach (var definition in SettingDefinitions.All.Where(d => d.Section is not null))
        {
            if (!input.Options.TryGetValue(definition.Name, out var option)) continue;
            var field = TenantSettingsDto.OptionField(definition.Name);
            var value = option?.Trim() ?? string.Empty;
            if (!definition.IsValid(value)) throw BusinessException.ForField(field, ErrorCodes.SettingValueInvalid, definition.Name, value);
            if (value == current[definition.Name]) continue;
            foreach (var guard in guards) await guard.CheckAsync(definition.Name, current[definition.Name], value, field, cancellationToken);
            values.Add((definition.Name, value));
        }
        await unitOfWork.InTransactionAsync(async ct =>
        {
            foreach (var (setting, value) in values) await settings.SetAsync(setting, value, ct);
            return true;
        }, cancellationToken);
    }
}
