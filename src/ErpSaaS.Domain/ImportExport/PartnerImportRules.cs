using ErpSaaS.Catalog;
using ErpSaaS.Common;

namespace ErpSaaS.ImportExport;

/// <summary>A contact as an imported partner row gives it (one per row).</summary>
public sealed record ImportedContact(string? Name, string? Phone, string? Email);

/// <summary>
/// The partners' own rules for an imported row, asked without creating anything (like <see cref="CatalogImportRules"/>):
/// the preview refuses exactly what saving would. Whether codes, currencies and price lists exist in the company is the
/// import's set-based check, and the managers' again when saving.
/// </summary>
public static class PartnerImportRules
{
    /// <summary>Prefix of the field of a contact's broken rule, so the import can tell "Contact.Name" from the partner's "Name".</summary>
    public const string ContactField = "Contact.";

    public static void CheckCustomer(string code, string? name, string currency, CustomerGrade grade, string? taxId, decimal creditLimit,
        int paymentTermsDays, ImportedContact? contact, PartnerAddressKind addressKind, string? address)
    {
        var customer = new Customer(code, name, currency);
        customer.ChangeGrade(grade);
        customer.ChangeTaxId(taxId);
        customer.ChangeCreditTerms(creditLimit, paymentTermsDays);
        if (contact is not null) CheckContact(() => customer.AddContact(contact.Name, contact.Phone, contact.Email, null));
        if (address is not null) customer.AddAddress(addressKind, address);
    }

    public static void CheckSupplier(string code, string? name, string currency, string? taxId, int paymentTermsDays, int defaultLeadTimeDays,
        ImportedContact? contact)
    {
        var supplier = new Supplier(code, name, currency);
        supplier.ChangeTaxId(taxId);
        supplier.ChangeTerms(paymentTermsDays, defaultLeadTimeDays);
        if (contact is not null) CheckContact(() => supplier.AddContact(contact.Name, contact.Phone, contact.Email, null));
    }

    public static void CheckSupplierProduct(SupplierProductTerms terms) => _ = new SupplierProduct(Guid.Empty, Guid.Empty, terms);

    public static void CheckPriceList(string name, DateOnly? validFrom, DateOnly? validTo) =>
        new PriceList(name, "CNY").ChangeValidity(validFrom, validTo);

    public static void CheckPriceListLine(decimal minimumQuantity, decimal unitPrice) =>
        new PriceList("-", "CNY").AddLine(Guid.Empty, minimumQuantity, unitPrice);

    private static void CheckContact(Action add)
    {
        try
        {
            add();
        }
        catch (BusinessException error)
        {
            throw BusinessException.ForField(ContactField + error.Field, error.Code, [.. error.Args]);
        }
    }
}
