using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Web.Tests.Inventory.Alerts;

/// <summary>
/// A company with stock for the alert and report pages: LOW (safety stock 10, reorder point 10, reorder quantity 24,
/// boxes of 12) has 3 PCS at 4.00; MILK has batch B1, 5 PCS at 2.00 expiring 2027-01-01. Both were received on
/// 2026-10-01, so their stock is worth 22.00 at the end of that day.
/// </summary>
public sealed record StockAlertsCompany(Guid Tenant, Guid Admin)
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    public static async Task<StockAlertsCompany> CreateAsync(AdminPagesFactory factory)
    {
        var tenant = await factory.Data.Given.Tenant("alp-" + Guid.NewGuid().ToString("N")[..8]);
        var admin = await factory.Data.Given.User(tenant, "admin", StaticRoles.Admin);
        await factory.Data.AsUserAsync(tenant, admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            return true;
        }));
        var (warehouse, low, milk) = await factory.Data.AsUserAsync(tenant, admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var created = await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main", null, cancellationToken: ct);
            var products = sp.GetRequiredService<ProductManager>();
            var lowRunner = await products.CreateAsync("LOW", new ProductDetails
            {
                Name = "Low runner", BaseUnit = "PCS", SafetyStock = 10m, ReorderPoint = 10m, ReorderQuantity = 24m,
                UnitConversions = [new UnitConversionDetails("BOX", 12m)],
            }, ct);
            var batchTracked = await products.CreateAsync("MILK", new ProductDetails { Name = "Milk", BaseUnit = "PCS", IsBatchTracked = true }, ct);
            return (created.Id, lowRunner.Id, batchTracked.Id);
        }));
        await factory.Data.AsUserAsync(tenant, admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct =>
            sp.GetRequiredService<IStockLedger>().PostAsync(new StockPosting(StockSourceTypes.Opening, Guid.NewGuid(), "OPEN-1", ReceivedAt,
            [
                new StockMovement { ProductId = low, WarehouseId = warehouse, Quantity = 3m, UnitCost = 4m, LineNumber = 1 },
                new StockMovement
                {
                    ProductId = milk, WarehouseId = warehouse, Quantity = 5m, UnitCost = 2m, LineNumber = 2, BatchNumber = "B1", ExpiryDate = new DateOnly(2027, 1, 1),
                },
            ]), ct)));
        return new StockAlertsCompany(tenant, admin);
    }
}
