using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>An active product offered in pickers (supplier products, price list lines), typed by its code.</summary>
public sealed record ProductOptionDto(Guid Id, string Code, string Name, string BaseUnit, decimal SalePrice, decimal StandardCost);

public sealed record ContactDto(Guid Id, string Name, string? Phone, string? Email, string? Role, bool IsPrimary);

public sealed record AddressDto(Guid Id, PartnerAddressKind Kind, string Text, bool IsDefault);

public sealed class ContactInput
{
    [Required, MaxLength(PartnerConsts.MaxContactNameLength), Display(Name = "Partners:ContactName")]
    public string Name { get; set; } = string.Empty;

    [MaxLength(PartnerConsts.MaxContactPhoneLength), Display(Name = "Partners:Phone")]
    public string? Phone { get; set; }

    [MaxLength(PartnerConsts.MaxContactEmailLength), Display(Name = "Partners:Email")]
    public string? Email { get; set; }

    [MaxLength(PartnerConsts.MaxContactRoleLength), Display(Name = "Partners:Role")]
    public string? Role { get; set; }

    public bool IsPrimary { get; set; }
}

public sealed class AddressInput
{
    [Display(Name = "Partners:AddressKind")]
    public PartnerAddressKind Kind { get; set; } = PartnerAddressKind.Shipping;

    [Required, MaxLength(PartnerConsts.MaxAddressLength), Display(Name = "Partners:Address")]
    public string Text { get; set; } = string.Empty;

    public bool IsDefault { get; set; }
}

// ---- Customers ----

/// <summary>The filter customer and supplier lists share.</summary>
public abstract class PartnerListQuery : PageRequest
{
    /// <summary>Matches code, name, tax id and any contact's name, phone or e-mail.</summary>
    public string? Search { get; set; }
    public string? Currency { get; set; }

    /// <summary>Also list deactivated partners (the list shows active ones by default).</summary>
    public bool IncludeInactive { get; set; }
}

public sealed class CustomerListQuery : PartnerListQuery
{
    public CustomerGrade? Grade { get; set; }
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
    [Required, MaxLength(PartnerConsts.MaxCodeLength), Display(Name = "Partners:Code")]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(PartnerConsts.MaxNameLength), Display(Name = "Partners:Name")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Partners:Grade")]
    public CustomerGrade Grade { get; set; } = CustomerGrade.B;

    [MaxLength(PartnerConsts.MaxTaxIdLength), Display(Name = "Partners:TaxIdShort")]
    public string? TaxId { get; set; }

    [Display(Name = "Partners:CreditLimit")]
    public decimal CreditLimit { get; set; }
    [Display(Name = "Partners:PaymentTermsDays")]
    public int PaymentTermsDays { get; set; }

    /// <summary>ISO code of an active currency of the company; the base currency when left empty.</summary>
    [Display(Name = "Partners:Currency")]
    public string? Currency { get; set; }

    [Display(Name = "Partners:PriceList")]
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

public sealed class SupplierListQuery : PartnerListQuery;

public sealed record SupplierDto(
    Guid Id, string Code, string Name, string? TaxId, int PaymentTermsDays, int DefaultLeadTimeDays, string Currency, bool IsActive,
    string? PrimaryContactName, string? PrimaryContactPhone);

public sealed record SupplierDetailDto(SupplierDto Supplier, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<SupplierProductDto> Products)
{
    public bool TaxIdIsUnifiedCode => Supplier.TaxId is null || UnifiedSocialCreditCode.IsValid(Supplier.TaxId);
}

public sealed class SupplierInput
{
    [Required, MaxLength(PartnerConsts.MaxCodeLength), Display(Name = "Partners:Code")]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(PartnerConsts.MaxNameLength), Display(Name = "Partners:Name")]
    public string Name { get; set; } = string.Empty;

    [MaxLength(PartnerConsts.MaxTaxIdLength), Display(Name = "Partners:TaxIdShort")]
    public string? TaxId { get; set; }

    [Display(Name = "Partners:PaymentTermsDays")]
    public int PaymentTermsDays { get; set; }
    [Display(Name = "Partners:DefaultLeadTimeDays")]
    public int DefaultLeadTimeDays { get; set; }

    /// <summary>ISO code of an active currency of the company; the base currency when left empty.</summary>
    [Display(Name = "Partners:Currency")]
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

    /// <summary>Lists a product the supplier sells (by the company's product code), optionally as the product's preferred supplier.</summary>
    Task<Guid> AddProductAsync(Guid id, SupplierProductInput input, CancellationToken cancellationToken = default);
    Task UpdateProductAsync(Guid id, Guid supplierProductId, SupplierProductInput input, CancellationToken cancellationToken = default);
    Task RemoveProductAsync(Guid id, Guid supplierProductId, CancellationToken cancellationToken = default);

    /// <summary>Active products to pick from by code (the first few hundred by code).</summary>
    Task<IReadOnlyList<ProductOptionDto>> GetProductOptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Who sells a product, preferred supplier first, then by price: what purchasing proposes.</summary>
    Task<IReadOnlyList<SupplierProductDto>> GetSuppliersOfProductAsync(Guid productId, CancellationToken cancellationToken = default);
}

/// <summary>A product as a supplier sells it; <see cref="LeadTimeDays"/> is the effective one (the supplier's default when the listing has none).</summary>
public sealed record SupplierProductDto(
    Guid Id, Guid SupplierId, string SupplierCode, string SupplierName, Guid ProductId, string ProductCode, string ProductName, string BaseUnit,
    string? SupplierProductCode, decimal Price, string Currency, int LeadTimeDays, bool HasOwnLeadTime, decimal MinimumOrderQuantity, bool IsPreferred);

