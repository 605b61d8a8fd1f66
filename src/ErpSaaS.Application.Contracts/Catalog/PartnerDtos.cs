using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

public sealed record ContactDto(Guid Id, string Name, string? Phone, string? Email, string? Role, bool IsPrimary);

public sealed record AddressDto(Guid Id, PartnerAddressKind Kind, string Text, bool IsDefault);

public sealed class ContactInput
{
    [Required, MaxLength(PartnerConsts.MaxContactNameLength)]
    public string Name { get; set; } = string.Empty;

    [MaxLength(PartnerConsts.MaxContactPhoneLength)]
    public string? Phone { get; set; }

    [MaxLength(PartnerConsts.MaxContactEmailLength)]
    public string? Email { get; set; }

    [MaxLength(PartnerConsts.MaxContactRoleLength)]
    public string? Role { get; set; }

    public bool IsPrimary { get; set; }
}

public sealed class AddressInput
{
    public PartnerAddressKind Kind { get; set; } = PartnerAddressKind.Shipping;

    [Required, MaxLength(PartnerConsts.MaxAddressLength)]
    public string Text { get; set; } = string.Empty;

    public bool IsDefault { get; set; }
}

// ---- Customers ----

public sealed class CustomerListQuery : PageRequest
{
    /// <summary>Matches code, name, tax id and any contact's name, phone or e-mail.</summary>
    public string? Search { get; set; }
    public CustomerGrade? Grade { get; set; }
    public string? Currency { get; set; }

    /// <summary>Also list deactivated customers (the list shows active ones by default).</summary>
    public bool IncludeInactive { get; set; }
}

public sealed record CustomerDto(
    Guid Id, string Code, string Name, CustomerGrade Grade, string? TaxId, decimal CreditLimit, int PaymentTermsDays, string Currency,
    Guid? PriceListId, string? PriceListName, bool IsActive, string? PrimaryContactName, string? PrimaryContactPhone);

public sealed record CustomerDetailDto(CustomerDto Customer, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<AddressDto> Addresses)
{
    /// <summary>Whether the tax id is a well-formed 统一社会信用代码 (a warning only: foreign customers have other formats).</summary>
    public bool TaxIdIsUnifiedCode => Customer.TaxId is null || UnifiedSocialCreditCode.IsValid(Customer.TaxId);
}

