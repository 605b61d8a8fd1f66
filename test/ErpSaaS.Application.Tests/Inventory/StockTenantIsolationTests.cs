using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

/// <summary>Globex knows Acme's ids (a leaked link, a guess) and tries them everywhere stock is read or written.</summary>
public sealed class StockTenantIsolationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task Another_company_can_neither_read_nor_move_nor_reserve_stock_by_id()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        var globex = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SECRET");
        await acme.ReceiveAsync("SECRET", "WH01", 10m, 99m);
        var product = acme.Product("SECRET");
        var warehouse = acme.Warehouse("WH01");

        var (entries, balances, bySql) = await globex.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.StockLedgerEntries.CountAsync(), await db.StockBalances.CountAsync(),
                await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM stock_ledger_entries").SingleAsync());
        });
        var onHand = await globex.InCompanyAsync(sp => sp.GetRequiredService<IStockInquiryAppService>().GetOnHandAsync(new StockOnHandQuery { IncludeZero = true }));
        var value = await globex.InCompanyAsync(sp => sp.GetRequiredService<IStockInquiryAppService>().GetValueAsync(new StockValueQuery()));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.InCompanyAsync(sp => sp.GetRequiredService<IStockInquiryAppService>().GetProductAsync(product)));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.InCompanyAsync(sp =>
            sp.GetRequiredService<IStockInquiryAppService>().GetMovementsAsync(product, new StockMovementQuery())));
        var issue = await Should.ThrowAsync<BusinessException>(() => globex.InTransactionAsync(sp => sp.GetRequiredService<IStockLedger>().PostAsync(
            StockCompany.Posting(StockCompany.Day1, new StockMovement { ProductId = product, WarehouseId = warehouse, Quantity = -10m }))));
        var reserve = await Should.ThrowAsync<BusinessException>(() => globex.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockReservations>().ReserveAsync(new StockReservationRequest
            {
                SourceType = "SalesOrder", SourceId = Guid.NewGuid(), SourceNumber = "SO-1", SourceLine = 1, ProductId = product, WarehouseId = warehouse, Quantity = 1m,
            });
            return true;
        }));
        var levels = await globex.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([product]));
        var globexCheck = await globex.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync());

        (entries, balances, bySql).ShouldBe((0, 0, 0));
        onHand.Page.TotalCount.ShouldBe(0);
        value.Page.TotalCount.ShouldBe(0);
        issue.Code.ShouldBe(InventoryErrorCodes.ProductNotStocked);
        reserve.Code.ShouldBe(InventoryErrorCodes.ProductNotStocked);
        levels[product].OnHand.ShouldBe(0m);
        (globexCheck.CheckedRows, globexCheck.Differences.Count).ShouldBe((0, 0));
        var acmeBalance = await acme.InCompanyAsync(sp => sp.GetRequiredService<ErpDbContext>().StockBalances.SingleAsync());
        (acmeBalance.OnHand, acmeBalance.Reserved).ShouldBe((10m, 0m));
    }
}
