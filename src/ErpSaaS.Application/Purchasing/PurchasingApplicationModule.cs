using ErpSaaS.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Purchasing;

public static class PurchasingApplicationModule
{
    /// <summary>Purchasing's use cases, domain services and its handlers of approval decisions.</summary>
    public static IServiceCollection AddErpPurchasing(this IServiceCollection services)
    {
        services.AddScoped<PurchasingManager>();
        services.AddScoped<PurchasingPosting>();
        services.AddScoped<PurchasingActors>();
        services.AddScoped<PurchaseInvoicing>();
        services.AddScoped<IPurchaseInvoiceAppService, PurchaseInvoiceAppService>();
        services.AddScoped<IPurchaseReturnAppService, PurchaseReturnAppService>();
        services.AddScoped<ISupplierPerformanceAppService, SupplierPerformanceAppService>();
        services.AddScoped<IPurchaseTrackingAppService, PurchaseTrackingAppService>();
        services.AddScoped<IApprovalDecisionHandler, PurchaseInvoiceApprovalHandler>();
        services.AddScoped<IApprovalDecisionHandler, PurchasePaymentApprovalHandler>();
        services.AddScoped<IPurchaseOrderAppService, PurchaseOrderAppService>();
        services.AddScoped<IGoodsReceiptAppService, GoodsReceiptAppService>();
        services.AddScoped<IPurchaseRequisitionAppService, PurchaseRequisitionAppService>();
        services.AddScoped<IPurchaseNeeds, PurchaseNeeds>();
        services.AddScoped<IApprovalDecisionHandler, PurchaseOrderApprovalHandler>();
        services.AddScoped<IApprovalDecisionHandler, PurchaseRequisitionApprovalHandler>();
        return services;
    }
}
