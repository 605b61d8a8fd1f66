using System.Net.Mail;
using System.Text.RegularExpressions;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>What customers and suppliers have alike, so their lists search, filter and sort them the same way.</summary>
public interface IPartner
{
    Guid Id { get; }
    string Code { get; }
    string Name { get; }
    string? TaxId { get; }
    int PaymentTermsDays { get; }
    string CurrencyCode { get; }
    bool IsActive { get; }
}

/// <summary>The checks customers and suppliers share, so both refuse the same input with the same message.</summary>
public static partial class PartnerFields
{
    /// <summary>Trims and upper-cases a code; refuses anything but 1–32 of A–Z, 0–9, '-' and '_' (the warehouse code rule).</summary>
    public static string NormalizeCode(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(normalized))
        {
            throw BusinessException.ForField("Code", PartnerErrorCodes.CodeInvalid, PartnerConsts.MaxCodeLength);
        }
        return normalized;
    }

    public static string Name(string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 and <= PartnerConsts.MaxNameLength })
        {
            throw BusinessException.ForField("Name", PartnerErrorCodes.NameRequired, PartnerConsts.MaxNameLength);
        }
        return trimmed;
    }

    /// <summary>
    /// A tax id is optional (a private person, a foreign company). When given it is stored upper case without spaces and
    /// may hold letters, digits and '-'; whether it is a valid 统一社会信用代码 is only a warning
    /// (<see cref="UnifiedSocialCreditCode.IsValid"/>), because foreign customers have other formats.
    /// </summary>
    public static string? TaxId(string? taxId)
    {
        if (string.IsNullOrWhiteSpace(taxId)) return null;
        var normalized = WhiteSpace().Replace(taxId, string.Empty).ToUpperInvariant();
        if (!TaxIdPattern().IsMatch(normalized))
        {
            throw BusinessException.ForField("TaxId", PartnerErrorCodes.TaxIdInvalid, PartnerConsts.MaxTaxIdLength);
        }
        return normalized;
    }

    public static int PaymentTermsDays(int days) =>
        days is >= 0 and <= PartnerConsts.MaxPaymentTermsDays
            ? days
            : throw BusinessException.ForField("PaymentTermsDays", PartnerErrorCodes.PaymentTermsInvalid, PartnerConsts.MaxPaymentTermsDays);

    public static int LeadTimeDays(int days, string field = "DefaultLeadTimeDays") =>
        days is >= 0 and <= PartnerConsts.MaxLeadTimeDays
            ? days
            : throw BusinessException.ForField(field, PartnerErrorCodes.LeadTimeInvalid, PartnerConsts.MaxLeadTimeDays);

    /// <summary>An ISO 4217 code as stored: three upper-case letters. Whether the company uses it is the application's check.</summary>
    public static string CurrencyCode(string? code, string field = "Currency")
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        return CurrencyPattern().IsMatch(normalized)
            ? normalized
            : throw BusinessException.ForField(field, PartnerErrorCodes.CurrencyUnknown, normalized);
    }

    internal static (string Name, string? Phone, string? Email, string? Role) Contact(string? name, string? phone, string? email, string? role)
    {
        var trimmedName = name?.Trim();
        if (trimmedName is not { Length: > 0 and <= PartnerConsts.MaxContactNameLength })
        {
            throw BusinessException.ForField("Name", PartnerErrorCodes.ContactNameRequired, PartnerConsts.MaxContactNameLength);
        }
        var trimmedPhone = Optional(phone);
        if (trimmedPhone is not null && (trimmedPhone.Length > PartnerConsts.MaxContactPhoneLength || !PhonePattern().IsMatch(trimmedPhone)))
        {
            throw BusinessException.ForField("Phone", PartnerErrorCodes.ContactPhoneInvalid, PartnerConsts.MaxContactPhoneLength);
        }
        var trimmedEmail = Optional(email);
        if (trimmedEmail is not null
            && (trimmedEmail.Length > PartnerConsts.MaxContactEmailLength || !MailAddress.TryCreate(trimmedEmail, out var parsed) || parsed.Address != trimmedEmail))
        {
            throw BusinessException.ForField("Email", PartnerErrorCodes.ContactEmailInvalid);
        }
        var trimmedRole = Optional(role);
        if (trimmedRole is { Length: > PartnerConsts.MaxContactRoleLength })
        {
            throw BusinessException.ForField("Role", PartnerErrorCodes.ContactRoleTooLong, PartnerConsts.MaxContactRoleLength);
        }
        return (trimmedName, trimmedPhone, trimmedEmail, trimmedRole);
    }

    internal static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxIdPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    // Digits with the usual separators (spaces, '-', '/', parentheses), an optional leading '+' and an extension ("ext 12", "转8012").
    [GeneratedRegex(@"^\+?[0-9(][0-9 ()\-/]*(?:(?:ext|x|转)\s*[0-9]+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
