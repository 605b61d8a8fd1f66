using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A company or person the company sells to. The code is the company's own key (unique per company, upper case, never
/// changed); sales documents use the customer's currency, payment terms and price list, and the credit limit caps
/// what it may owe. Customers are deactivated, never deleted: documents keep pointing at them.
/// </summary>
public sealed class Customer : AggregateRoot, IMultiTenant, IPartner
{
    private readonly List<CustomerContact> _contacts = [];
    private readonly List<CustomerAddress> _addresses = [];

    private Customer() { }

    /// <summary>Use <see cref="CustomerManager"/>, which checks the code is free and the currency is the company's.</summary>
    internal Customer(string code, string? name, string currency)
    {
        Code = PartnerFields.NormalizeCode(code);
        Rename(name);
        CurrencyCode = PartnerFields.CurrencyCode(currency);
        Grade = CustomerGrade.B;
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public CustomerGrade Grade { get; private set; }
    public string? TaxId { get; private set; }

    /// <summary>The most the customer may owe at once, in its currency; 0 means nothing on credit (cash before delivery).</summary>
    public decimal CreditLimit { get; private set; }
    public int PaymentTermsDays { get; private set; }

    /// <summary>ISO code of the currency the customer is invoiced in.</summary>
    public string CurrencyCode { get; private set; } = null!;

    /// <summary>The customer's own prices (same currency as the customer); without one, products' sale prices apply.</summary>
    public Guid? PriceListId { get; private set; }
    public bool IsActive { get; private set; }

    public IReadOnlyCollection<CustomerContact> Contacts => _contacts.AsReadOnly();
    public IReadOnlyCollection<CustomerAddress> Addresses => _addresses.AsReadOnly();

    public void Rename(string? name) => Name = PartnerFields.Name(name);

    public void ChangeGrade(CustomerGrade grade) =>
        Grade = Enum.IsDefined(grade) ? grade : throw BusinessException.ForField(nameof(Grade), ErrorCodes.ValueNotAllowed, grade);

    public void ChangeTaxId(string? taxId) => TaxId = PartnerFields.TaxId(taxId);

    public void ChangeCreditTerms(decimal creditLimit, int paymentTermsDays)
    {
        if (creditLimit is < 0 or > 9_999_999_999_999_999.99m || decimal.Round(creditLimit, 2) != creditLimit)
        {
            throw BusinessException.ForField(nameof(CreditLimit), PartnerErrorCodes.CreditLimitInvalid);
        }
        PaymentTermsDays = PartnerFields.PaymentTermsDays(paymentTermsDays);
        CreditLimit = creditLimit;
    }

    /// <summary>The application checks the company uses the currency; a price list of another currency is dropped with it.</summary>
    internal void ChangeCurrency(string currency)
    {
        var normalized = PartnerFields.CurrencyCode(currency);
        if (normalized == CurrencyCode) return;
        CurrencyCode = normalized;
        PriceListId = null;
    }

    /// <summary>Use <see cref="CustomerManager"/>, which checks the list's currency matches the customer's.</summary>
    internal void AssignPriceList(Guid? priceListId) => PriceListId = priceListId;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public CustomerContact AddContact(string? name, string? phone, string? email, string? role, bool isPrimary = false) =>
        PartnerContacts.Add(_contacts, new CustomerContact(name, phone, email, role), isPrimary);

    /// <summary>Changes a contact; making it primary takes the flag from the previous primary contact.</summary>
    public void UpdateContact(Guid contactId, string? name, string? phone, string? email, string? role, bool isPrimary) =>
        PartnerContacts.Update(_contacts, contactId, name, phone, email, role, isPrimary);

    /// <summary>Removes a contact; when it was the primary one, the oldest remaining contact becomes primary.</summary>
    public void RemoveContact(Guid contactId) => PartnerContacts.Remove(_contacts, contactId);

    /// <summary>Adds an address; the first of its kind, or one marked default, becomes the default of that kind.</summary>
    public CustomerAddress AddAddress(PartnerAddressKind kind, string? text, bool isDefault = false)
    {
        var address = new CustomerAddress(CheckKind(kind), text);
        _addresses.Add(address);
        if (isDefault || !_addresses.Any(a => a.Kind == kind && a.IsDefault)) MakeDefault(address);
        return address;
    }

    /// <summary>Changes an address; a new kind or the default flag keeps exactly one default per kind.</summary>
    public void UpdateAddress(Guid addressId, PartnerAddressKind kind, string? text, bool isDefault)
    {
        var address = FindAddress(addressId);
        var previousKind = address.Kind;
        address.Change(CheckKind(kind), text);
        if (previousKind != kind && address.IsDefault)
        {
            address.MarkDefault(false);
            PromoteDefault(previousKind);
        }
        if (isDefault || !_addresses.Any(a => a.Kind == kind && a.IsDefault)) MakeDefault(address);
    }

    public void RemoveAddress(Guid addressId)
    {
        var address = FindAddress(addressId);
        _addresses.Remove(address);
        if (address.IsDefault) PromoteDefault(address.Kind);
    }

    /// <summary>The address documents use for this kind: the default one, if the customer has any of that kind.</summary>
    public CustomerAddress? DefaultAddress(PartnerAddressKind kind) => _addresses.FirstOrDefault(a => a.Kind == kind && a.IsDefault);

    private void MakeDefault(CustomerAddress address)
    {
        foreach (var other in _addresses.Where(a => a.Kind == address.Kind)) other.MarkDefault(ReferenceEquals(other, address));
    }

    private void PromoteDefault(PartnerAddressKind kind)
    {
        if (_addresses.FirstOrDefault(a => a.Kind == kind) is { } next) MakeDefault(next);
    }

    private CustomerAddress FindAddress(Guid addressId) =>
        _addresses.Find(a => a.Id == addressId) ?? throw new EntityNotFoundException(nameof(CustomerAddress), addressId);

    private static PartnerAddressKind CheckKind(PartnerAddressKind kind) =>
        Enum.IsDefined(kind) ? kind : throw BusinessException.ForField("Kind", ErrorCodes.ValueNotAllowed, kind);
}

public sealed class CustomerContact : PartnerContact
{
    private CustomerContact() { }

    internal CustomerContact(string? name, string? phone, string? email, string? role) : base(name, phone, email, role) { }

    public Guid CustomerId { get; private set; }
}

/// <summary>An address of a customer: where invoices go (billing) or where goods go (shipping); one default per kind.</summary>
public sealed class CustomerAddress : Entity, IMultiTenant
{
    private CustomerAddress() { }

    internal CustomerAddress(PartnerAddressKind kind, string? text) => Change(kind, text);

    public Guid? TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public PartnerAddressKind Kind { get; private set; }
    public string Text { get; private set; } = null!;
    public bool IsDefault { get; private set; }

    internal void Change(PartnerAddressKind kind, string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is not { Length: > 0 and <= PartnerConsts.MaxAddressLength })
        {
            throw BusinessException.ForField(nameof(Text), PartnerErrorCodes.AddressRequired, PartnerConsts.MaxAddressLength);
        }
        Kind = kind;
        Text = trimmed;
    }

    internal void MarkDefault(bool isDefault) => IsDefault = isDefault;
}
