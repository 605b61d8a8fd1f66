using ErpSaaS.Application.Tests.Inventory.Alerts;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Reports;
using Microsoft.Extensions.DependencyInjection;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Reports;

/// <summary>
/// Reports over a moving-average week like <see cref="StockValuationTests"/>' (receive 100 @ 10 on day 1, issue 30 on
/// day 3, receive 50 @ 13 on day 5 into a second warehouse, issue 40 on day 6), valued at the close of chosen days by
/// the stock inquiry before and after a receipt of 20 @ 16 is booked late for day 2; then slow movers and expiring
/// batches. Days are October 2026; postings happen at 02:00 UTC (10:00 in the company's Asia/Shanghai).
/// </summary>
public sealed class StockValueReportTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static DateTimeOffset Day(int day) => new(2026, 10, day, 2, 0, 0, TimeSpan.Zero);

    private static async Task<(decimal Quantity, decimal Value)> ValueAtAsync(AlertCompany company, int day, string? warehouse = null)
    {
        var report = await company.Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockInquiryAppService>().GetValueAsync(new StockValueQuery
        {
            Date = new DateOnly(2026, 10, day), WarehouseId = warehouse is null ? null : company.Stock.Warehouse(warehouse),
        }));
        report.Page.Items.Sum(r => r.Quantity).ShouldBe(report.TotalQuantity);
        return (report.TotalQuantity, report.TotalValue);
    }

    [Fact]
    public async Task Stock_value_at_a_past_date_ignores_later_movements_and_follows_a_backdated_receipt()
    {
        var acme = await AlertCompany.CreateAsync(fixture, "WH01", "WH02");
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", 100m, Day(1), unitCost: 10m);
        await acme.IssueAsync("P", 30m, Day(3));
        await acme.ReceiveAsync("P", 50m, Day(5), "WH02", unitCost: 13m);
        await acme.IssueAsync("P", 40m, Day(6));

        (await ValueAtAsync(acme, 1)).ShouldBe((100m, 1000.00m));
        (await ValueAtAsync(acme, 3)).ShouldBe((70m, 700.00m));
        (await ValueAtAsync(acme, 5)).ShouldBe((120m, 1350.00m));
        (await ValueAtAsync(acme, 6)).ShouldBe((80m, 900.00m));   // 40 went out at the average 11.25

        await acme.ReceiveAsync("P", 20m, Day(2), unitCost: 16m);

        (await ValueAtAsync(acme, 1)).ShouldBe((100m, 1000.00m));
        (await ValueAtAsync(acme, 2)).ShouldBe((120m, 1320.00m));
        (await ValueAtAsync(acme, 3)).ShouldBe((90m, 990.00m));   // the day-3 issue is revalued at 11.00
        (await ValueAtAsync(acme, 5)).ShouldBe((140m, 1640.00m));
        (await ValueAtAsync(acme, 6)).ShouldBe((100m, 1171.43m)); // and the day-6 issue at 1640 / 140
        (await ValueAtAsync(acme, 6, "WH02")).ShouldBe((50m, 650.00m));
        (await ValueAtAsync(acme, 6, "WH01")).ShouldBe((50m, 521.43m));
    }

    [Fact]
    public async Task Slow_moving_and_expiring_reports_list_days_quantities_values_and_totals()
    {
        var acme = await AlertCompany.CreateAsync(fixture);
        await acme.AddProductAsync("OLD");
        await acme.AddProductAsync("MILK", batchTracked: true);
        await acme.ReceiveAsync("OLD", 10m, Day(1));                   // 10 × 2.50
        await acme.IssueAsync("OLD", 2m, Day(10));                     // 2026-10-10: 23 days before today
        await acme.ReceiveAsync("MILK", 4m, Day(1), batch: "M1", expiry: new DateOnly(2026, 11, 1)); // expired yesterday
        await acme.ReceiveAsync("MILK", 6m, Day(1), batch: "M2", expiry: new DateOnly(2026, 11, 12));
        await acme.ReceiveAsync("MILK", 9m, Day(1), batch: "M3", expiry: new DateOnly(2027, 1, 1));

        var slow = await acme.ReportsAsync(r => r.GetSlowMovingAsync(new SlowMovingQuery { Days = 20 }));
        slow.Rows.Items.Select(r => (r.ProductCode, r.DaysIdle, r.Quantity, r.Value)).ShouldBe([("MILK", 32, 19m, 47.50m), ("OLD", 23, 8m, 20.00m)]);
        (slow.TotalQuantity, slow.TotalValue, slow.Days).ShouldBe((27m, 67.50m, (int?)20));
        (await acme.ReportsAsync(r => r.GetSlowMovingAsync(new SlowMovingQuery { Days = 23, Search = "old" }))).Rows.TotalCount.ShouldBe(0);

        var expiring = await acme.ReportsAsync(r => r.GetExpiringBatchesAsync(new ExpiringBatchQuery { Days = 10 }));
        expiring.Rows.Items.Select(r => (r.BatchNumber, r.DaysLeft, r.Quantity, r.Value)).ShouldBe([("M1", -1, 4m, 10.00m), ("M2", 10, 6m, 15.00m)]);
        (expiring.TotalQuantity, expiring.TotalValue).ShouldBe((10m, 25.00m));
        var error = await Should.ThrowAsync<BusinessException>(() => acme.ReportsAsync(r => r.GetExpiringBatchesAsync(new ExpiringBatchQuery { Days = 0 })));
        (error.Code, error.Field).ShouldBe((StockAlertErrorCodes.DaysInvalid, nameof(ExpiringBatchQuery.Days)));
    }
}
