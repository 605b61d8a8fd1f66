using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Sales;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>防超卖: many salespeople confirming at the same moment never reserve the same last unit.</summary>
public sealed class SalesConfirmationConcurrencyTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task A_hundred_parallel_confirmations_for_the_last_units_reserve_exactly_what_is_available_and_refuse_the_rest_clearly()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("HOT", 10m);
        await shop.AddProductAsync("COLD", 10m);
        await shop.ReceiveStockAsync("HOT", 37m, 5m);
        await shop.ReceiveStockAsync("COLD", 1000m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        // Half the orders name the products in the other order: lines lock products in a fixed order, so no deadlock.
        var orders = new List<Guid>();
        for (var i = 0; i < 100; i++) orders.Add(await (i % 2 == 0 ? shop.OrderAsync("C1", ("HOT", 1m), ("COLD", 1m)) : shop.OrderAsync("C1", ("COLD", 1m), ("HOT", 1m))));

        await using var services = shop.Stock.ServicesWithPool(20);
        var outcomes = await Task.WhenAll(orders.Select(id => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(shop.Stock.Tenant);
            scope.ServiceProvider.GetRequiredService<ICurrentUser>().Change(shop.Stock.Admin, "admin");
            var confirmations = scope.ServiceProvider.GetRequiredService<ISalesOrderAppService>();
            try
            {
                var order = await confirmations.GetAsync(id);
                return (await confirmations.ConfirmAsync(id, new SalesActionInput { Version = order.Version })).ToString();
            }
            catch (BusinessException refused)
            {
                return refused.Code;
            }
        })));
        var hot = await shop.LevelAsync("HOT");
        var cold = await shop.LevelAsync("COLD");

        outcomes.Count(o => o == nameof(SalesOrderStatus.Confirmed)).ShouldBe(37);
        outcomes.Where(o => o != nameof(SalesOrderStatus.Confirmed)).ShouldAllBe(o => o == SalesErrorCodes.InsufficientStockNoSupply);
        (hot.OnHand, hot.Reserved, hot.Available).ShouldBe((37m, 37m, 0m));
        (cold.Reserved, cold.Available).ShouldBe((37m, 963m));
    }
}
