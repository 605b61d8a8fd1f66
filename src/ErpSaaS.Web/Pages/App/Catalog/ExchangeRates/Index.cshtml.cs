using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.ExchangeRates;

/// <summary>Exchange rates by date: the list (filter by currency and period, CSV), a form to enter a rate and "the rate on a day".</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ICurrencyAppService currencies, TimeProvider clock) : ListPageModel<ExchangeRateListQuery, ExchangeRateDto>(clock)
{
    private readonly TimeProvider _clock = clock;

    public IReadOnlyList<CurrencyDto> Currencies { get; private set; } = [];
    public string BaseCurrency { get; private set; } = string.Empty;

    [BindProperty]
    public ExchangeRateInput NewRate { get; set; } = new();

    public string? LookupCurrency { get; private set; }
    public DateOnly? LookupDate { get; private set; }
    public ExchangeRateQuoteDto? LookupResult { get; private set; }
    public string? LookupError { get; private set; }

    protected override string ExportName => "exchange-rates";

    protected override Task<PagedResult<ExchangeRateDto>> GetPageAsync(ExchangeRateListQuery query, CancellationToken cancellationToken) =>
        currencies.GetRatesAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<ExchangeRateDto>> ExportAsync(ExchangeRateListQuery query, CancellationToken cancellationToken) =>
        currencies.ExportRatesAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken)
    {
        Currencies = await currencies.GetActiveAsync(cancellationToken);
        BaseCurrency = await currencies.GetBaseCurrencyAsync(cancellationToken);
        NewRate.EffectiveDate ??= Today;
        NewRate.Currency = string.IsNullOrEmpty(NewRate.Currency) ? Currencies.FirstOrDefault(c => !c.IsBase)?.Code ?? string.Empty : NewRate.Currency;
    }

    protected override IEnumerable<ExportColumn<ExchangeRateDto>> ExportColumns() =>
    [
        new(L["Partners:Currency"], r => r.Currency),
        new(L["Partners:BaseCurrency"], r => r.BaseCurrency),
        new(L["Partners:EffectiveDate"], r => r.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new(L["Partners:Rate"], r => r.Rate),
    ];

    /// <summary>The rate in force for a currency on a day, shown above the list.</summary>
    public async Task<IActionResult> OnGetLookupAsync([FromQuery] ExchangeRateListQuery query, string? lookupCurrency, DateOnly? lookupDate, CancellationToken cancellationToken)
    {
        await OnGetAsync(query, cancellationToken);
        LookupCurrency = lookupCurrency;
        LookupDate = lookupDate ?? Today;
        ExchangeRateQuoteDto? result = null;
        if (await TryAsync(async () => result = await currencies.GetRateOnAsync(lookupCurrency ?? string.Empty, LookupDate.Value, cancellationToken), "Lookup"))
        {
            LookupResult = result;
        }
        else
        {
            // Shown in the lookup card, next to the question, rather than at the top of the page.
            LookupError = ModelState.Where(e => e.Key.Length == 0 || e.Key.StartsWith("Lookup", StringComparison.Ordinal))
                .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
            ModelState.Clear();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSetRateAsync(CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(NewRate)) && await TryAsync(() => currencies.SetRateAsync(NewRate, cancellationToken), nameof(NewRate)))
        {
            TempData["Message"] = L["Partners:RateSaved"].Value;
            return RedirectToPage(new { Currency = NewRate.Currency.Trim().ToUpperInvariant() });
        }
        await OnGetAsync(new ExchangeRateListQuery(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid rateId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await TryAsync(() => currencies.RemoveRateAsync(rateId, cancellationToken), prefix: string.Empty))
        {
            TempData["Message"] = L["Partners:RateRemoved"].Value;
            return RedirectToPage();
        }
        await OnGetAsync(new ExchangeRateListQuery(), cancellationToken);
        return Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
}
