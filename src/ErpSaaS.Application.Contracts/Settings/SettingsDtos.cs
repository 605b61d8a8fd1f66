using System.ComponentModel.DataAnnotations;

namespace ErpSaaS.Settings;

/// <summary>The tenant's company profile, regional defaults and document number patterns, edited on one page.</summary>
public sealed class TenantSettingsDto
{
    [Required, MaxLength(ErpSettings.MaxValueLength)]
    public string CompanyName { get; set; } = string.Empty;

    [MaxLength(64)]
    public string? TaxId { get; set; }

    [MaxLength(ErpSettings.MaxValueLength)]
    public string? Address { get; set; }

    [MaxLength(64)]
    public string? Phone { get; set; }

    [Required]
    public string BaseCurrency { get; set; } = string.Empty;

    [Required]
    public string TimeZone { get; set; } = string.Empty;

    [Required]
    public string DefaultLanguage { get; set; } = string.Empty;

    /// <summary>Document type → pattern, e.g. "PO-{yyyyMM}-{0000}".</summary>
    public Dictionary<string, string> NumberPatterns { get; set; } = new(StringComparer.Ordinal);

    public static string NumberPatternField(string documentType) => $"{nameof(NumberPatterns)}[{documentType}]";

    /// <summary>Modules' choices (setting name → value), for every setting definition with a section.</summary>
    public Dictionary<string, string> Options { get; set; } = new(StringComparer.Ordinal);

    public static string OptionField(string setting) => $"{nameof(Options)}[{setting}]";
}

public interface ISettingsAppService
{
    Task<TenantSettingsDto> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Validates every value (field errors name the DTO property) and saves them together.</summary>
    Task UpdateAsync(TenantSettingsDto input, CancellationToken cancellationToken = default);
}
