using ErpSaaS.Catalog;
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

public sealed class StockLedgerPostingTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static Task<StockBalance[]> BalancesAsync(StockCompany company, string product) =>
        company.InCompanyAsync(sp => sp.GetRequiredService<ErpDbContext>().StockBalances.AsNoTracking()
            .Where(b => b.ProductId == company.Product(product)).OrderBy(b => b.OnHand).ToArrayAsync());

    [Fact]
    public async Task A_receipt_then_an_issue_write_two_entries_and_leave_the_balance_at_their_sum()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");

        var receipt = await acme.ReceiveAsync("SKU-1", "WH01", 10m, 4.5m);
        var issue = await acme.IssueAsync("SKU-1", "WH01", 4m, StockCompany.Day1.AddHours(1));

        (receipt.Quantity, receipt.UnitCost, receipt.Value).ShouldBe((10m, 4.5m, 45.00m));
        (issue.Quantity, issue.UnitCost, issue.Value).ShouldBe((-4m, 4.5m, -18.00m));
        var balance = (await BalancesAsync(acme, "SKU-1")).Single();
        (balance.OnHand, balance.Reserved, balance.Available, balance.Value).ShouldBe((6m, 0m, 6m, 27.00m));
        var entries = await acme.InCompanyAsync(sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (from e in db.StockLedgerEntries.AsNoTracking()
                    join v in db.StockEntryValuations on e.Id equals v.Id
                    orderby e.Sequence
                    select new { e.Quantity, v.QuantityAfter, v.ValueAfter, e.UserId }).ToListAsync();
        });
        entries.Select(e => (e.Quantity, e.QuantityAfter, e.ValueAfter)).ShouldBe([(10m, 10m, 45.00m), (-4m, 6m, 27.00m)]);
        entries.ShouldAllBe(e => e.UserId == acme.Admin);
    }

    [Fact]
    public async Task An_issue_beyond_the_balance_is_refused_naming_product_warehouse_available_and_requested_and_changes_nothing()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 3m, 2m);

        var refused = await Should.ThrowAsync<BusinessException>(() => acme.IssueAsync("SKU-1", "WH01", 5m));

        (refused.Code, refused.Field).ShouldBe((InventoryErrorCodes.InsufficientStock, "Movements[0].Quantity"));
        refused.Args.ShouldBe(["SKU-1", "WH01", 3m, 5m]);
        (await BalancesAsync(acme, "SKU-1")).Single().OnHand.ShouldBe(3m);
    }

    [Fact]
    public async Task With_negative_stock_allowed_an_issue_may_take_the_balance_below_zero()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1", standardCost: 2m);
        await acme.SetAsync(InventorySettings.AllowNegativeStock, "true");

        var issue = await acme.IssueAsync("SKU-1", "WH01", 5m);

        (issue.UnitCost, issue.Value).ShouldBe((2m, -10.00m));
        (await BalancesAsync(acme, "SKU-1")).Single().OnHand.ShouldBe(-5m);
    }

    [Fact]
    public async Task Bad_movements_are_refused_next_to_their_field()
    {
        var acme = await StockCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.AddProductAsync("SKU-1");
        await acme.AddProductAsync("LOT-1", batchTracked: true);
        await acme.AddProductAsync("SVC-1", type: ProductType.Service);
        var binOfWh2 = await acme.AddLocationAsync("WH02", "A-01");

        async Task<(string? Field, string Code)> Refused(StockMovement movement)
        {
            var error = await Should.ThrowAsync<BusinessException>(() => acme.PostAsync(StockCompany.Posting(StockCompany.Day1, movement)));
            return (error.Field, error.Code);
        }

        (await Refused(acme.Line("SKU-1", "WH01", 0m))).ShouldBe(("Movements[0].Quantity", InventoryErrorCodes.QuantityInvalid));
        (await Refused(acme.Line("SKU-1", "WH01", 1.23456m))).ShouldBe(("Movements[0].Quantity", InventoryErrorCodes.QuantityInvalid));
        (await Refused(acme.Line("SKU-1", "WH01", -1m, unitCost: 2m))).ShouldBe(("Movements[0].UnitCost", InventoryErrorCodes.UnitCostOnIssue));
        (await Refused(acme.Line("SKU-1", "WH01", 1m, unitCost: -2m))).ShouldBe(("Movements[0].UnitCost", InventoryErrorCodes.UnitCostInvalid));
        (await Refused(acme.Line("SVC-1", "WH01", 1m))).ShouldBe(("Movements[0].ProductId", InventoryErrorCodes.ProductNotStocked));
        (await Refused(acme.Line("SKU-1", "WH01", 1m, location: binOfWh2))).ShouldBe(("Movements[0].LocationId", InventoryErrorCodes.LocationNotInWarehouse));
        (await Refused(acme.Line("LOT-1", "WH01", 1m))).ShouldBe(("Movements[0].BatchNumber", InventoryErrorCodes.BatchRequired));
        (await Refused(acme.Line("SKU-1", "WH01", 1m, batch: "B1"))).ShouldBe(("Movements[0].BatchNumber", InventoryErrorCodes.BatchNotTracked));
        (await Refused(acme.Line("SKU-1", "WH01", 1m, expiry: new DateOnly(2027, 1, 1)))).ShouldBe(("Movements[0].ExpiryDate", InventoryErrorCodes.ExpiryNeedsBatch));
        var count = await acme.InCompanyAsync(sp => sp.GetRequiredService<ErpDbContext>().StockLedgerEntries.CountAsync());
        count.ShouldBe(0);
    }

    [Fact]
    public async Task Batches_and_bins_keep_their_own_balances_and_a_batch_keeps_its_expiry()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("LOT-1", batchTracked: true);
        var bin = await acme.AddLocationAsync("WH01", "A-01");

        await acme.PostAsync(StockCompany.Posting(StockCompany.Day1,
            acme.Line("LOT-1", "WH01", 5m, 1m, line: 1, batch: "B-001", expiry: new DateOnly(2027, 3, 1)),
            acme.Line("LOT-1", "WH01", 7m, 1m, line: 2, location: bin, batch: "B-002")));

        var balances = await BalancesAsync(acme, "LOT-1");
        balances.Select(b => (b.BatchNumber, b.LocationId, b.OnHand, b.ExpiryDate))
            .ShouldBe([("B-001", StockConsts.NoLocation, 5m, (DateOnly?)new DateOnly(2027, 3, 1)), ("B-002", bin, 7m, null)]);
    }
}
