using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

public sealed class StockInquiryTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static Task<T> Inquiry<T>(StockCompany company, Func<IStockInquiryAppService, Task<T>> work) =>
        company.InCompanyAsync(sp => work(sp.GetRequiredService<IStockInquiryAppService>()));

    /// <summary>Changes a product the way its edit page does.</summary>
    private static Task EditProductAsync(StockCompany company, string code, Action<ProductInput> change) => company.InCompanyAsync(async sp =>
    {
        var products = sp.GetRequiredService<IProductAppService>();
        var input = ProductInput.From(await products.GetAsync(company.Product(code)));
        change(input);
        await products.UpdateAsync(company.Product(code), input);
        return true;
    });

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
    public async Task A_search_sorted_by_code_pages_through_every_row_of_every_product_found_in_either_direction()
    {
        var acme = await StockCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        foreach (var code in new[] { "PIN-A", "PIN-B", "PIN-C", "CLIP-X" }) await acme.AddProductAsync(code);
        await acme.ReceiveAsync("PIN-A", "WH01", 1m, 1m);
        await acme.ReceiveAsync("PIN-A", "WH02", 2m, 1m);
        await acme.ReceiveAsync("PIN-B", "WH02", 3m, 1m);
        await acme.ReceiveAsync("PIN-C", "WH01", 4m, 1m);
        await acme.ReceiveAsync("PIN-C", "WH02", 5m, 1m);
        await acme.ReceiveAsync("CLIP-X", "WH01", 6m, 1m);

        async Task<List<string>> Page(int page, bool desc) =>
            (await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { Search = "pin", Desc = desc, Page = page, PageSize = 2 })))
                .Page.Items.Select(r => $"{r.ProductCode}/{r.WarehouseCode}").ToList();

        (await Page(1, false)).ShouldBe(["PIN-A/WH01", "PIN-A/WH02"]);
        (await Page(2, false)).ShouldBe(["PIN-B/WH02", "PIN-C/WH01"]);
        (await Page(3, false)).ShouldBe(["PIN-C/WH02"]);
        (await Page(4, false)).ShouldBeEmpty();
        (await Page(1, true)).ShouldBe(["PIN-C/WH01", "PIN-C/WH02"]);
        (await Page(2, true)).ShouldBe(["PIN-B/WH02", "PIN-A/WH01"]);
        var all = await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { Search = "pin", PageSize = 2 }));
        (all.Page.TotalCount, all.Page.PageCount, all.Totals.OnHand, all.Totals.Value).ShouldBe((5, 3, 15m, 15.00m));
    }

    [Fact]
    public async Task A_search_made_again_finds_a_product_renamed_given_a_barcode_or_added_since()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        foreach (var code in new[] { "BOLT-M6", "NUT-M6" })
        {
            await acme.AddProductAsync(code);
            await acme.ReceiveAsync(code, "WH01", 10m, 1m);
        }

        async Task<List<string>> Search(string text) =>
            (await Inquiry(acme, s => s.GetOnHandAsync(new StockOnHandQuery { Search = text }))).Page.Items.Select(r => r.ProductCode).ToList();

        (await Search("bolt")).ShouldBe(["BOLT-M6"]);
        (await Search("6901234567892")).ShouldBeEmpty();
        await EditProductAsync(acme, "NUT-M6", p => p.Name = "Bolt nut M6");
        (await Search("bolt")).ShouldBe(["BOLT-M6", "NUT-M6"]);
        await EditProductAsync(acme, "NUT-M6", p => p.Barcodes = ["6901234567892"]);
        (await Search("6901234567892")).ShouldBe(["NUT-M6"]);
        await acme.AddProductAsync("BOLT-M8");
        await acme.ReceiveAsync("BOLT-M8", "WH01", 5m, 1m);
        (await Search("bolt")).ShouldBe(["BOLT-M6", "BOLT-M8", "NUT-M6"]);
    }

    [Fact]
    public async Task The_catalog_stamp_moves_when_a_change_to_what_a_search_matches_commits_and_is_the_companys_own()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        var globex = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("BOLT");
        await globex.AddProductAsync("BOLT");
        static Task<Guid> Stamp(StockCompany company) => company.InCompanyAsync(sp =>
            sp.GetRequiredService<ErpDbContext>().Database.SqlQuery<Guid>($"SELECT stamp AS \"Value\" FROM catalog_stamps").SingleAsync());
        async Task<bool> Moves(Func<Task> change)
        {
            var before = await Stamp(acme);
            await change();
            return await Stamp(acme) != before;
        }

        (await Moves(() => EditProductAsync(acme, "BOLT", p => p.Specification = "M6 x 30"))).ShouldBeTrue();
        (await Moves(() => EditProductAsync(acme, "BOLT", p => p.SalePrice = 1.25m))).ShouldBeFalse();
        (await Moves(async () => await Should.ThrowAsync<InvalidOperationException>(() => acme.InTransactionAsync<bool>(async sp =>
        {
            await sp.GetRequiredService<ProductManager>().CreateAsync("NUT", new ProductDetails { Name = "NUT", BaseUnit = "PCS" });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            throw new InvalidOperationException("rolled back");
        })))).ShouldBeFalse();
        (await Moves(() => acme.AddProductAsync("NUT"))).ShouldBeTrue();
        var theirs = await Stamp(globex);
        (await Moves(() => acme.AddProductAsync("WASHER"))).ShouldBeTrue();
        (await Stamp(globex)).ShouldBe(theirs);
    }

    [Fact]
    public async Task Unsearched_totals_kept_per_warehouse_follow_every_posting_and_reservation_and_stay_inside_the_company()
    {
        var acme = await StockCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        var globex = await StockCompany.CreateAsync(fixture, warehouses: ["WH01"]);
        await acme.AddProductAsync("BOLT");
        await acme.AddProductAsync("NUT");
        await globex.AddProductAsync("BOLT");
        await acme.ReceiveAsync("BOLT", "WH01", 100m, 0.5m);
        await acme.ReceiveAsync("BOLT", "WH02", 40m, 0.5m);
        await acme.ReceiveAsync("NUT", "WH01", 30m, 0.1m);
        await acme.IssueAsync("NUT", "WH01", 30m);
        await acme.AddProductAsync("LOT", batchTracked: true);
        await acme.PostAsync(StockCompany.Posting(StockCompany.Day1, acme.Line("LOT", "WH01", 8m, 2m, batch: "B7")));
        await acme.InTransactionAsync(sp => sp.GetRequiredService<IStockReservations>().TryReserveAllAsync([new StockReservationRequest
        {
            SourceType = "SO", SourceId = Guid.NewGuid(), SourceNumber = "SO-1", SourceLine = 1, ProductId = acme.Product("LOT"),
            WarehouseId = acme.Warehouse("WH01"), BatchNumber = "B7", Quantity = 3m,
        }]));
        await globex.ReceiveAsync("BOLT", "WH01", 999m, 1m);

        async Task<(int Count, decimal OnHand, decimal Reserved, decimal Value)> Totals(StockOnHandQuery query)
        {
            var page = await Inquiry(acme, s => s.GetOnHandAsync(query));
            return (page.Page.TotalCount, page.Totals.OnHand, page.Totals.Reserved, page.Totals.Value);
        }

        // NUT was issued to zero: listed (and counted) only with "include zero".
        (await Totals(new StockOnHandQuery())).ShouldBe((3, 148m, 3m, 86.00m));
        (await Totals(new StockOnHandQuery { IncludeZero = true })).ShouldBe((4, 148m, 3m, 86.00m));
        (await Totals(new StockOnHandQuery { WarehouseId = acme.Warehouse("WH02") })).ShouldBe((1, 40m, 0m, 20.00m));
        var comparison = await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync());
        comparison.Differences.ShouldBeEmpty();
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
