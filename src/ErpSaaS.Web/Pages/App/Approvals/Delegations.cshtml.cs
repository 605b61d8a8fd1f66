using ErpSaaS.Approvals;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Approvals;

/// <summary>The signed-in user's absence and delegate: any user of the company may set their own.</summary>
public sealed class DelegationsModel(IApprovalDelegationAppService delegations) : AdminPageModel
{
    public ApprovalDelegationDto? Current { get; private set; }
    public IReadOnlyList<ApprovalOptionDto> Delegates { get; private set; } = [];

    [BindProperty]
    public ApprovalDelegationInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Current is { } current) Input = new ApprovalDelegationInput { DelegateId = current.DelegateId, AbsentFrom = current.AbsentFrom, AbsentTo = current.AbsentTo };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => delegations.SaveAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Approvals:DelegationSaved"].Value;
            return RedirectToPage();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        await delegations.ClearAsync(cancellationToken);
        TempData["Message"] = L["Approvals:DelegationCleared"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await delegations.GetMineAsync(cancellationToken);
        Delegates = await delegations.GetDelegateOptionsAsync(cancellationToken);
    }
}