public sealed class CustomerInput
{
    [Required, MaxLength(PartnerConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(PartnerConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    public CustomerGrade Grade { get; set; } = CustomerGrade.B;

    [MaxLength(PartnerConsts.MaxTaxIdLength)]
    public string? TaxId { get; set; }

    public decimal CreditLimit { get; set; }
    public int PaymentTermsDays { get; set; }

    /// <summary>ISO code of an active currency of the company; the base currency when left empty.</summary>
    public string? Currency { get; set; }

    public Guid? PriceListId { get; set; }
}

/// <summary>
/// The company's customers: list, create, edit, (de)activate, with their contacts and addresses. Reading and writing need
/// the "Catalog" permission.
/// </summary>
public interface ICustomerAppService
{
    Task<PagedResult<CustomerDto>> GetListAsync(CustomerListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<CustomerDto>> ExportAsync(CustomerListQuery query, CancellationToken cancellationToken = default);
    Task<CustomerDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(CustomerInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes everything but the code, which stays what it was.</summary>
    Task UpdateAsync(Guid id, CustomerInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Guid> AddContactAsync(Guid id, ContactInput input, CancellationToken cancellationToken = default);
    Task UpdateContactAsync(Guid id, Guid contactId, ContactInput input, CancellationToken cancellationToken = default);
    Task RemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken = default);

    Task<Guid> AddAddressAsync(Guid id, AddressInput input, CancellationToken cancellationToken = default);
    Task UpdateAddressAsync(Guid id, Guid addressId, AddressInput input, CancellationToken cancellationToken = default);
    Task RemoveAddressAsync(Guid id, Guid addressId, CancellationToken cancellationToken = default);
}

// ---- Suppliers ----

public sealed class SupplierListQuery : PageRequest
{
    /// <summary>Matches code, name, tax id and any contact's name, phone or e-mail.</summary>
    public string? Search { get; set; }
    public string? Currency { get; set; }
    public bool IncludeInactive { get; set; }
}

public sealed record SupplierDto(
    Guid Id, string Code, string Name, string? TaxId, int PaymentTermsDays, int DefaultLeadTimeDays, string Currency, bool IsActive,
    string? PrimaryContactName, string? PrimaryContactPhone);

public sealed record SupplierDetailDto(SupplierDto Supplier, IReadOnlyList<ContactDto> Contacts)
{
    public bool TaxIdIsUnifiedCode => Supplier.TaxId is null || UnifiedSocialCreditCode.IsValid(Supplier.TaxId);
}

public sealed class SupplierInput
{
    [Required, MaxLength(PartnerConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(PartnerConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    [MaxLength(PartnerConsts.MaxTaxIdLength)]
    public string? TaxId { get; set; }

    public int PaymentTermsDays { get; set; }
    public int DefaultLeadTimeDays { get; set; }

    /// <summary>ISO code of an active currency of the company; the base currency when left empty.</summary>
    public string? Currency { get; set; }
}

/// <summary>The company's suppliers with their contacts. Reading and writing need the "Catalog" permission.</summary>
public interface ISupplierAppService
{
    Task<PagedResult<SupplierDto>> GetListAsync(SupplierListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SupplierDto>> ExportAsync(SupplierListQuery query, CancellationToken cancellationToken = default);
    Task<SupplierDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(SupplierInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, SupplierInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Guid> AddContactAsync(Guid id, ContactInput input, CancellationToken cancellationToken = default);
    Task UpdateContactAsync(Guid id, Guid contactId, ContactInput input, CancellationToken cancellationToken = default);
    Task RemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken = default);
}

// ---- Currencies and exchange rates ----

public sealed class CurrencyListQuery : PageRequest
{
    public string? Search { get; set; }
    public bool IncludeInactive { get; set; }
}

public sealed record CurrencyDto(Guid Id, string Code, string Name, string Symbol, int DecimalPlaces, bool IsActive, bool IsBase);

public sealed class CurrencyInput
{
    [Required, StringLength(CurrencyConsts.CodeLength, MinimumLength = CurrencyConsts.CodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(CurrencyConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    [MaxLength(CurrencyConsts.MaxSymbolLength)]
    public string? Symbol { get; set; }

    [Range(0, CurrencyConsts.MaxDecimalPlaces)]
    public int DecimalPlaces { get; set; } = 2;
}

public sealed class ExchangeRateListQuery : PageRequest
{
    public string? Currency { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed record ExchangeRateDto(Guid Id, string Currency, string BaseCurrency, DateOnly EffectiveDate, decimal Rate);

public sealed class ExchangeRateInput
{
    [Required]
    public string Currency { get; set; } = string.Empty;

    [Required]
    public DateOnly? EffectiveDate { get; set; }

    /// <summary>Units of the base currency one unit of <see cref="Currency"/> buys.</summary>
    [Required]
    public decimal? Rate { get; set; }
}

/// <summary>The rate in force for a currency on a day, and the day it took effect.</summary>
public sealed record ExchangeRateQuoteDto(string Currency, string BaseCurrency, DateOnly Date, decimal Rate, DateOnly? EffectiveDate);

/// <summary>The company's currencies (base currency from the company settings) and exchange rates by date. Needs "Catalog".</summary>
public interface ICurrencyAppService
{
    Task<PagedResult<CurrencyDto>> GetListAsync(CurrencyListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<CurrencyDto>> ExportAsync(CurrencyListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Active currencies for pickers, base currency first.</summary>
    Task<IReadOnlyList<CurrencyDto>> GetActiveAsync(CancellationToken cancellationToken = default);
    Task<string> GetBaseCurrencyAsync(CancellationToken cancellationToken = default);
    Task<CurrencyDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(CurrencyInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes name, symbol and decimal places; the code stays.</summary>
    Task UpdateAsync(Guid id, CurrencyInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);

    Task<PagedResult<ExchangeRateDto>> GetRatesAsync(ExchangeRateListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ExchangeRateDto>> ExportRatesAsync(ExchangeRateListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Records (or corrects) the rate of a currency to the base currency from a day on.</summary>
    Task<Guid> SetRateAsync(ExchangeRateInput input, CancellationToken cancellationToken = default);
    Task RemoveRateAsync(Guid rateId, CancellationToken cancellationToken = default);

    /// <summary>The rate in force on <paramref name="date"/>; refuses clearly when the currency has no rate on or before it.</summary>
    Task<ExchangeRateQuoteDto> GetRateOnAsync(string currency, DateOnly date, CancellationToken cancellationToken = default);
}
