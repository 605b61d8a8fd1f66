using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Orders;

/// <summary>
/// An order's page: header with what is left to deliver, invoice and receive; while a draft the lines form and the
/// available-to-promise of each line; the approval's steps; confirm (all or nothing, or with a back order where the
/// company allows it), reserve back orders, cancel, amend (cancel and a draft copy) and "deliver" (the quantities of a delivery, at most what is reserved).
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class DetailsModel(ISalesOrderAppService orders, ISalesDeliveryAppService deliveries, IApprovalRequests approvals) : ErpPageModel
{
    public SalesOrderDto Order { get; private set; } = null!;
    public SalesOptionsDto Options { get; private set; } = null!;
    public IReadOnlyList<SalesLineAvailabilityDto> Availability { get; private set; } = [];
    public IReadOnlyList<ApprovalRequestDto> ApprovalRequests { get; private set; } = [];
    public IReadOnlyList<SalesShortLineDto> ShortLines { get; private set; } = [];
    public ShortageAction ShortageAction { get; private set; }
    public bool BackOrdersAllowed { get; private set; }

    [BindProperty]
    public SalesOrderInput Input { get; set; } = new();

    [BindProperty]
    public SalesActionInput Action { get; set; } = new();

    [BindProperty]
    public SalesAmendInput Amend { get; set; } = new();

    [BindProperty]
    public SalesDeliveryInput Delivery { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = Order.ToInput();
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines);
        Delivery = new SalesDeliveryInput
        {
            RequestId = Guid.NewGuid(), OrderId = id,
            Lines = [.. Order.Lines.Select(l => new SalesDeliveryLineInput
            {
                OrderLineNumber = l.LineNumber, Quantity = (l.OpenQuantity - l.BackOrderedQuantity) * l.Quantity / l.BaseQuantity,
            })],
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        if (await TryAsync(() => orders.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Sales:DraftSaved"].Value;
            return RedirectToPage(new { id });
        }
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines, 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinesAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        Input.Lines = StockDocumentForms.WithBlankRows(StockDocumentForms.Filled(Input.Lines, l => l.IsBlank), StockDocumentForms.MoreRows);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        var status = SalesOrderStatus.Draft;
        // A short line is named by its field ("Lines[1].Quantity"): the message goes next to that line of the form.
        if (IsValidFor(nameof(Action)) && await TryAsync(async () => status = await orders.ConfirmAsync(id, Action, cancellationToken)))
        {
            TempData["Message"] = L[status == SalesOrderStatus.PendingApproval ? "Sales:SubmittedForApproval"
                : Action.BackOrder ? "Sales:ConfirmedWithBackOrderMessage" : "Sales:ConfirmedMessage"].Value;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>Reserves what is available now for the back-ordered lines (stock arriving does it by itself too).</summary>
    public async Task<IActionResult> OnPostReserveBackOrdersAsync(Guid id, CancellationToken cancellationToken)
    {
        SalesBackOrderResultDto? result = null;
        if (await TryAsync(async () => result = await orders.ReserveBackOrdersAsync(id, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Sales:BackOrdersReservedMessage", result!.Reserved.ToString("0.####"), result.StillBackOrdered.ToString("0.####")].Value;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>The "suggestion" setting's button: a draft requisition for each short line that has none.</summary>
    public async Task<IActionResult> OnPostRaiseRequisitionsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => orders.RaisePurchaseNeedsAsync(id, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Sales:RequisitionsRaised"].Value;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(() => orders.CancelAsync(id, Action, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Sales:CancelledMessage"].Value;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>Amending cancels this order (its reservations released) and opens its draft copy, where the change is made.</summary>
    public async Task<IActionResult> OnPostAmendAsync(Guid id, CancellationToken cancellationToken)
    {
        var copy = Guid.Empty;
        if (IsValidFor(nameof(Amend)) && await TryAsync(async () => copy = await orders.AmendAsync(id, Amend, cancellationToken), nameof(Amend)))
        {
            TempData["Message"] = L["Sales:AmendedMessage"].Value;
            return RedirectToPage(new { id = copy });
        }
        var kept = Amend.Reason;
        await RedisplayAsync(id, cancellationToken);
        Amend.Reason = kept;
        return Page();
    }

    public async Task<IActionResult> OnPostDeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        Delivery.OrderId = id;
        Delivery.Lines = [.. Delivery.Lines.Where(l => l.Quantity is > 0m)];
        var deliveryId = Guid.Empty;
        if (IsValidFor(nameof(Delivery)) && await TryAsync(async () => deliveryId = await deliveries.CreateAsync(Delivery, cancellationToken), nameof(Delivery)))
        {
            TempData["Message"] = L["Sales:DeliveryCreated"].Value;
            return Redirect($"/app/sales/deliveries/{deliveryId}");
        }
        var kept = Delivery;
        await RedisplayAsync(id, cancellationToken);
        Delivery = kept;
        return Page();
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
        await OnGetAsync(id, cancellationToken);
        ModelState.Clear();
        // Without the draft's form (an approved order) a line's message has no field to sit next to: it goes to the summary.
        foreach (var (key, message) in errors) ModelState.AddModelError(Order.IsDraft || !key.StartsWith(InputPrefix + ".", StringComparison.Ordinal) ? key : string.Empty, message);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(id, cancellationToken);
        Options = await orders.GetOptionsAsync(cancellationToken);
        BackOrdersAllowed = await orders.BackOrdersAllowedAsync(cancellationToken);
        if (Order.Status is SalesOrderStatus.Draft or SalesOrderStatus.Approved or SalesOrderStatus.PendingApproval)
        {
            Availability = await orders.GetAvailabilityAsync(id, cancellationToken);
            if (Availability.Any(a => a.ShortQuantity > 0m)) (ShortageAction, ShortLines) = await orders.GetShortagesAsync(id, cancellationToken);
        }
        else if (Order.IsBackOrdered)
        {
            (ShortageAction, ShortLines) = await orders.GetShortagesAsync(id, cancellationToken);
        }
        var requests = new List<ApprovalRequestDto>();
        foreach (var type in new[] { ApprovalDocumentType.SalesDiscount, ApprovalDocumentType.SalesOrderCredit })
        {
            if (await approvals.FindAsync(type, id, cancellationToken) is { } request) requests.Add(request);
        }
        ApprovalRequests = requests;
    }
}
