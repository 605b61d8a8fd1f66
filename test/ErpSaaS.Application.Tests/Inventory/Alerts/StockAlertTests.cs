using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Alerts;

/// <summary>Each alert kind appears when its threshold is crossed and disappears when it is not.</summary>
public sealed class StockAlertTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static readonly DateTimeOffset Oct1 = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    private static async Task<(int Safety, int Reorder, int Over)> LevelsAsync(AlertCompany company)
    {
        var counts = (await company.SummaryAsync()).Counts;
        return (counts[StockAlertKind.BelowSafetyStock], counts[StockAlertKind.BelowReorderPoint], counts[StockAlertKind.OverMaximum]);
    }

    [Fact]
    public async Task Safety_stock_reorder_point_and_maximum_alerts_follow_the_quantity_across_their_thresholds()
    {
        var acme = await AlertCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P", safetyStock: 10m, reorderPoint: 20m, maximumStock: 50m);
        await acme.AddProductAsync("QUIET");

        // Nothing on hand yet: below safety stock and at or below the reorder point.
        (await LevelsAsync(acme)).ShouldBe((1, 1, 0));

        await acme.ReceiveAsync("P", 21m, Oct1);
        (await LevelsAsync(acme)).ShouldBe((0, 0, 0));

        await acme.IssueAsync("P", 1m, Oct1.AddHours(1));   // 20: at the reorder point
        (await LevelsAsync(acme)).ShouldBe((0, 1, 0));

        await acme.IssueAsync("P", 10m, Oct1.AddHours(2));  // 10: at safety stock is not below it
        (await LevelsAsync(acme)).ShouldBe((0, 1, 0));

        await acme.IssueAsync("P", 1m, Oct1.AddHours(3));   // 9
        (await LevelsAsync(acme)).ShouldBe((1, 1, 0));
        var safety = (await acme.AlertsAsync(StockAlertKind.BelowSafetyStock)).ShouldHaveSingleItem();
        (safety.ProductCode, safety.Quantity, safety.Threshold, safety.WarehouseId).ShouldBe(("P", 9m, (decimal?)10m, (Guid?)null));

        await acme.ReceiveAsync("P", 41m, Oct1.AddHours(4)); // 50: at the maximum is not over it
        (await LevelsAsync(acme)).ShouldBe((0, 0, 0));

        await acme.ReceiveAsync("P", 1m, Oct1.AddHours(5));    // 51
        (await LevelsAsync(acme)).ShouldBe((0, 0, 1));
        var over = (await acme.AlertsAsync(StockAlertKind.OverMaximum)).ShouldHaveSingleItem();
        (over.Quantity, over.Threshold).ShouldBe((51m, (decimal?)50m));
    }

    [Fact]
    public async Task Stock_is_a_slow_mover_once_nothing_went_out_for_more_than_the_companys_days_in_its_warehouse()
    {
        var acme = await AlertCompany.CreateAsync(fixture, "WH01", "WH02");
        await acme.AddProductAsync("IDLE");
        await acme.ReceiveAsync("IDLE", 10m, Oct1);                 // 2026-10-01, 32 days before today
        await acme.ReceiveAsync("IDLE", 5m, Oct1.AddDays(25), "WH02"); // 2026-10-26, 7 days before today

        (await acme.AlertsAsync(StockAlertKind.SlowMoving)).ShouldBeEmpty(); // default: 90 days

        await acme.SetAsync(StockAlertSettings.SlowMovingDays, 32);
        (await acme.AlertsAsync(StockAlertKind.SlowMoving)).ShouldBeEmpty();

        await acme.SetAsync(StockAlertSettings.SlowMovingDays, 31);
        var slow = (await acme.AlertsAsync(StockAlertKind.SlowMoving)).ShouldHaveSingleItem();
        (slow.ProductCode, slow.WarehouseCode, slow.Quantity, slow.Days, slow.LastIssueAt).ShouldBe(("IDLE", "WH01", 10m, 32, (DateTimeOffset?)null));

        var issuedAt = Oct1.AddDays(19);                            // 2026-10-20: 13 days before today
        await acme.IssueAsync("IDLE", 4m, issuedAt);
        (await acme.AlertsAsync(StockAlertKind.SlowMoving)).ShouldBeEmpty();

        await acme.SetAsync(StockAlertSettings.SlowMovingDays, 12);
        var stillThere = (await acme.AlertsAsync(StockAlertKind.SlowMoving)).ShouldHaveSingleItem();
        (stillThere.WarehouseCode, stillThere.Quantity, stillThere.Days, stillThere.LastIssueAt).ShouldBe(("WH01", 6m, 13, (DateTimeOffset?)issuedAt));

        await acme.IssueAsync("IDLE", 6m, Oct1.AddDays(20));        // nothing left: nothing lies idle
        (await acme.AlertsAsync(StockAlertKind.SlowMoving)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_batch_is_expiring_within_the_companys_days_and_stops_when_it_is_used_up()
    {
        var acme = await AlertCompany.CreateAsync(fixture);
        await acme.AddProductAsync("MILK", batchTracked: true);
        await acme.ReceiveAsync("MILK", 8m, Oct1, batch: "B1", expiry: AlertCompany.Today.AddDays(30));
        await acme.ReceiveAsync("MILK", 6m, Oct1, batch: "B2", expiry: AlertCompany.Today.AddDays(31));

        var expiring = (await acme.AlertsAsync(StockAlertKind.ExpiringBatch)).ShouldHaveSingleItem(); // default: 30 days
        (expiring.BatchNumber, expiring.ExpiryDate, expiring.Days, expiring.Quantity, expiring.WarehouseCode)
            .ShouldBe(("B1", (DateOnly?)new DateOnly(2026, 12, 2), (int?)30, 8m, "WH01"));

        await acme.SetAsync(StockAlertSettings.ExpiryWarningDays, 31);
        (await acme.AlertsAsync(StockAlertKind.ExpiringBatch)).Select(a => (a.BatchNumber, a.Days)).ShouldBe([("B1", 30), ("B2", 31)]);

        await acme.IssueAsync("MILK", 8m, Oct1.AddDays(1), batch: "B1");
        (await acme.AlertsAsync(StockAlertKind.ExpiringBatch)).Select(a => a.BatchNumber).ShouldBe(["B2"]);
        (await acme.SummaryAsync()).Counts[StockAlertKind.ExpiringBatch].ShouldBe(1);
    }

    [Fact]
    public async Task The_list_filters_by_kind_warehouse_and_search_and_pages()
    {
        var acme = await AlertCompany.CreateAsync(fixture, "WH01", "WH02");
        for (var i = 1; i <= 3; i++) await acme.AddProductAsync($"LOW-{i}", safetyStock: 5m);
        await acme.AddProductAsync("OLD");
        await acme.ReceiveAsync("OLD", 1m, Oct1, "WH02");
        await acme.SetAsync(StockAlertSettings.SlowMovingDays, 10);

        var page = await acme.Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAlertAppService>()
            .GetListAsync(new StockAlertListQuery { Kind = StockAlertKind.BelowSafetyStock, PageSize = 2, Page = 2 }));
        (page.TotalCount, page.Items.Single().ProductCode).ShouldBe((3, "LOW-3"));

        var inWh02 = await acme.Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAlertAppService>()
            .GetListAsync(new StockAlertListQuery { WarehouseId = acme.Stock.Warehouse("WH02") }));
        inWh02.Items.Select(a => (a.Kind, a.ProductCode)).ShouldBe([(StockAlertKind.SlowMoving, "OLD")]);

        var searched = await acme.Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAlertAppService>()
            .GetListAsync(new StockAlertListQuery { Search = "low-2" }));
        searched.Items.Select(a => a.ProductCode).ShouldBe(["LOW-2"]);
    }

    [Fact]
    public async Task Alert_days_outside_one_to_3650_are_refused_next_to_the_field()
    {
        var acme = await AlertCompany.CreateAsync(fixture);

        var error = await Should.ThrowAsync<BusinessException>(() => acme.Stock.InCompanyAsync(async sp =>
        {
            await sp.GetRequiredService<IStockAlertAppService>().UpdateSettingsAsync(new StockAlertSettingsInput { SlowMovingDays = 0, ExpiryWarningDays = 30 });
            return true;
        }));

        (error.Code, error.Field).ShouldBe((StockAlertErrorCodes.DaysInvalid, nameof(StockAlertSettingsInput.SlowMovingDays)));
        await acme.Stock.InCompanyAsync(async sp =>
        {
            await sp.GetRequiredService<IStockAlertAppService>().UpdateSettingsAsync(new StockAlertSettingsInput { SlowMovingDays = 60, ExpiryWarningDays = 14 });
            return true;
        });
        var summary = await acme.SummaryAsync();
        (summary.SlowMovingDays, summary.ExpiryWarningDays, summary.Today).ShouldBe((60, 14, AlertCompany.Today));
    }

    [Fact]
    public async Task Another_company_never_sees_the_alerts_suggestions_or_reports_of_the_first()
    {
        var acme = await AlertCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SECRET", safetyStock: 5m, reorderPoint: 5m, reorderQuantity: 10m, batchTracked: true);
        await acme.ReceiveAsync("SECRET", 1m, Oct1, batch: "X", expiry: AlertCompany.Today.AddDays(3));
        await acme.SetAsync(StockAlertSettings.SlowMovingDays, 5);
        (await acme.SummaryAsync()).Total.ShouldBe(4);

        var globex = await AlertCompany.CreateAsync(fixture);

        (await globex.SummaryAsync()).Total.ShouldBe(0);
        (await globex.AlertsAsync()).ShouldBeEmpty();
        (await globex.ReplenishmentAsync(s => s.GetListAsync(new ReplenishmentQuery()))).TotalCount.ShouldBe(0);
        (await globex.ReplenishmentAsync(s => s.GetForProductsAsync([acme.Product("SECRET")]))).ShouldBeEmpty();
        (await globex.ReportsAsync(r => r.GetSlowMovingAsync(new ErpSaaS.Inventory.Reports.SlowMovingQuery { Days = 1 }))).Rows.TotalCount.ShouldBe(0);
        (await globex.ReportsAsync(r => r.GetExpiringBatchesAsync(new ErpSaaS.Inventory.Reports.ExpiringBatchQuery { Days = 3650 }))).Rows.TotalCount.ShouldBe(0);
        (await acme.ReportsAsync(r => r.GetExpiringBatchesAsync(new ErpSaaS.Inventory.Reports.ExpiringBatchQuery()))).Rows.TotalCount.ShouldBe(1);
    }
}
