using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Returns;

/// <summary>
/// A return of a posted delivery: one row per delivery line with what can still come back, the reason, and whether
/// the goods go back to the delivery's warehouse or to a quarantine warehouse.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class CreateModel(ISalesDeliveryAppService deliveries, ISalesReturnAppService returns) : ErpPageModel
{
    public SalesDeliveryDto Delivery { get; private set; } = null!;
    public IReadOnlyList<SalesPartyDto> QuarantineWarehouses { get; private set; } = [];

    [BindProperty]
    public SalesReturnInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await LoadAsync(deliveryId, cancellationToken);
        Input = new SalesReturnInput
        {
            RequestId = Guid.NewGuid(), DeliveryId = deliveryId, QuarantineWarehouseId = QuarantineWarehouses.Count > 0 ? QuarantineWarehouses[0].Id : null,
            Lines = [.. Delivery.Lines.Select(l => new SalesReturnLineInput { DeliveryLineNumber = l.LineNumber })],
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await LoadAsync(deliveryId, cancellationToken);
        Input.DeliveryId = deliveryId;
        if (!ModelState.IsValid) return Page();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await returns.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Sales:ReturnPosted"].Value;
            return Redirect($"/app/sales/returns/{id}");
        }
        return Page();
    }

    private async Task LoadAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        Delivery = await deliveries.GetAsync(deliveryId, cancellationToken);
        QuarantineWarehouses = await returns.GetQuarantineWarehousesAsync(cancellationToken);
    }
}
