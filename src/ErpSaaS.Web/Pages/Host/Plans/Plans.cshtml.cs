using ErpSaaS.Billing;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Host.Plans;

/// <summary>The operator's plans, with prices and visibility.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Billing)]
public sealed class IndexModel(IPlanAdminAppService plans) : ErpPageModel
{
    public IReadOnlyList<PlanListItemDto> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plans = await plans.GetListAsync(cancellationToken);
}

/// <summary>One plan: names, prices, Stripe price ids, visibility, order and every feature value.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Billing)]
public sealed class EditModel(IPlanAdminAppService plans) : ErpPageModel
{
    public string Code { get; private set; } = string.Empty;

    [BindProperty]
    public PlanEditInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        (Code, Input) = await plans.GetAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => plans.UpdateAsync(id, Input, cancellationToken)))
        {
            Flash("Billing:PlanSaved");
            return RedirectToPage("Index");
        }
        // What was typed stays; only the code is read again.
        Code = (await plans.GetAsync(id, cancellationToken)).Code;
        return Page();
    }
}
