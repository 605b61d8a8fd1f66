using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Billing;

/// <summary>
/// Runs work on the host's database (subscriptions, invoices and bank-transfer orders are host tables) from inside a
/// tenant: a new scope whose current tenant is the host, so a tenant with its own database still reaches them.
/// </summary>
public sealed class HostScope(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(null))
        {
            return await work(scope.ServiceProvider);
        }
    }
}
