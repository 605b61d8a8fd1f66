using ErpSaaS.Catalog;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Catalog;

/// <summary>
/// The customer and supplier lists: the currencies their filter offers, and deactivating or activating a partner from
/// its row (the list then shows inactive partners too, so the one just deactivated stays in sight).
/// </summary>
public abstract class PartnerListPageModel<TQuery, TItem>(ICurrencyAppService currencies, TimeProvider clock)
    : ListPageModel<TQuery, TItem>(clock), IPartnerListPage
    where TQuery : PartnerListQuery, new()
{
    PartnerListQuery IPartnerListPage.Filter => Query;

    public IReadOnlyList<CurrencyDto> Currencies { get; private set; } = [];

    /// <summary>"Customer" or "Supplier": the texts Partners:{Kind}Deactivated, Partners:{Kind}Activated and Partners:ConfirmDeactivate{Kind}.</summary>
    public abstract string PartnerKind { get; }

    protected abstract Task DeactivateAsync(Guid id, CancellationToken cancellationToken);

    protected abstract Task ActivateAsync(Guid id, CancellationToken cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        Currencies = await currencies.GetActiveAsync(cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => DeactivateAsync(id, cancellationToken), $"Partners:{PartnerKind}Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => ActivateAsync(id, cancellationToken), $"Partners:{PartnerKind}Activated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { IncludeInactive = true });
        }
        await OnGetAsync(new TQuery { IncludeInactive = true }, cancellationToken);
        return Page();
    }
}

/// <summary>What the shared parts of the customer and supplier list pages show: the filter and the partner kind.</summary>
public interface IPartnerListPage
{
    PartnerListQuery Filter { get; }
    IReadOnlyList<CurrencyDto> Currencies { get; }
    string PartnerKind { get; }
}

/// <summary>A partner's row as its status cell and activate/deactivate buttons need it.</summary>
public sealed record PartnerRowStatus(Guid Id, bool IsActive, string PartnerKind);
