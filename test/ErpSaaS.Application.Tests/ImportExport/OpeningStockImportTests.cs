using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

using static ErpSaaS.Application.Tests.ImportExport.ImportTestData;

namespace ErpSaaS.Application.Tests.ImportExport;

public sealed class OpeningStockImportTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private const string Header = "product_code,warehouse_code,bin_code,batch_number,expiry_date,quantity,unit,unit_cost";

    private static string File(params string[] rows) => CsvFile(Header, rows);

    /// <summary>A company with a bin A-01 in WH01, a product in pieces (boxes of 12) and a batch-tracked one.</summary>
    private async Task<ImportCompany> CompanyAsync(string prefix)
    {
        var company = await fixture.CompanyAsync(prefix);
        await fixture.AsUserAsync(company.Tenant, company.Admin, async sp =>
        {
            var warehouse = await sp.GetRequiredService<ErpDbContext>().Warehouses.SingleAsync(w => w.Code == "WH01");
            await sp.GetRequiredService<CatalogReferenceManager>().CreateLocationAsync(warehouse.Id, "A-01", "货架 A-01");
            var products = sp.GetRequiredService<ProductManager>();
            await products.CreateAsync("SKU-1", new ProductDetails
            {
                Name = "电阻", BaseUnit = "PCS", UnitConversions = [new UnitConversionDetails("BOX", 12m)], StandardCost = 2m,
            });
            await products.CreateAsync("LOT-1", new ProductDetails { Name = "胶水", BaseUnit = "PCS", IsBatchTracked = true, ShelfLifeDays = 180 });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        return company;
    }

    private Task<List<OpeningBalance>> OpeningsAsync(ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().StockDocuments.AsNoTracking().OfType<OpeningBalance>()
            .Include(o => o.Lines).ToListAsync());

    private Task<int> LedgerEntriesAsync(ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ErpDbContext>().StockLedgerEntries.CountAsync());

    [Fact]
    public async Task Importing_opening_stock_creates_one_draft_opening_balance_the_job_links_to_and_posting_it_puts_the_stock_on_hand()
    {
        var acme = await CompanyAsync("imp-open");

        var id = await fixture.UploadAsync(acme, OpeningStockImportKind.KindName, File(
            "sku-1,WH01,a-01,,,5,BOX,24",
            "SKU-1,WH01,,,,7,,",
            "LOT-1,WH01,A-01,L2026-01,2027-03-31,40,,3.5"));
        (await fixture.JobAsync(acme, id)).CreateCount.ShouldBe(3);
        await fixture.As(acme, imports => imports.CommitAsync(id));

        var document = await fixture.As(acme, imports => imports.GetDocumentAsync(id));
        var opening = (await OpeningsAsync(acme)).Single();
        document.ShouldBe(new ImportDocumentDto(OpeningStockImportKind.OpeningBalanceDocument, opening.Id, opening.Number));
        (opening.Status, opening.RequestId).ShouldBe((StockDocumentStatus.Draft, id));
        opening.Lines.OrderBy(l => l.LineNumber).Select(l => (l.Quantity, l.Unit, l.BaseQuantity, l.UnitCost, l.BatchNumber, l.ExpiryDate, l.LocationId is null))
            .ShouldBe([
                (5m, "BOX", 60m, 24m, (string?)null, (DateOnly?)null, false),
                (7m, "PCS", 7m, 2m, null, null, true),
                (40m, "PCS", 40m, 3.5m, "L2026-01", new DateOnly(2027, 3, 31), false),
            ]);
        (await LedgerEntriesAsync(acme)).ShouldBe(0);

        await fixture.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var draft = await openings.GetAsync(opening.Id);
            await openings.PostAsync(opening.Id, new StockDocumentActionInput { Version = draft.Header.Version });
        });
        (await LedgerEntriesAsync(acme)).ShouldBe(3);
    }

    [Fact]
    public async Task One_bad_row_creates_no_opening_balance_and_the_preview_names_the_wrong_cells()
    {
        var acme = await CompanyAsync("imp-openbad");

        var id = await fixture.UploadAsync(acme, OpeningStockImportKind.KindName, File(
            "SKU-1,WH01,,,,5,,",              // row 2: fine
            "SKU-1,WH99,,,,5,,",              // row 3: unknown warehouse
            "SKU-1,WH01,Z-99,,,5,,",          // row 4: unknown bin
            "LOT-1,WH01,,,,5,,",              // row 5: batch-tracked without a batch
            "SKU-1,WH01,,B-1,,5,,",           // row 6: a batch for a product without batches
            "LOT-1,WH01,,B-1,2027-02-30,5,,", // row 7: not a date
            "SKU-1,WH01,,,,five,,",           // row 8: not a number
            "SKU-1,WH01,,,,-5,,",             // row 9: not positive
            "SKU-1,WH01,,,,5,CRATE,",         // row 10: a unit the product does not have
            "NOPE,WH01,,,,5,,"));             // row 11: unknown product

        var job = await fixture.JobAsync(acme, id);
        var rows = await fixture.RowsAsync(acme, id);
        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.As(acme, imports => imports.CommitAsync(id)));

        (job.Status, job.ErrorRowCount).ShouldBe((ImportJobStatus.HasErrors, 9));
        ErrorsOf(rows, 3).ShouldBe([$"warehouse_code:{ImportExportErrorCodes.WarehouseCodeUnknown}"]);
        ErrorsOf(rows, 4).ShouldBe([$"bin_code:{ImportExportErrorCodes.LocationCodeUnknown}"]);
        ErrorsOf(rows, 5).ShouldBe([$"batch_number:{StockDocumentErrorCodes.BatchRequired}"]);
        ErrorsOf(rows, 6).ShouldBe([$"batch_number:{StockDocumentErrorCodes.BatchNotTracked}"]);
        ErrorsOf(rows, 7).ShouldBe([$"expiry_date:{ImportExportErrorCodes.DateInvalid}"]);
        ErrorsOf(rows, 8).ShouldBe([$"quantity:{ImportExportErrorCodes.NumberInvalid}"]);
        ErrorsOf(rows, 9).ShouldBe([$"quantity:{StockDocumentErrorCodes.QuantityMustBePositive}"]);
        ErrorsOf(rows, 10).ShouldBe([$"unit:{StockDocumentErrorCodes.UnitNotConvertible}"]);
        ErrorsOf(rows, 11).ShouldBe([$"product_code:{ImportExportErrorCodes.ProductCodeUnknown}"]);
        refused.Code.ShouldBe(ImportExportErrorCodes.JobNotReady);
        (await OpeningsAsync(acme)).ShouldBeEmpty();
        (await fixture.As(acme, imports => imports.GetDocumentAsync(id))).ShouldBeNull();
    }

    [Fact]
    public async Task Another_companys_products_and_warehouses_are_unknown_to_an_opening_stock_import()
    {
        var acme = await CompanyAsync("imp-opa");
        var globex = await fixture.CompanyAsync("imp-opg");
        await fixture.AsUserAsync(globex.Tenant, globex.Admin, async sp =>
        {
            await sp.GetRequiredService<WarehouseManager>().CreateAsync("GLOBEX-WH", "Globex 仓", null, isDefault: false);
            await sp.GetRequiredService<ProductManager>().CreateAsync("G-SKU", new ProductDetails { Name = "Globex", BaseUnit = "PCS" });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

        var id = await fixture.UploadAsync(acme, OpeningStockImportKind.KindName, File("G-SKU,GLOBEX-WH,,,,5,,"));

        ErrorsOf(await fixture.RowsAsync(acme, id), 2)
            .ShouldBe([$"product_code:{ImportExportErrorCodes.ProductCodeUnknown}", $"warehouse_code:{ImportExportErrorCodes.WarehouseCodeUnknown}"]);
        (await OpeningsAsync(globex)).ShouldBeEmpty();
        (await OpeningsAsync(acme)).ShouldBeEmpty();
    }
}
