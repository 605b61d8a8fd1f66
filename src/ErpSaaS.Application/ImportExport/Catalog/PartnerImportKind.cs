using ErpSaaS.Catalog;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>What every partner row gives (code, name, tax id, payment terms, currency, one contact) and what the check resolved.</summary>
public abstract class PartnerImportValues
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? TaxId { get; set; }
    public int PaymentTermsDays { get; set; }
    public string? Currency { get; set; }
    public ImportedContact? Contact { get; set; }

    public string? NormalizedCode { get; set; }
    public Guid? ExistingId { get; set; }

    /// <summary>The currency the partner will have: the row's, else the one it has, else the company's base currency.</summary>
    public string? ResolvedCurrency { get; set; }
}

/// <summary>
/// Customers and suppliers from a spreadsheet share their columns and checks: a code unique in the file, an existing
/// code refused or (with "update existing") changed like the products import does, a currency the company uses, and one
/// contact that becomes (or updates) the partner's primary contact. Each kind adds its own columns and saves through
/// its module's manager.
/// </summary>
public abstract class PartnerImportKind<TValues>(IPartnerImportQueries queries, CurrencyManager currencies) : ImportKind<TValues>
    where TValues : PartnerImportValues, new()
{
    protected const string Code = "code";
    protected const string Name_ = "name";
    protected const string TaxId = "tax_id";
    protected const string PaymentTermsDays = "payment_terms_days";
    protected const string Currency = "currency";
    protected const string ContactName = "contact_name";
    protected const string ContactPhone = "contact_phone";
    protected const string ContactEmail = "contact_email";

    private IReadOnlyList<ImportColumn>? _columns;

    protected IPartnerImportQueries Queries { get; } = queries;

    public override string Permission => ErpPermissions.Trading.Catalog;
    public override string Feature => ErpFeatures.Trading;

    public override IReadOnlyList<ImportColumn> Columns => _columns ??=
    [
        new(Code, "ImportExport:Partners:Code", "ImportExport:Partners:Code:Hint", Required: true, Example: ExampleCode),
        new(Name_, "ImportExport:Partners:Name", Required: true, Example: ExampleName),
        .. OwnColumns,
        new(TaxId, "ImportExport:Partners:TaxId", "ImportExport:Partners:TaxId:Hint", Example: "91310000MA1FL0XX2B"),
        new(PaymentTermsDays, "ImportExport:Partners:PaymentTermsDays", Example: "30"),
        new(Currency, "ImportExport:Partners:Currency", "ImportExport:Partners:Currency:Hint", Example: "CNY"),
        new(ContactName, "ImportExport:Partners:ContactName", "ImportExport:Partners:ContactName:Hint", Example: "张伟"),
        new(ContactPhone, "ImportExport:Partners:ContactPhone", Example: "138 0013 8000"),
        new(ContactEmail, "ImportExport:Partners:ContactEmail", Example: "zhang.wei@example.cn"),
    ];

    protected abstract string ExampleCode { get; }
    protected abstract string ExampleName { get; }

    /// <summary>The kind's own columns, between the name and the tax id.</summary>
    protected abstract IReadOnlyList<ImportColumn> OwnColumns { get; }

    /// <summary>The existing partners of this kind among <paramref name="codes"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<string, PartnerReference>> ExistingAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Reads the kind's own columns into <paramref name="values"/>.</summary>
    protected abstract void ParseOwn(ImportCells cells, TValues values);

    /// <summary>Once before the rows: loads what the kind's own columns refer to.</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Checks the kind's own references and asks the aggregate's rules for one row without errors so far.</summary>
    protected abstract void CheckOwn(ImportRow<TValues> row);

    /// <summary>Creates or changes one partner (the row has no errors).</summary>
    protected abstract Task SaveOneAsync(ImportRow<TValues> row, CancellationToken cancellationToken);

    /// <summary>The column of a field of the kind's own rules.</summary>
    protected abstract string? OwnColumnOf(string? field);

    protected sealed override string? ColumnOf(string? field) => field switch
    {
        "Code" => Code,
        "Name" => Name_,
        "TaxId" => TaxId,
        "PaymentTermsDays" => PaymentTermsDays,
        "Currency" => Currency,
        PartnerImportRules.ContactField + "Name" => ContactName,
        PartnerImportRules.ContactField + "Phone" => ContactPhone,
        PartnerImportRules.ContactField + "Email" => ContactEmail,
        _ => OwnColumnOf(field),
    };

    protected sealed override TValues Parse(ImportCells cells)
    {
        var values = new TValues
        {
            Code = cells.Required(Code), Name = cells.Required(Name_), TaxId = cells.Text(TaxId),
            PaymentTermsDays = cells.WholeNumber(PaymentTermsDays) ?? 0, Currency = cells.Text(Currency),
        };
        var (contactName, phone, email) = (cells.Text(ContactName), cells.Text(ContactPhone), cells.Text(ContactEmail));
        // A phone or e-mail without a name is still a contact: the contact's own rule then asks for the name.
        if (contactName is not null || phone is not null || email is not null) values.Contact = new ImportedContact(contactName, phone, email);
        ParseOwn(cells, values);
        return values;
    }

    protected sealed override async Task CheckAsync(IReadOnlyList<ImportRow<TValues>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var activeCurrencies = await Queries.GetActiveCurrencyCodesAsync(cancellationToken);
        var baseCurrency = await currencies.GetBaseCurrencyAsync(cancellationToken);
        await PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Key = row.Values.Code;
            row.Label = row.Values.Name;
            if (row.Values.Code is { } code) Check(row, () => row.Values.NormalizedCode = PartnerFields.NormalizeCode(code));
        }
        var existing = await ExistingAsync(rows.Select(r => r.Values.NormalizedCode).OfType<string>().Distinct().ToList(), cancellationToken);
        var rowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        foreach (var row in rows)
        {
            var values = row.Values;
            var found = values.NormalizedCode is { } normalized && existing.TryGetValue(normalized, out var partner) ? partner : null;
            if (values.NormalizedCode is { } code) ClaimCode(row, Code, code, rowOfCode, found is not null, run);
            if (row.Action == ImportRowAction.Update) values.ExistingId = found!.Id;
            values.ResolvedCurrency = ResolveCurrency(row, found, activeCurrencies, baseCurrency);
            if (!row.HasErrors) CheckOwn(row);
            await run.CheckedAsync(++done, cancellationToken);
        }
    }

    protected sealed override Task SaveAsync(IReadOnlyList<ImportRow<TValues>> rows, ImportRunContext run, CancellationToken cancellationToken) =>
        SaveEachAsync(rows, run, row => SaveOneAsync(row, cancellationToken), cancellationToken);

    /// <summary>Makes the row's contact the primary one: it changes the partner's primary contact, or is added when there is none.</summary>
    protected static void ApplyContact(ImportedContact? contact, IEnumerable<PartnerContact> contacts, Action<Guid, ImportedContact> update, Action<ImportedContact> add)
    {
        if (contact is null) return;
        if (contacts.FirstOrDefault(c => c.IsPrimary) is { } primary) update(primary.Id, contact);
        else add(contact);
    }

    // A blank currency keeps the partner's own (or takes the base currency for a new one); a currency the partner has
    // already stays acceptable even if the company stopped using it, as on the edit form.
    private static string? ResolveCurrency(ImportRow<TValues> row, PartnerReference? found, IReadOnlySet<string> active, string baseCurrency)
    {
        if (row.Values.Currency is not { } given) return found?.CurrencyCode ?? baseCurrency;
        var code = given.Trim().ToUpperInvariant();
        if (active.Contains(code) || code == found?.CurrencyCode) return code;
        row.Fail(Currency, ImportExportErrorCodes.CurrencyCodeUnknown, code);
        return null;
    }
}
