using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Catalog;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

using static ErpSaaS.Application.Tests.ImportExport.ImportTestData;

namespace ErpSaaS.Application.Tests.ImportExport;

public sealed class PriceListImportTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private const string Header = "price_list,currency,valid_from,valid_to,customer_code,product_code,min_quantity,unit_price";

    private static string File(params string[] rows) => CsvFile(Header, rows);

    private async Task<ImportCompany> CompanyAsync(string prefix)
    {
        var company = await fixture.CompanyAsync(prefix);
        await fixture.AsUserAsync(company.Tenant, company.Admin, async sp =>
        {
            var products = sp.GetRequiredService<ProductManager>();
            await products.CreateAsync("SKU-1", new ProductDetails { Name = "电阻", BaseUnit = "PCS" });
            await products.CreateAsync("SKU-2", new ProductDetails { Name = "电容", BaseUnit = "PCS" });
            var customers = sp.GetRequiredService<CustomerManager>();
            await customers.CreateAsync("C-CNY", "人民币客户", "CNY");
            await customers.CreateAsync("C-USD", "Dollar customer", "USD");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        return company;
    }

    private async Task<List<PriceList>> PriceListsAsync(ImportCompany company) =>
        [.. (await fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().PriceLists.AsNoTracking().Include(p => p.Lines).ToListAsync()))
            .OrderBy(p => p.Name, StringComparer.Ordinal)];

    private Task<Dictionary<string, Guid?>> PriceListOfCustomersAsync(ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().Customers.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.PriceListId));

    [Fact]
    public async Task Rows_with_the_same_price_list_make_one_list_with_its_quantity_breaks_and_assign_it_to_the_named_customer()
    {
        var acme = await CompanyAsync("imp-pl");

        var id = await fixture.UploadAsync(acme, PriceListImportKind.KindName, File(
            "经销商价,CNY,2026-01-01,2026/12/31,C-CNY,SKU-1,,1.20",
            "经销商价,,,,,SKU-1,100,1.05",
            "经销商价,,,,,sku-2,,0.8",
            "Export,USD,,,C-USD,SKU-1,0,0.17"));
        await fixture.As(acme, imports => imports.CommitAsync(id));

        var job = await fixture.JobAsync(acme, id);
        (job.Status, job.CreateCount).ShouldBe((ImportJobStatus.Committed, 4));
        var lists = await PriceListsAsync(acme);
        lists.Select(l => (l.Name, l.CurrencyCode, l.ValidFrom, l.ValidTo))
            .ShouldBe([("Export", "USD", (DateOnly?)null, (DateOnly?)null), ("经销商价", "CNY", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))]);
        lists[1].Lines.Select(l => (l.MinimumQuantity, l.UnitPrice)).OrderBy(l => l.UnitPrice).ShouldBe([(0m, 0.8m), (100m, 1.05m), (0m, 1.20m)]);
        lists[0].Lines.Single().UnitPrice.ShouldBe(0.17m);
        var assigned = await PriceListOfCustomersAsync(acme);
        (assigned["C-CNY"], assigned["C-USD"]).ShouldBe((lists[1].Id, lists[0].Id));
    }

    [Fact]
    public async Task One_bad_row_imports_no_list_and_the_preview_names_the_wrong_cells()
    {
        var acme = await CompanyAsync("imp-plbad");

        var id = await fixture.UploadAsync(acme, PriceListImportKind.KindName, File(
            "经销商价,CNY,2026-01-01,,,SKU-1,,1.20",       // row 2: fine
            "经销商价,USD,,,,SKU-2,,1",                   // row 3: another currency for the same list
            "经销商价,,,,,SKU-1,0,1.1",                   // row 4: the same break twice
            "经销商价,,,,C-USD,SKU-2,10,1",               // row 5: a customer in another currency
            "经销商价,,,,C-404,SKU-2,5,1",                // row 6: unknown customer
            "经销商价,,,,,SKU-404,,1",                    // row 7: unknown product
            "倒序,,2026-12-31,2026-01-01,,SKU-1,,1",       // row 8: valid to before valid from
            "日期错,,31.02.2026,,,SKU-1,,1",               // row 9: not a date
            "价格错,,,,,SKU-1,,-1"));                      // row 10: the line's own rule

        var job = await fixture.JobAsync(acme, id);
        var rows = await fixture.RowsAsync(acme, id);

        (job.Status, job.ErrorRowCount).ShouldBe((ImportJobStatus.HasErrors, 8));
        ErrorsOf(rows, 2).ShouldBeEmpty();
        ErrorsOf(rows, 3).ShouldBe([$"currency:{ImportExportErrorCodes.PriceListValueDiffers}"]);
        ErrorsOf(rows, 4).ShouldBe([$"min_quantity:{ImportExportErrorCodes.PriceBreakDuplicateInFile}"]);
        ErrorsOf(rows, 5).ShouldBe([$"customer_code:{PartnerErrorCodes.PriceListCurrencyMismatch}"]);
        ErrorsOf(rows, 6).ShouldBe([$"customer_code:{ImportExportErrorCodes.CustomerCodeUnknown}"]);
        ErrorsOf(rows, 7).ShouldBe([$"product_code:{ImportExportErrorCodes.ProductCodeUnknown}"]);
        ErrorsOf(rows, 8).ShouldBe([$"valid_to:{PartnerErrorCodes.PriceListValidityInvalid}"]);
        ErrorsOf(rows, 9).ShouldBe([$"valid_from:{ImportExportErrorCodes.DateInvalid}"]);
        ErrorsOf(rows, 10).ShouldBe([$"unit_price:{PartnerErrorCodes.UnitPriceInvalid}"]);
        (await PriceListsAsync(acme)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Importing_a_list_again_needs_update_existing_which_makes_the_files_rows_its_prices()
    {
        var acme = await CompanyAsync("imp-plupd");
        var first = await fixture.UploadAsync(acme, PriceListImportKind.KindName, File("经销商价,CNY,,,,SKU-1,,1.20", "经销商价,,,,,SKU-1,100,1.05"));
        await fixture.As(acme, imports => imports.CommitAsync(first));

        var again = await fixture.UploadAsync(acme, PriceListImportKind.KindName, File("经销商价,,,,,SKU-1,,1.10"));
        var changeCurrency = await fixture.UploadAsync(acme, PriceListImportKind.KindName, File("经销商价,USD,,,,SKU-1,,1.10"), updateExisting: true);
        var update = await fixture.UploadAsync(acme, PriceListImportKind.KindName,
            File("经销商价,,,2026-06-30,,SKU-1,,1.10", "经销商价,,,,,SKU-2,,0.75"), updateExisting: true);
        var lineIdsBefore = (await PriceListsAsync(acme)).Single().Lines.ToDictionary(l => l.MinimumQuantity, l => l.Id);
        await fixture.As(acme, imports => imports.CommitAsync(update));

        ErrorsOf(await fixture.RowsAsync(acme, again), 2).ShouldBe([$"price_list:{ImportExportErrorCodes.CodeExists}"]);
        ErrorsOf(await fixture.RowsAsync(acme, changeCurrency), 2).ShouldBe([$"currency:{ImportExportErrorCodes.PriceListCurrencyFixed}"]);
        (await fixture.JobAsync(acme, update)).UpdateCount.ShouldBe(2);
        var list = (await PriceListsAsync(acme)).Single();
        list.ValidTo.ShouldBe(new DateOnly(2026, 6, 30));
        list.Lines.Select(l => (l.MinimumQuantity, l.UnitPrice)).OrderBy(l => l.UnitPrice).ShouldBe([(0m, 0.75m), (0m, 1.10m)]);
        // The break the file keeps is the same line with its new price; the one it leaves out is gone.
        list.Lines.Single(l => l.UnitPrice == 1.10m).Id.ShouldBe(lineIdsBefore[0m]);
    }
}
