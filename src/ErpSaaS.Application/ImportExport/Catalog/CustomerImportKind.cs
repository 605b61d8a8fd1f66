using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>
/// Customers from a spreadsheet: grade, tax id, credit limit, payment terms, currency, price list (by name, in the
/// customer's currency), one contact and one address. With "update existing" a row changes the customer with its code:
/// its contact replaces the primary contact's details and its address the default address of its kind (blank contact
/// or address cells leave those alone). Saved through <see cref="CustomerManager"/>.
/// </summary>
public sealed class CustomerImportKind(IPartnerImportQueries queries, CurrencyManager currencies, CustomerManager manager, ICustomerRepository customers)
    : PartnerImportKind<CustomerImportKind.Values>(queries, currencies)
{
    public const string KindName = "customers";

    private const string Grade = "grade";
    private const string CreditLimit = "credit_limit";
    private const string PriceList = "price_list";
    private const string AddressKind = "address_kind";
    private const string Address = "address";

    private const string GradeTextPrefix = "Partners:Grade:";
    private const string AddressKindTextPrefix = "Partners:AddressKind:";

    private IReadOnlyDictionary<string, PriceListReference> _priceLists = new Dictionary<string, PriceListReference>();

    public override string Name => KindName;
    protected override string ExampleCode => "C-001";
    protected override string ExampleName => "上海华东贸易有限公司";

    protected override IReadOnlyList<ImportColumn> OwnColumns =>
    [
        new(Grade, "ImportExport:Customers:Grade", "ImportExport:Customers:Grade:Hint", Example: "B"),
        new(CreditLimit, "ImportExport:Customers:CreditLimit", "ImportExport:Customers:CreditLimit:Hint", Example: "50000"),
        new(PriceList, "ImportExport:Customers:PriceList", "ImportExport:Customers:PriceList:Hint"),
        new(AddressKind, "ImportExport:Customers:AddressKind", "ImportExport:Customers:AddressKind:Hint", Example: "Shipping",
            ExampleKey: AddressKindTextPrefix + nameof(PartnerAddressKind.Shipping)),
        new(Address, "ImportExport:Customers:Address", Example: "上海市浦东新区张江路 100 号"),
    ];

    protected override Task<IReadOnlyDictionary<string, PartnerReference>> ExistingAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        Queries.GetCustomersAsync(codes, cancellationToken);

    protected override void ParseOwn(ImportCells cells, Values values)
    {
        values.Grade = cells.Choice(Grade, GradeTextPrefix, CustomerGrade.B);
        values.CreditLimit = cells.Number(CreditLimit) ?? 0m;
        values.PriceListName = cells.Text(PriceList);
        values.AddressKind = cells.Choice(AddressKind, AddressKindTextPrefix, PartnerAddressKind.Shipping);
        values.Address = cells.Text(Address);
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken) => _priceLists = await Queries.GetPriceListsAsync(cancellationToken);

    protected override void CheckOwn(ImportRow<Values> row)
    {
        var values = row.Values;
        if (values.PriceListName is { } name)
        {
            if (!_priceLists.TryGetValue(name.Trim(), out var priceList) || !priceList.IsActive)
            {
                row.Fail(PriceList, ImportExportErrorCodes.PriceListUnknown, name);
            }
            else if (priceList.CurrencyCode != values.ResolvedCurrency)
            {
                row.Fail(PriceList, PartnerErrorCodes.PriceListCurrencyMismatch, priceList.Name, priceList.CurrencyCode, values.ResolvedCurrency);
            }
            else
            {
                values.PriceListId = priceList.Id;
            }
        }
        Check(row, () => PartnerImportRules.CheckCustomer(values.NormalizedCode!, values.Name, values.ResolvedCurrency!, values.Grade, values.TaxId,
            values.CreditLimit, values.PaymentTermsDays, values.Contact, values.AddressKind, values.Address));
    }

    protected override string? OwnColumnOf(string? field) => field switch
    {
        nameof(Customer.Grade) => Grade,
        nameof(Customer.CreditLimit) => CreditLimit,
        "PriceListId" => PriceList,
        "Text" or "Kind" => Address,
        _ => null,
    };

    protected override async Task SaveOneAsync(ImportRow<Values> row, CancellationToken cancellationToken)
    {
        var values = row.Values;
        Customer customer;
        if (row.Action == ImportRowAction.Update)
        {
            customer = await ExistingAsync(customers.FindAsync(values.ExistingId!.Value, cancellationToken));
            customer.Rename(values.Name);
            await manager.ChangeCurrencyAsync(customer, values.ResolvedCurrency, cancellationToken);
        }
        else
        {
            customer = await manager.CreateAsync(values.NormalizedCode, values.Name, values.ResolvedCurrency, cancellationToken);
        }
        customer.ChangeGrade(values.Grade);
        customer.ChangeTaxId(values.TaxId);
        customer.ChangeCreditTerms(values.CreditLimit, values.PaymentTermsDays);
        // A blank price list cell keeps the customer's list, as blank contact and address cells keep theirs.
        if (values.PriceListId is { } priceListId) await manager.AssignPriceListAsync(customer, priceListId, cancellationToken);
        ApplyContact(values.Contact, customer.Contacts,
            (id, c) => customer.UpdateContact(id, c.Name, c.Phone, c.Email, customer.Contacts.First(x => x.Id == id).Role, isPrimary: true),
            c => customer.AddContact(c.Name, c.Phone, c.Email, null, isPrimary: true));
        if (values.Address is { } address)
        {
            if (customer.DefaultAddress(values.AddressKind) is { } current) customer.UpdateAddress(current.Id, values.AddressKind, address, isDefault: true);
            else customer.AddAddress(values.AddressKind, address, isDefault: true);
        }
    }

    public sealed class Values : PartnerImportValues
    {
        public CustomerGrade Grade { get; set; }
        public decimal CreditLimit { get; set; }
        public string? PriceListName { get; set; }
        public PartnerAddressKind AddressKind { get; set; }
        public string? Address { get; set; }
        public Guid? PriceListId { get; set; }
    }
}
