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

/// <summary>Worked examples with exact figures: the week of one product, then a receipt booked late for day 2.</summary>
public sealed class StockValuationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static DateTimeOffset Day(int day) => StockCompany.Day1.AddDays(day - 1);

    /// <summary>Receive 100 @ 10, issue 30, receive 50 @ 13, issue the given quantity, and take 10 of that issue back at its cost.</summary>
    private static async Task<PostedMovement> WeekAsync(StockCompany company, decimal secondIssue)
    {
        await company.ReceiveAsync("P", "WH01", 100m, 10m, Day(1));
        await company.IssueAsync("P", "WH01", 30m, Day(3));
        await company.ReceiveAsync("P", "WH01", 50m, 13m, Day(5));
        var issue = await company.IssueAsync("P", "WH01", secondIssue, Day(6));
        await company.ReceiveAsync("P", "WH01", 10m, issue.UnitCost, Day(6).AddHours(2));
        return issue;
    }

    private static Task<List<(decimal Quantity, decimal UnitCost, decimal Value, decimal QuantityAfter, decimal ValueAfter)>> EntriesAsync(StockCompany company) =>
        company.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await (from e in db.StockLedgerEntries.AsNoTracking()
                           join v in db.StockEntryValuations on e.Id equals v.Id
                           orderby e.PostedAt, e.Sequence
                           select new { e.Quantity, v.UnitCost, v.Value, v.QuantityAfter, v.ValueAfter }).ToListAsync())
                .Select(e => (e.Quantity, e.UnitCost, e.Value, e.QuantityAfter, e.ValueAfter)).ToList();
        });

    private static Task<(decimal OnHand, decimal Value, decimal PoolQuantity, decimal PoolValue)> TotalsAsync(StockCompany company) =>
        company.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var balance = await db.StockBalances.AsNoTracking().SingleAsync();
            var pool = await db.StockValuations.AsNoTracking().SingleAsync();
            return (balance.OnHand, balance.Value, pool.Quantity, pool.Value);
        });

    [Fact]
    public async Task Moving_average_values_issues_at_the_average_and_a_return_comes_back_at_the_issues_cost()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");

        var issue = await WeekAsync(acme, 40m);

        (issue.UnitCost, issue.Value).ShouldBe((11.25m, -450.00m));
        (await EntriesAsync(acme)).ShouldBe(
        [
            (100m, 10m, 1000.00m, 100m, 1000.00m),
            (-30m, 10m, -300.00m, 70m, 700.00m),
            (50m, 13m, 650.00m, 120m, 1350.00m),
            (-40m, 11.25m, -450.00m, 80m, 900.00m),
            (10m, 11.25m, 112.50m, 90m, 1012.50m),
        ]);
        (await TotalsAsync(acme)).ShouldBe((90m, 1012.50m, 90m, 1012.50m));
    }

    [Fact]
    public async Task A_receipt_backdated_to_day_two_revalues_every_later_moving_average_entry()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await WeekAsync(acme, 40m);

        var late = await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(2));

        (late.Quantity, late.UnitCost, late.Value).ShouldBe((20m, 16m, 320.00m));
        (await EntriesAsync(acme)).ShouldBe(
        [
            (100m, 10m, 1000.00m, 100m, 1000.00m),
            (20m, 16m, 320.00m, 120m, 1320.00m),
            (-30m, 11m, -330.00m, 90m, 990.00m),
            (50m, 13m, 650.00m, 140m, 1640.00m),
            (-40m, 11.71425m, -468.57m, 100m, 1171.43m),
            (10m, 11.25m, 112.50m, 110m, 1283.93m),
        ]);
        (await TotalsAsync(acme)).ShouldBe((110m, 1283.93m, 110m, 1283.93m));
    }

    [Fact]
    public async Task Fifo_issues_take_the_oldest_layers_first_and_a_return_comes_back_as_a_layer_at_the_issues_cost()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P", ValuationMethod.Fifo);

        var issue = await WeekAsync(acme, 80m);

        (issue.UnitCost, issue.Value).ShouldBe((10.375m, -830.00m));
        (await EntriesAsync(acme)).Select(e => e.Value).ShouldBe([1000.00m, -300.00m, 650.00m, -830.00m, 103.75m]);
        (await TotalsAsync(acme)).ShouldBe((50m, 623.75m, 50m, 623.75m));
        (await LayersAsync(acme)).ShouldBe([(100m, 0m, 10m), (50m, 40m, 13m), (10m, 10m, 10.375m)]);
    }

    [Fact]
    public async Task A_receipt_backdated_to_day_two_becomes_the_second_fifo_layer_and_later_issues_are_costed_again()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P", ValuationMethod.Fifo);
        await WeekAsync(acme, 80m);

        var late = await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(2));

        (late.UnitCost, late.Value).ShouldBe((16m, 320.00m));
        (await EntriesAsync(acme)).ShouldBe(
        [
            (100m, 10m, 1000.00m, 100m, 1000.00m),
            (20m, 16m, 320.00m, 120m, 1320.00m),
            (-30m, 10m, -300.00m, 90m, 1020.00m),
            (50m, 13m, 650.00m, 140m, 1670.00m),
            (-80m, 10.75m, -860.00m, 60m, 810.00m),
            (10m, 10.375m, 103.75m, 70m, 913.75m),
        ]);
        (await TotalsAsync(acme)).ShouldBe((70m, 913.75m, 70m, 913.75m));
        (await LayersAsync(acme)).ShouldBe([(100m, 0m, 10m), (20m, 10m, 16m), (50m, 50m, 13m), (10m, 10m, 10.375m)]);
    }

    [Fact]
    public async Task A_backdated_issue_that_the_stock_of_its_day_cannot_cover_is_refused_and_changes_nothing()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 10m, 3m, Day(5));

        var refused = await Should.ThrowAsync<BusinessException>(() => acme.IssueAsync("P", "WH01", 4m, Day(1)));

        (refused.Code, refused.Args[2], refused.Args[3]).ShouldBe((InventoryErrorCodes.InsufficientStock, (object?)0m, (object?)4m));
        (await EntriesAsync(acme)).Count.ShouldBe(1);
        (await TotalsAsync(acme)).ShouldBe((10m, 30.00m, 10m, 30.00m));
    }

    private static Task<List<(decimal Quantity, decimal Remaining, decimal UnitCost)>> LayersAsync(StockCompany company) =>
        company.InCompanyAsync(async sp => (await sp.GetRequiredService<ErpDbContext>().StockCostLayers.AsNoTracking()
                .OrderBy(l => l.PostedAt).ThenBy(l => l.Sequence).ToListAsync())
            .Select(l => (l.Quantity, l.Remaining, l.UnitCost)).ToList());
}
