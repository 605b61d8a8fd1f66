using ErpSaaS.EntityFrameworkCore.Outbox;
using ErpSaaS.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore;

public static class ErpOutboxModule
{
    /// <summary>The transactional outbox: <see cref="IOutbox"/> for writers, the dispatcher, the operator's monitor.</summary>
    public static IServiceCollection AddErpOutbox(this IServiceCollection services)
    {
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddScoped<IOutboxMonitor, OutboxMonitor>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
