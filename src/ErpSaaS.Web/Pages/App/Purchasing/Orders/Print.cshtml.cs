using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Settings;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Orders;

/// <summary>The order as it goes to the supplier: a page of its own to print or save as PDF. Drafts and orders awaiting approval have none.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class PrintModel(IPurchaseOrderAppService orders, ISettingStore settings) : ErpPageModel
{
    public PurchaseOrderDto Order { get; private set; } = null!;
    public string CompanyName { get; private set; } = string.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(id, cancellationToken);
        if (Order.Status is PurchaseOrderStatus.Draft or PurchaseOrderStatus.PendingApproval)
        {
            throw new BusinessException(PurchasingErrorCodes.NotEditable, Order.Number);
        }
        CompanyName = await settings.GetAsync(ErpSettings.CompanyName, cancellationToken);
    }
}
