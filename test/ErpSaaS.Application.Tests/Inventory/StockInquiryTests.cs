using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

public sealed class StockInquiryTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static Task<T> Inquiry<T>(StockCompany company, Func<IStockInquiryAppService, Task<T>> work) =>
        company.InCompanyAsync(sp => work(sp.GetRequiredService<IStockInquiryAppService>()));

    [Fact]
    public async Task Stock_on_hand_filters_by_warehouse_and_search_and_totals_the_whole_filter()
    {
        var acme = await StockCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.AddProductAsync("BOLT-M6");
        await acme.AddProductAsync("NUT-M6");
        await acme.ReceiveAsync("BOLT-M6", "WH01", 100m, 0.5m);
        await acme.ReceiveAsync("BOLT-M6", "WH02", 40m, 0.5m);
        await acme.ReceiveAsync("NUT-M6", "WH01", 300m, 0.1m);

        var bolts = await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { Search = "bolt", PageSize = 1 }));
        var wh1 = await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { WarehouseId = acme.Warehouse("WH01") }));

        (bolts.Page.TotalCount, bolts.Page.Items.Count, bolts.Totals.OnHand, bolts.Totals.Value).ShouldBe((2, 1, 140m, 70.00m));
        wh1.Page.Items.Select(r => (r.ProductCode, r.OnHand)).ShouldBe([("BOLT-M6", 100m), ("NUT-M6", 300m)]);
        wh1.Totals.Value.ShouldBe(80.00m);
    }

    [Fact]
    public async Task Stock_on_hand_sorted_by_quantity_pages_through_ties_in_code_order_and_a_search_finds_batches()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        foreach (var (code, quantity) in new[] { ("A-1", 5m), ("B-1", 9m), ("C-1", 5m), ("D-1", 5m), ("E-1", 2m) })
        {
            await acme.AddProductAsync(code);
            await acme.ReceiveAsync(code, "WH01", quantity, 1m);
        }
        await acme.AddProductAsync("LOT-1", batchTracked: true);
        await acme.PostAsync(StockCompany.Posting(StockCompany.Day1, acme.Line("LOT-1", "WH01", 1m, 1m, batch: "ZX-42")));

        async Task<List<string>> Page(int page, bool desc) =>
            (await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { Sort = "onhand", Desc = desc, Page = page, PageSize = 2 })))
                .Page.Items.Select(r => r.ProductCode).ToList();

        (await Page(1, true)).ShouldBe(["B-1", "A-1"]);
        (await Page(2, true)).ShouldBe(["C-1", "D-1"]);
        (await Page(3, true)).ShouldBe(["E-1", "LOT-1"]);
        (await Page(2, false)).ShouldBe(["A-1", "C-1"]);
        var batch = await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { Search = "zx-4" }));
        (batch.Page.TotalCount, batch.Page.Items.Single().ProductCode, batch.Totals.OnHand).ShouldBe((1, "LOT-1", 1m));
    }

    [Fact]
    public async Task Stock_value_at_a_date_is_what_the_ledger_held_at_the_close_of_that_day_including_late_postings()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 10m, 5m, StockCompany.Day1);
        await acme.IssueAsync("P", "WH01", 4m, StockCompany.Day1.AddDays(2));
        await acme.ReceiveAsync("P", "WH01", 2m, 8m, StockCompany.Day1.AddDays(1));

        async Task<(decimal, decimal)> At(int day)
        {
            var page = await Inquiry(acme, s => s.GetValueAsync(new StockValueQuery { Date = DateOnly.FromDateTime(StockCompany.Day1.AddDays(day).UtcDateTime) }));
            return (page.TotalQuantity, page.TotalValue);
        }

        (await At(0)).ShouldBe((10m, 50.00m));
        (await At(1)).ShouldBe((12m, 66.00m));
        (await At(2)).ShouldBe((8m, 44.00m));
        var future = await Should.ThrowAsync<BusinessException>(() => Inquiry(acme, s => s.GetValueAsync(new StockValueQuery { Date = new DateOnly(2099, 1, 1) })));
        (future.Field, future.Code).ShouldBe(("Date", InventoryErrorCodes.ValueDateInFuture));
    }

    [Fact]
    public async Task A_products_movements_list_newest_first_with_running_balances()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 10m, 5m, StockCompany.Day1);
        await acme.IssueAsync("P", "WH01", 4m, StockCompany.Day1.AddDays(2));

        var product = await Inquiry(acme, s => s.GetProductAsync(acme.Product("P")));
        var movements = await Inquiry(acme, s => s.GetMovementsAsync(acme.Product("P"), new StockMovementQuery()));

        (product.OnHand, product.Value, product.Levels.Single().WarehouseCode).ShouldBe((6m, 30.00m, "WH01"));
        movements.Items.Select(m => (m.Quantity, m.QuantityAfter, m.ValueAfter)).ShouldBe([(-4m, 6m, 30.00m), (10m, 10m, 50.00m)]);
    }

    [Fact]
    public async Task Once_stock_is_posted_the_valuation_scope_and_the_products_valuation_method_stay_as_they_are()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");

        async Task ChangeScopeAsync(StockValuationScope scope) => await acme.InCompanyAsync(async sp =>
        {
            var settings = sp.GetRequiredService<ISettingsAppService>();
            var input = await settings.GetAsync();
            input.Options[InventorySettings.ValuationScope] = scope.ToString();
            await settings.UpdateAsync(input);
            return true;
        });

        await ChangeScopeAsync(StockValuationScope.Warehouse);
        await acme.ReceiveAsync("P", "WH01", 1m, 1m);
        var scope = await Should.ThrowAsync<BusinessException>(() => ChangeScopeAsync(StockValuationScope.Company));
        var method = await Should.ThrowAsync<BusinessException>(() => acme.InTransactionAsync(async sp =>
        {
            var product = (await sp.GetRequiredService<IProductRepository>().FindAsync(acme.Product("P")))!;
            await sp.GetRequiredService<ProductManager>().UpdateAsync(product, new ProductDetails { Name = "P", BaseUnit = "PCS", ValuationMethod = ValuationMethod.Fifo });
            return true;
        }));

        (scope.Field, scope.Code).ShouldBe(("Options[Inventory.ValuationScope]", InventoryErrorCodes.ValuationScopeLocked));
        method.Code.ShouldBe(CatalogErrorCodes.ProductInUseKeepsUnitAndValuation);
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<ISettingStore>().GetAsync(InventorySettings.ValuationScope))).ShouldBe("Warehouse");
    }
}
