using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>
/// A person to talk to at a customer or supplier. One contact of a partner is the primary one (the first added, until
/// another is made primary): documents address it by default.
/// </summary>
public abstract class PartnerContact : Entity, IMultiTenant
{
    protected PartnerContact() { }

    protected PartnerContact(string? name, string? phone, string? email, string? role) => Change(name, phone, email, role);

    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = null!;
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    /// <summary>What the person does for the partner (采购经理, 财务, ...), free text.</summary>
    public string? Role { get; private set; }
    public bool IsPrimary { get; private set; }

    internal void Change(string? name, string? phone, string? email, string? role) =>
        (Name, Phone, Email, Role) = PartnerFields.Contact(name, phone, email, role);

    internal void MarkPrimary(bool isPrimary) => IsPrimary = isPrimary;
}

/// <summary>The contacts of one partner and the rule that exactly one of them, when there are any, is primary.</summary>
internal static class PartnerContacts
{
    public static TContact Add<TContact>(List<TContact> contacts, TContact contact, bool makePrimary) where TContact : PartnerContact
    {
        contacts.Add(contact);
        if (makePrimary || contacts.Count == 1) MakePrimary(contacts, contact);
        return contact;
    }

    public static void Update<TContact>(List<TContact> contacts, Guid contactId, string? name, string? phone, string? email, string? role, bool makePrimary)
        where TContact : PartnerContact
    {
        var contact = Find(contacts, contactId);
        contact.Change(name, phone, email, role);
        if (makePrimary) MakePrimary(contacts, contact);
    }

    public static void Remove<TContact>(List<TContact> contacts, Guid contactId) where TContact : PartnerContact
    {
        var contact = Find(contacts, contactId);
        contacts.Remove(contact);
        if (contact.IsPrimary && contacts.Count > 0) MakePrimary(contacts, contacts[0]);
    }

    private static void MakePrimary<TContact>(List<TContact> contacts, TContact primary) where TContact : PartnerContact
    {
        foreach (var contact in contacts) contact.MarkPrimary(ReferenceEquals(contact, primary));
    }

    private static TContact Find<TContact>(List<TContact> contacts, Guid contactId) where TContact : PartnerContact =>
        contacts.Find(c => c.Id == contactId)
        ?? throw new EntityNotFoundException(typeof(TContact).Name, contactId);
}
