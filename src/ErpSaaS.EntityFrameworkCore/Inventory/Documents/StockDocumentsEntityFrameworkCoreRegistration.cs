using ErpSaaS.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Documents;

public static class StockDocumentsEntityFrameworkCoreRegistration
{
    /// <summary>Persistence and read side of the stock documents, and the balance reads they need (<see cref="IStockBook"/>).</summary>
    public static IServiceCollection AddErpStockDocumentsPersistence(this IServiceCollection services)
    {
        services.AddScoped<IStockDocumentRepository, StockDocumentRepository>();
        services.AddScoped<IStockDocumentLookups, StockDocumentLookups>();
        services.AddScoped<IStockDocumentQueries, StockDocumentQueries>();
        services.AddScoped<IStockBook, StockBook>();
        return services;
    }
}
