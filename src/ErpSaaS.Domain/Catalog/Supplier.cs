using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>
/// A company the company buys from. Purchase orders take its currency, payment terms and default lead time (a product it
/// supplies may have its own, see <see cref="SupplierProduct"/>). Deactivated, never deleted.
/// </summary>
public sealed class Supplier : AggregateRoot, IMultiTenant, IPartner
{
    private readonly List<SupplierContact> _contacts = [];

    private Supplier() { }

    /// <summary>Use <see cref="SupplierManager"/>, which checks the code is free and the currency is the company's.</summary>
    internal Supplier(string code, string? name, string currency)
    {
        Code = PartnerFields.NormalizeCode(code);
        Rename(name);
        CurrencyCode = PartnerFields.CurrencyCode(currency);
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string? TaxId { get; private set; }
    public int PaymentTermsDays { get; private set; }

    /// <summary>Days from order to receipt when the supplied product names none of its own.</summary>
    public int DefaultLeadTimeDays { get; private set; }

    /// <summary>ISO code of the currency the supplier invoices in.</summary>
    public string CurrencyCode { get; private set; } = null!;
    public bool IsActive { get; private set; }

    public IReadOnlyCollection<SupplierContact> Contacts => _contacts.AsReadOnly();

    public void Rename(string? name) => Name = PartnerFields.Name(name);

    public void ChangeTaxId(string? taxId) => TaxId = PartnerFields.TaxId(taxId);

    public void ChangeTerms(int paymentTermsDays, int defaultLeadTimeDays)
    {
        PaymentTermsDays = PartnerFields.PaymentTermsDays(paymentTermsDays);
        DefaultLeadTimeDays = PartnerFields.LeadTimeDays(defaultLeadTimeDays);
    }

    /// <summary>The application checks the company uses the currency.</summary>
    internal void ChangeCurrency(string currency) => CurrencyCode = PartnerFields.CurrencyCode(currency);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public SupplierContact AddContact(string? name, string? phone, string? email, string? role, bool isPrimary = false) =>
        PartnerContacts.Add(_contacts, new SupplierContact(name, phone, email, role), isPrimary);

    public void UpdateContact(Guid contactId, string? name, string? phone, string? email, string? role, bool isPrimary) =>
        PartnerContacts.Update(_contacts, contactId, name, phone, email, role, isPrimary);

    public void RemoveContact(Guid contactId) => PartnerContacts.Remove(_contacts, contactId);
}

public sealed class SupplierContact : PartnerContact
{
    private SupplierContact() { }

    internal SupplierContact(string? name, string? phone, string? email, string? role) : base(name, phone, email, role) { }

    public Guid SupplierId { get; private set; }
}
