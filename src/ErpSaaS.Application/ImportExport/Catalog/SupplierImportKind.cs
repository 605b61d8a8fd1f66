using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>
/// Suppliers from a spreadsheet: tax id, payment terms, currency, default lead time and one contact (the primary one).
/// With "update existing" a row changes the supplier with its code. The products a supplier sells are a kind of their
/// own (<see cref="SupplierProductImportKind"/>), so one supplier may list many. Saved through <see cref="SupplierManager"/>.
/// </summary>
public sealed class SupplierImportKind(IPartnerImportQueries queries, CurrencyManager currencies, SupplierManager manager, ISupplierRepository suppliers)
    : PartnerImportKind<SupplierImportKind.Values>(queries, currencies)
{
    public const string KindName = "suppliers";

    private const string DefaultLeadTimeDays = "default_lead_time_days";

    public override string Name => KindName;
    protected override string ExampleCode => "S-001";
    protected override string ExampleName => "深圳精密电子有限公司";

    protected override IReadOnlyList<ImportColumn> OwnColumns =>
    [
        new(DefaultLeadTimeDays, "ImportExport:Suppliers:DefaultLeadTimeDays", "ImportExport:Suppliers:DefaultLeadTimeDays:Hint", Example: "7"),
    ];

    protected override Task<IReadOnlyDictionary<string, PartnerReference>> ExistingAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        Queries.GetSuppliersAsync(codes, cancellationToken);

    protected override void ParseOwn(ImportCells cells, Values values) => values.DefaultLeadTimeDays = cells.WholeNumber(DefaultLeadTimeDays) ?? 0;

    protected override void CheckOwn(ImportRow<Values> row)
    {
        var values = row.Values;
        Check(row, () => PartnerImportRules.CheckSupplier(values.NormalizedCode!, values.Name, values.ResolvedCurrency!, values.TaxId,
            values.PaymentTermsDays, values.DefaultLeadTimeDays, values.Contact));
    }

    protected override string? OwnColumnOf(string? field) => field == nameof(Supplier.DefaultLeadTimeDays) ? DefaultLeadTimeDays : null;

    protected override async Task SaveOneAsync(ImportRow<Values> row, CancellationToken cancellationToken)
    {
        var values = row.Values;
        Supplier supplier;
        if (row.Action == ImportRowAction.Update)
        {
            supplier = await ExistingAsync(suppliers.FindAsync(values.ExistingId!.Value, cancellationToken));
            supplier.Rename(values.Name);
            await manager.ChangeCurrencyAsync(supplier, values.ResolvedCurrency, cancellationToken);
        }
        else
        {
            supplier = await manager.CreateAsync(values.NormalizedCode, values.Name, values.ResolvedCurrency, cancellationToken);
        }
        supplier.ChangeTaxId(values.TaxId);
        supplier.ChangeTerms(values.PaymentTermsDays, values.DefaultLeadTimeDays);
        ApplyContact(values.Contact, supplier.Contacts,
            (id, c) => supplier.UpdateContact(id, c.Name, c.Phone, c.Email, supplier.Contacts.First(x => x.Id == id).Role, isPrimary: true),
            c => supplier.AddContact(c.Name, c.Phone, c.Email, null, isPrimary: true));
    }

    public sealed class Values : PartnerImportValues
    {
        public int DefaultLeadTimeDays { get; set; }
    }
}
