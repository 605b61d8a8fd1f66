using ErpSaaS.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Inventory.Documents;

public static class StockDocumentsApplicationModule
{
    /// <summary>
    /// The stock documents' use cases and domain services (openings, transfers, adjustments, counts), and the handler
    /// of approval decisions on stock adjustments.
    /// </summary>
    public static IServiceCollection AddErpStockDocuments(this IServiceCollection services)
    {
        services.AddScoped<StockDocumentManager>();
        services.AddScoped<StockDocumentPosting>();
        services.AddScoped<StockDocumentActors>();
        services.AddScoped<StockDocumentActions>();
        services.AddScoped<IOpeningBalanceAppService, OpeningBalanceAppService>();
        services.AddScoped<IStockTransferAppService, StockTransferAppService>();
        services.AddScoped<IStockAdjustmentAppService, StockAdjustmentAppService>();
        services.AddScoped<StockAdjustmentApprovals>();
        services.AddScoped<IApprovalDecisionHandler, StockAdjustmentApprovalHandler>();
        services.AddScoped<IStockCountAppService, StockCountAppService>();
        services.AddScoped<IStockDocumentAppService, StockDocumentAppService>();
        services.AddScoped<OpeningStockSampleData>();
        return services;
    }
}
