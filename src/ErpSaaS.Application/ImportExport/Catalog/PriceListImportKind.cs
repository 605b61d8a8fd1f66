using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>
/// Price lists with their quantity breaks, one row per product and minimum quantity, grouped by the price list's name
/// (its code: names are unique in a company). The list's currency and validity may be given on any of its rows but must
/// not disagree; a row naming a customer assigns the list to that customer (same currency). A list that exists is an
/// error, or with "update existing" its validity changes and the file's rows become its prices: a break that exists
/// gets the file's price, new breaks are added and breaks the file leaves out are removed.
/// </summary>
public sealed class PriceListImportKind(
    IPartnerImportQueries partners, ICatalogImportQueries catalog, CurrencyManager currencies, PriceListManager manager, PriceListLineManager lines,
    IPriceListRepository priceLists, CustomerManager customerManager, ICustomerRepository customers, IUnitOfWork unitOfWork)
    : ImportKind<PriceListImportKind.Values>
{
    public const string KindName = "price-lists";

    private const string ListName = "price_list";
    private const string Currency = "currency";
    private const string ValidFrom = "valid_from";
    private const string ValidTo = "valid_to";
    private const string CustomerCode = "customer_code";
    private const string ProductCode = "product_code";
    private const string MinimumQuantity = "min_quantity";
    private const string UnitPrice = "unit_price";

    private static readonly IReadOnlyList<ImportColumn> ColumnList =
    [
        new(ListName, "ImportExport:PriceLists:PriceList", "ImportExport:PriceLists:PriceList:Hint", Required: true, Example: "经销商价 2026"),
        new(Currency, "ImportExport:PriceLists:Currency", "ImportExport:PriceLists:Currency:Hint", Example: "CNY"),
        new(ValidFrom, "ImportExport:PriceLists:ValidFrom", "ImportExport:Date:Hint", Example: "2026-01-01"),
        new(ValidTo, "ImportExport:PriceLists:ValidTo", "ImportExport:Date:Hint", Example: "2026-12-31"),
        new(CustomerCode, "ImportExport:PriceLists:CustomerCode", "ImportExport:PriceLists:CustomerCode:Hint", Example: "C-001"),
        new(ProductCode, "ImportExport:PriceLists:ProductCode", Required: true, Example: "SKU-10086"),
        new(MinimumQuantity, "ImportExport:PriceLists:MinimumQuantity", "ImportExport:PriceLists:MinimumQuantity:Hint", Example: "100"),
        new(UnitPrice, "ImportExport:PriceLists:UnitPrice", Required: true, Example: "52.8"),
    ];

    public override string Name => KindName;
    public override string Permission => ErpPermissions.Trading.Catalog;
    public override string Feature => ErpFeatures.Trading;
    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    protected override string? ColumnOf(string? field) => field switch
    {
        nameof(PriceList.Name) => ListName,
        nameof(PriceList.ValidTo) => ValidTo,
        nameof(PriceListLine.MinimumQuantity) => MinimumQuantity,
        nameof(PriceListLine.UnitPrice) => UnitPrice,
        _ => null,
    };

    protected override Values Parse(ImportCells cells) => new()
    {
        PriceListName = cells.Required(ListName),
        Currency = cells.Text(Currency)?.ToUpperInvariant(),
        ValidFrom = cells.Date(ValidFrom),
        ValidTo = cells.Date(ValidTo),
        CustomerCode = cells.Text(CustomerCode)?.ToUpperInvariant(),
        ProductCode = cells.Required(ProductCode)?.ToUpperInvariant(),
        MinimumQuantity = cells.Number(MinimumQuantity) ?? 0m,
        UnitPrice = cells.Required(UnitPrice) is null ? null : cells.Number(UnitPrice),
    };

    protected override async Task CheckAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var activeCurrencies = await partners.GetActiveCurrencyCodesAsync(cancellationToken);
        var baseCurrency = await currencies.GetBaseCurrencyAsync(cancellationToken);
        var existingLists = await partners.GetPriceListsAsync(cancellationToken);
        var products = await catalog.GetProductsAsync(rows.Select(r => r.Values.ProductCode).OfType<string>().Distinct().ToList(), cancellationToken);
        var customerByCode = await partners.GetCustomersAsync(rows.Select(r => r.Values.CustomerCode).OfType<string>().Distinct().ToList(), cancellationToken);
        foreach (var row in rows)
        {
            row.Key = row.Values.PriceListName;
            row.Label = row.Values.ProductCode;
        }
        var done = 0;
        foreach (var group in rows.Where(r => r.Values.PriceListName is not null).GroupBy(r => r.Values.PriceListName!, StringComparer.Ordinal))
        {
            var list = ListOf(group.ToList(), existingLists.GetValueOrDefault(group.Key), run.UpdateExisting, activeCurrencies, baseCurrency);
            var rowOfBreak = new Dictionary<(Guid, decimal), int>();
            foreach (var row in group)
            {
                var values = row.Values;
                values.List = list;
                if (list.ExistingId is not null) row.Action = ImportRowAction.Update;
                if (values.ProductCode is { } code)
                {
                    if (products.GetValueOrDefault(code) is { IsActive: true } product)
                    {
                        values.ProductId = product.Id;
                        if (!rowOfBreak.TryAdd((product.Id, values.MinimumQuantity), row.RowNumber))
                        {
                            row.Fail(MinimumQuantity, ImportExportErrorCodes.PriceBreakDuplicateInFile, code, values.MinimumQuantity,
                                rowOfBreak[(product.Id, values.MinimumQuantity)]);
                        }
                    }
                    else
                    {
                        row.Fail(ProductCode, ImportExportErrorCodes.ProductCodeUnknown, code);
                    }
                }
                if (values.CustomerCode is { } customerCode) CheckCustomer(row, customerByCode.GetValueOrDefault(customerCode), customerCode);
                if (values.UnitPrice is { } price) Check(row, () => PartnerImportRules.CheckPriceListLine(values.MinimumQuantity, price));
                await run.CheckedAsync(++done, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The list as its rows describe it: the currency and validity the rows give (a row that gives another value than an
    /// earlier row is wrong), the existing list with the name, and the list's own rules, reported on the row that gives them.
    /// </summary>
    private ListValues ListOf(List<ImportRow<Values>> group, PriceListReference? existing, bool updateExisting, IReadOnlySet<string> activeCurrencies,
        string baseCurrency)
    {
        var currency = Agreed(group, Currency, v => v.Currency);
        var validFrom = Agreed(group, ValidFrom, v => v.ValidFrom);
        var validTo = Agreed(group, ValidTo, v => v.ValidTo);
        var first = group[0];
        if (existing is not null && !updateExisting)
        {
            first.Fail(ListName, ImportExportErrorCodes.CodeExists, existing.Name);
        }
        if (currency.Value is { } code)
        {
            if (existing is not null && code != existing.CurrencyCode)
            {
                currency.Row!.Fail(Currency, ImportExportErrorCodes.PriceListCurrencyFixed, existing.Name, existing.CurrencyCode);
            }
            else if (existing is null && !activeCurrencies.Contains(code))
            {
                currency.Row!.Fail(Currency, ImportExportErrorCodes.CurrencyCodeUnknown, code);
            }
        }
        Check(validTo.Row ?? validFrom.Row ?? first, () => PartnerImportRules.CheckPriceList(first.Values.PriceListName!, validFrom.Value, validTo.Value));
        return new ListValues(first.Values.PriceListName!.Trim(), existing?.CurrencyCode ?? currency.Value ?? baseCurrency, validFrom.Value, validTo.Value,
            existing is not null && updateExisting ? existing.Id : null);
    }

    private static (T? Value, ImportRow<Values>? Row) Agreed<T>(List<ImportRow<Values>> group, string column, Func<Values, T?> valueOf)
    {
        (T? Value, ImportRow<Values>? Row) agreed = (default, null);
        foreach (var row in group)
        {
            if (valueOf(row.Values) is not { } value) continue;
            if (agreed.Row is null) agreed = (value, row);
            else if (!EqualityComparer<T>.Default.Equals(value, agreed.Value!)) row.Fail(column, ImportExportErrorCodes.PriceListValueDiffers, agreed.Row.RowNumber);
        }
        return agreed;
    }

    private static void CheckCustomer(ImportRow<Values> row, PartnerReference? customer, string code)
    {
        var list = row.Values.List!;
        if (customer is null) row.Fail(CustomerCode, ImportExportErrorCodes.CustomerCodeUnknown, code);
        else if (customer.CurrencyCode != list.Currency)
        {
            row.Fail(CustomerCode, PartnerErrorCodes.PriceListCurrencyMismatch, list.Name, list.Currency, customer.CurrencyCode);
        }
        else row.Values.CustomerId = customer.Id;
    }

    protected override async Task SaveAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var group in rows.GroupBy(r => r.Values.List!))
        {
            var list = group.Key;
            PriceList priceList = null!;
            await SaveRowAsync(group.First(), async () =>
            {
                priceList = list.ExistingId is { } id
                    ? await ExistingAsync(priceLists.FindAsync(id, cancellationToken))
                    : await manager.CreateAsync(list.Name, list.Currency, cancellationToken);
                priceList.ChangeValidity(list.ValidFrom, list.ValidTo);
            });
            var kept = new HashSet<Guid>();
            foreach (var row in group)
            {
                await SaveRowAsync(row, async () =>
                {
                    var values = row.Values;
                    if (priceList.Lines.FirstOrDefault(l => l.ProductId == values.ProductId && l.MinimumQuantity == values.MinimumQuantity) is { } line)
                    {
                        priceList.UpdateLine(line.Id, values.MinimumQuantity, values.UnitPrice!.Value);
                        kept.Add(line.Id);
                    }
                    else
                    {
                        kept.Add((await lines.AddLineAsync(priceList, values.ProductCode, values.MinimumQuantity, values.UnitPrice!.Value, cancellationToken)).Id);
                    }
                });
            }
            foreach (var dropped in priceList.Lines.Where(l => !kept.Contains(l.Id)).ToList()) priceList.RemoveLine(dropped.Id);
            // The customers are given the list once it is saved: assigning looks the list up to check its currency.
            await unitOfWork.SaveChangesAsync(cancellationToken);
            foreach (var row in group.Where(r => r.Values.CustomerId is not null).DistinctBy(r => r.Values.CustomerId))
            {
                await SaveRowAsync(row, async () =>
                {
                    var customer = await ExistingAsync(customers.FindAsync(row.Values.CustomerId!.Value, cancellationToken));
                    await customerManager.AssignPriceListAsync(customer, priceList.Id, cancellationToken);
                });
            }
            // Progress (and the flush that stops tracking) only after the whole list: its rows change one aggregate.
            foreach (var _ in group) await run.SavedAsync(++done, cancellationToken);
        }
    }

    /// <summary>What the rows of one price list say about the list itself.</summary>
    public sealed record ListValues(string Name, string Currency, DateOnly? ValidFrom, DateOnly? ValidTo, Guid? ExistingId);

    public sealed class Values
    {
        public string? PriceListName { get; init; }
        public string? Currency { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public string? CustomerCode { get; init; }
        public string? ProductCode { get; init; }
        public decimal MinimumQuantity { get; init; }
        public decimal? UnitPrice { get; init; }

        public ListValues? List { get; set; }
        public Guid? ProductId { get; set; }
        public Guid? CustomerId { get; set; }
    }
}
