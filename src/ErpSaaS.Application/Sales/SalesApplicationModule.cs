using ErpSaaS.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Sales;

public static class SalesApplicationModule
{
    /// <summary>Sales use cases (orders, deliveries, invoices and receipts), their approval handlers, the billing usage row, and back orders served when stock arrives.</summary>
    public static IServiceCollection AddErpSales(this IServiceCollection services)
    {
        services.AddScoped<SalesManager>();
        services.AddScoped<SalesActors>();
        services.AddScoped<SalesInputs>();
        services.AddScoped<ISalesQuotationAppService, SalesQuotationAppService>();
        services.AddScoped<SalesStock>();
        services.AddScoped<SalesApprovals>();
        services.AddScoped<SalesOrderApprovalOutcome>();
        services.AddScoped<IApprovalDecisionHandler, SalesDiscountApprovalHandler>();
        services.AddScoped<IApprovalDecisionHandler, SalesCreditApprovalHandler>();
        services.AddScoped<Billing.IUsageContributor, SalesOrdersUsageContributor>();
        services.AddScoped<ISalesOrderAppService, SalesOrderAppService>();
        services.AddScoped<ISalesDeliveryAppService, SalesDeliveryAppService>();
        services.AddScoped<ISalesInvoiceAppService, SalesInvoiceAppService>();
        services.AddScoped<ISalesReturnAppService, SalesReturnAppService>();
        services.AddScoped<ISalesTrackingAppService, SalesTrackingAppService>();
        services.AddScoped<SalesShortages>();
        services.AddScoped<ISalesShortages>(provider => provider.GetRequiredService<SalesShortages>());
        services.AddScoped<Inventory.IStockArrivalHandler, SalesBackOrderArrivals>();
        return services;
    }
}
