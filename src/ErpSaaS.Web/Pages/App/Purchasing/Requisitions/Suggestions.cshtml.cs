using ErpSaaS.Common;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Requisitions;

/// <summary>The replenishment suggestions with a checkbox each: the chosen ones become one requisition in one click.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class SuggestionsModel(IReplenishmentSuggestions suggestions, IPurchaseRequisitionAppService requisitions, IPurchaseOrderAppService orders) : ErpPageModel
{
    public PagedResult<ReplenishmentSuggestionDto> Result { get; private set; } = null!;
    public PurchasingOptionsDto Options { get; private set; } = null!;

    [BindProperty]
    public RequisitionFromSuggestionsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await suggestions.GetListAsync(new ReplenishmentQuery { PageSize = PageRequest.MaxPageSize }, cancellationToken);
        Options = await orders.GetOptionsAsync(cancellationToken);
        Input = new RequisitionFromSuggestionsInput { RequestId = Guid.NewGuid() };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await requisitions.CreateFromSuggestionsAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        var requestId = Input.RequestId;
        await OnGetAsync(cancellationToken);
        Input.RequestId = requestId;
        return Page();
    }
}
