using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Deliveries;

/// <summary>The printable pick list: what to take from where, batch-tracked stock first to expire first.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class PickListModel(ISalesDeliveryAppService deliveries) : ErpPageModel
{
    public SalesDeliveryDto Delivery { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Delivery = await deliveries.GetAsync(id, cancellationToken);
}