public sealed class SupplierProductInput
{
    /// <summary>The company's product code (the supplier's own code goes into <see cref="SupplierProductCode"/>).</summary>
    [Required, Display(Name = "Partners:ProductCode")]
    public string ProductCode { get; set; } = string.Empty;

    [MaxLength(SupplierProductConsts.MaxSupplierProductCodeLength), Display(Name = "Partners:SupplierProductCode")]
    public string? SupplierProductCode { get; set; }

    [Display(Name = "Partners:Price")]
    public decimal Price { get; set; }

    /// <summary>The supplier's currency when left empty.</summary>
    [Display(Name = "Partners:Currency")]
    public string? Currency { get; set; }

    /// <summary>Empty: the supplier's default lead time applies.</summary>
    [Display(Name = "Partners:LeadTimeDays")]
    public int? LeadTimeDays { get; set; }

    [Display(Name = "Partners:MinimumOrderQuantity")]
    public decimal MinimumOrderQuantity { get; set; }
    public bool IsPreferred { get; set; }
}

// ---- Price lists ----

public sealed class PriceListListQuery : PageRequest
{
    public string? Search { get; set; }
    public string? Currency { get; set; }
    public bool IncludeInactive { get; set; }
}

public sealed record PriceListDto(
    Guid Id, string Name, string Currency, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsActive, int LineCount, int CustomerCount);

public sealed record PriceListLineDto(
    Guid Id, Guid ProductId, string ProductCode, string ProductName, string BaseUnit, decimal MinimumQuantity, decimal UnitPrice);

public sealed record PriceListDetailDto(PriceListDto PriceList, IReadOnlyList<PriceListLineDto> Lines);

public sealed class PriceListInput
{
    [Required, MaxLength(PriceListConsts.MaxNameLength), Display(Name = "Partners:Name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Fixed once the list exists; the base currency when left empty.</summary>
    [Display(Name = "Partners:Currency")]
    public string? Currency { get; set; }

    [Display(Name = "Partners:ValidFrom")]
    public DateOnly? ValidFrom { get; set; }
    [Display(Name = "Partners:ValidTo")]
    public DateOnly? ValidTo { get; set; }
}

public sealed class PriceListLineInput
{
    /// <summary>The company's product code; only read when a line is added (a line keeps its product).</summary>
    [Display(Name = "Partners:ProductCode")]
    public string? ProductCode { get; set; }

    /// <summary>The quantity break (in the product's base unit) from which the price applies; 0 = any quantity.</summary>
    [Display(Name = "Partners:MinimumQuantity")]
    public decimal MinimumQuantity { get; set; }

    [Display(Name = "Partners:UnitPrice")]
    public decimal UnitPrice { get; set; }
}

public sealed class PriceQuoteQuery
{
    public Guid CustomerId { get; set; }

    [Required, Display(Name = "Partners:ProductCode")]
    public string ProductCode { get; set; } = string.Empty;

    [Display(Name = "Partners:Quantity")]
    public decimal Quantity { get; set; } = 1;

    /// <summary>Today (UTC) when empty.</summary>
    [Display(Name = "Partners:Date")]
    public DateOnly? Date { get; set; }
}

/// <summary>
/// Price lists with quantity breaks and validity, assigned to customers; and the price a customer pays. Needs "Catalog".
/// </summary>
public interface IPriceListAppService
{
    Task<PagedResult<PriceListDto>> GetListAsync(PriceListListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PriceListDto>> ExportAsync(PriceListListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Active price lists for the customer picker (optionally of one currency).</summary>
    Task<IReadOnlyList<PriceListDto>> GetActiveAsync(string? currency = null, CancellationToken cancellationToken = default);
    Task<PriceListDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(PriceListInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes name and validity; the currency stays what it was.</summary>
    Task UpdateAsync(Guid id, PriceListInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Active products to pick from by code (the first few hundred by code).</summary>
    Task<IReadOnlyList<ProductOptionDto>> GetProductOptionsAsync(CancellationToken cancellationToken = default);

    Task<Guid> AddLineAsync(Guid id, PriceListLineInput input, CancellationToken cancellationToken = default);
    Task UpdateLineAsync(Guid id, Guid lineId, PriceListLineInput input, CancellationToken cancellationToken = default);
    Task RemoveLineAsync(Guid id, Guid lineId, CancellationToken cancellationToken = default);

    /// <summary>The price the customer pays for the product at the quantity on the date (see <c>IPriceListPricing</c>).</summary>
    Task<PriceQuote> QuoteAsync(PriceQuoteQuery query, CancellationToken cancellationToken = default);
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
    [Required, StringLength(CurrencyConsts.CodeLength, MinimumLength = CurrencyConsts.CodeLength), Display(Name = "Partners:CurrencyCode")]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(CurrencyConsts.MaxNameLength), Display(Name = "Partners:CurrencyName")]
    public string Name { get; set; } = string.Empty;

    [MaxLength(CurrencyConsts.MaxSymbolLength), Display(Name = "Partners:Symbol")]
    public string? Symbol { get; set; }

    [Range(0, CurrencyConsts.MaxDecimalPlaces), Display(Name = "Partners:DecimalPlaces")]
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
    [Required, Display(Name = "Partners:Currency")]
    public string Currency { get; set; } = string.Empty;

    [Required, Display(Name = "Partners:EffectiveDate")]
    public DateOnly? EffectiveDate { get; set; }

    /// <summary>Units of the base currency one unit of <see cref="Currency"/> buys.</summary>
    [Required, Display(Name = "Partners:Rate")]
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
