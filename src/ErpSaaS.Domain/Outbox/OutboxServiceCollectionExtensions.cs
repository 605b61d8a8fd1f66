using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers a handler for its message type. Scoped: the dispatcher resolves it in a scope that already
    /// acts for the message's tenant, so the handler's own dependencies (a DbContext) see only that tenant.
    /// </summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOutboxHandler =>
        services.AddScoped<IOutboxHandler, THandler>();
}
