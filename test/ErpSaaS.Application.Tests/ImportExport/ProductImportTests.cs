using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Catalog;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Application.Tests.ImportExport.ImportTestData;

namespace ErpSaaS.Application.Tests.ImportExport;

public sealed class ProductImportTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private const string Products = ProductImportKind.KindName;

    [Fact]
    public async Task The_preview_names_each_wrong_row_and_column_and_creates_nothing()
    {
        var acme = await fixture.CompanyAsync("imp-preview");
        var existing = await fixture.UploadAsync(acme, Products, ProductFile(ProductRow("OLD-1", "已有物料")));
        await fixture.As(acme, imports => imports.CommitAsync(existing));
        var before = (await fixture.ProductsAsync(acme)).Count;

        var id = await fixture.UploadAsync(acme, Products, ProductFile(
            ProductRow("SKU-1", "蓝牙耳机", ("barcodes", "6901234567892")),      // row 2: fine
            ProductRow("SKU-2", "充电线", ("base_unit", "CRATE")),               // row 3: unknown unit
            ProductRow("SKU-1", "重复", ("barcodes", "6901234567892")),          // row 4: code and barcode twice in the file
            ProductRow("OLD-1", "已有物料"),                                     // row 5: exists, update not ticked
            ProductRow("SKU-5", "数量错", ("safety_stock", "ten")),              // row 6: bad number
            ProductRow("SKU-6", ""),                                            // row 7: missing name
            ProductRow("SKU-7", "分类错", ("category_code", "NOPE")),            // row 8: unknown category
            ProductRow("SKU-8", "税率错", ("tax_rate_code", "VAT99")),           // row 9: unknown tax rate
            ProductRow("SKU-9", "仓库错", ("default_warehouse_code", "WH99")),   // row 10: unknown warehouse
            ProductRow("SKU-10", "上限错", ("maximum_stock", "5")),              // row 11: the product's own rule
            ProductRow("SKU-11", "换算错", ("unit_conversions", "BOX 12"))));    // row 12: conversions not a list

        var job = await fixture.JobAsync(acme, id);
        var rows = await fixture.RowsAsync(acme, id);
        string[] ErrorsOf(int row) => [.. rows.Single(r => r.RowNumber == row).Errors.Select(e => $"{e.Column}:{e.Code}")];

        job.Status.ShouldBe(ImportJobStatus.HasErrors);
        (job.TotalRows, job.CreateCount, job.ErrorRowCount).ShouldBe((11, 1, 10));
        rows.Single(r => r.RowNumber == 2).Action.ShouldBe(ImportRowAction.Create);
        ErrorsOf(3).ShouldBe([$"base_unit:{CatalogErrorCodes.ProductUnitUnknown}"]);
        ErrorsOf(4).ShouldBe([$"code:{ImportExportErrorCodes.CodeDuplicateInFile}", $"barcodes:{ImportExportErrorCodes.BarcodeDuplicateInFile}"]);
        rows.Single(r => r.RowNumber == 4).Errors[0].Args.ShouldBe(["SKU-1", "2"]);
        ErrorsOf(5).ShouldBe([$"code:{ImportExportErrorCodes.CodeExists}"]);
        ErrorsOf(6).ShouldBe([$"safety_stock:{ImportExportErrorCodes.NumberInvalid}"]);
        ErrorsOf(7).ShouldBe([$"name:{ImportExportErrorCodes.ValueRequired}"]);
        ErrorsOf(8).ShouldBe([$"category_code:{ImportExportErrorCodes.CategoryCodeUnknown}"]);
        ErrorsOf(9).ShouldBe([$"tax_rate_code:{ImportExportErrorCodes.TaxRateCodeUnknown}"]);
        ErrorsOf(10).ShouldBe([$"default_warehouse_code:{ImportExportErrorCodes.WarehouseCodeUnknown}"]);
        ErrorsOf(11).ShouldBe([$"maximum_stock:{CatalogErrorCodes.ProductMaximumBelowReorderPoint}"]);
        ErrorsOf(12).ShouldBe([$"unit_conversions:{ImportExportErrorCodes.ConversionsInvalid}"]);
        (await fixture.ProductsAsync(acme)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task One_bad_row_imports_nothing_and_the_corrected_file_imports_every_row()
    {
        var acme = await fixture.CompanyAsync("imp-all");
        var wrong = await fixture.UploadAsync(acme, Products, ProductFile(
            ProductRow("SKU-1", "蓝牙耳机"), ProductRow("SKU-2", "充电线", ("base_unit", "CRATE"))));

        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.As(acme, imports => imports.CommitAsync(wrong)));
        var right = await fixture.UploadAsync(acme, Products, ProductFile(
            ProductRow("SKU-1", "蓝牙耳机", ("barcodes", "6901234567892;6901234567908"), ("specification", "蓝牙 5.3, 黑色")),
            ProductRow("sku-2", "充电线", ("unit_conversions", ""), ("tax_rate_code", ""), ("active", "否"), ("type", "原材料"), ("valuation_method", "FIFO"))));
        await fixture.As(acme, imports => imports.CommitAsync(right));

        refused.Code.ShouldBe(ImportExportErrorCodes.JobNotReady);
        var job = await fixture.JobAsync(acme, right);
        (job.Status, job.CreateCount, job.UpdateCount).ShouldBe((ImportJobStatus.Committed, 2, 0));
        var products = await fixture.ProductsAsync(acme);
        products.Select(p => p.Code).ShouldBe(["SKU-1", "SKU-2"]);
        var earphones = products[0];
        (earphones.Name, earphones.Specification, earphones.BaseUnit, earphones.SafetyStock, earphones.MaximumStock, earphones.SalePrice)
            .ShouldBe(("蓝牙耳机", "蓝牙 5.3, 黑色", "PCS", 10m, 500m, 59.9m));
        earphones.UnitConversions.OrderBy(c => c.UnitCode).Select(c => $"{c.UnitCode}={c.Factor:0}").ShouldBe(["BOX=12", "PACK=6"]);
        earphones.Barcodes.Select(b => b.Code).OrderBy(c => c).ShouldBe(["6901234567892", "6901234567908"]);
        earphones.CategoryId.ShouldNotBeNull();
        earphones.DefaultWarehouseId.ShouldNotBeNull();
        var cable = products[1];
        (cable.IsActive, cable.Type, cable.ValuationMethod, cable.TaxRateId).ShouldBe((false, ProductType.RawMaterial, ValuationMethod.Fifo, earphones.TaxRateId));
    }

    [Fact]
    public async Task A_row_that_became_wrong_after_the_preview_rolls_the_whole_import_back_and_the_job_says_which_row()
    {
        var acme = await fixture.CompanyAsync("imp-race");
        var id = await fixture.UploadAsync(acme, Products, ProductFile(ProductRow("SKU-1", "蓝牙耳机"), ProductRow("SKU-2", "充电线")));
        await fixture.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            await sp.GetRequiredService<ProductManager>().CreateAsync("SKU-2", new ProductDetails { Name = "同事先建的", BaseUnit = "PCS" });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

        await fixture.As(acme, imports => imports.CommitAsync(id));

        var job = await fixture.JobAsync(acme, id);
        (job.Status, job.FailedRowNumber, job.Failure!.Code).ShouldBe((ImportJobStatus.Failed, 3, ImportExportErrorCodes.CodeExists));
        (await fixture.ProductsAsync(acme)).Select(p => p.Name).ShouldBe(["同事先建的"]);
        var again = await Should.ThrowAsync<BusinessException>(() => fixture.As(acme, imports => imports.CommitAsync(id)));
        again.Code.ShouldBe(ImportExportErrorCodes.JobNotReady);
    }

    [Fact]
    public async Task With_update_existing_a_row_replaces_the_details_of_the_product_with_its_code()
    {
        var acme = await fixture.CompanyAsync("imp-update");
        var first = await fixture.UploadAsync(acme, Products, ProductFile(ProductRow("SKU-1", "蓝牙耳机", ("barcodes", "6901234567892"))));
        await fixture.As(acme, imports => imports.CommitAsync(first));

        var update = await fixture.UploadAsync(acme, Products, ProductFile(
            ProductRow("SKU-1", "蓝牙耳机 二代", ("sale_price", "69"), ("barcodes", "6901234567892;6901234567915"), ("unit_conversions", "BOX=24")),
            ProductRow("SKU-3", "新物料")), updateExisting: true);
        var preview = await fixture.RowsAsync(acme, update);
        await fixture.As(acme, imports => imports.CommitAsync(update));

        preview.Select(r => r.Action).ShouldBe([ImportRowAction.Update, ImportRowAction.Create]);
        var job = await fixture.JobAsync(acme, update);
        (job.Status, job.CreateCount, job.UpdateCount, job.Failure).ShouldBe((ImportJobStatus.Committed, 1, 1, null));
        var products = await fixture.ProductsAsync(acme);
        products.Select(p => p.Code).ShouldBe(["SKU-1", "SKU-3"]);
        (products[0].Name, products[0].SalePrice).ShouldBe(("蓝牙耳机 二代", 69m));
        products[0].Barcodes.Count.ShouldBe(2);
        products[0].UnitConversions.Single().Factor.ShouldBe(24m);
    }

    [Fact]
    public async Task Categories_import_parents_first_whatever_the_order_and_refuse_a_loop()
    {
        var acme = await fixture.CompanyAsync("imp-cat");
        const string kind = ProductCategoryImportKind.KindName;

        var loop = await fixture.UploadAsync(acme, kind, "code,name,parent_code\nA,甲,B\nB,乙,A\nC,丙,NOPE\n");
        var tree = await fixture.UploadAsync(acme, kind, "分类编码,分类名称,上级分类编码\nSMD,贴片电阻,RES\nRES,电阻,ELEC\nCAP,电容,ELEC\n");
        await fixture.As(acme, imports => imports.CommitAsync(tree));

        var loopRows = await fixture.RowsAsync(acme, loop);
        loopRows.Select(r => r.Errors.Single().Code).ShouldBe([CatalogErrorCodes.CategoryCycle, CatalogErrorCodes.CategoryCycle, ImportExportErrorCodes.ParentCodeUnknown]);
        (await fixture.JobAsync(acme, tree)).Status.ShouldBe(ImportJobStatus.Committed);
        var parents = await fixture.InScopeAsync(acme.Tenant, async sp =>
        {
            var all = await sp.GetRequiredService<ICatalogImportQueries>().GetCategoriesAsync(CancellationToken.None);
            return all.ToDictionary(c => c.Code, c => c.ParentId is { } p ? all.Single(x => x.Id == p).Code : null);
        });
        parents.ShouldBe(new Dictionary<string, string?> { ["ELEC"] = null, ["RES"] = "ELEC", ["SMD"] = "RES", ["CAP"] = "ELEC" }, ignoreOrder: true);
    }

    [Fact]
    public async Task The_template_has_every_column_in_the_users_language_and_reads_back_as_an_importable_file()
    {
        var acme = await fixture.CompanyAsync("imp-template");
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");

        var xlsx = await fixture.As(acme, imports => imports.GetTemplateAsync(Products, SpreadsheetFormat.Xlsx));
        var csv = await fixture.As(acme, imports => imports.GetTemplateAsync(Products, SpreadsheetFormat.Csv));
        var fromTemplate = await fixture.As(acme, imports => imports.UploadAsync(new ImportUploadInput(Products, xlsx.FileName, xlsx.Content, false)));

        var table = ErpSaaS.ImportExport.Spreadsheets.SpreadsheetReader.Read(SpreadsheetFormat.Xlsx, xlsx.Content, 10);
        table.Headers.Count.ShouldBe(21);
        table.Headers[0].ShouldBe("物料编码*");
        table.Headers.ShouldContain("基本单位*");
        table.Rows.Single().Cell(0).ShouldBe("SKU-10086");
        System.Text.Encoding.UTF8.GetString(csv.Content).TrimStart('\uFEFF').Split('\n')[0].ShouldStartWith("物料编码*,物料名称*,规格型号");
        var job = await fixture.JobAsync(acme, fromTemplate);
        (job.Status, job.CreateCount).ShouldBe((ImportJobStatus.Ready, 1));
    }

    [Fact]
    public async Task Another_company_can_neither_read_nor_import_a_companys_upload()
    {
        var acme = await fixture.CompanyAsync("imp-acme");
        var globex = await fixture.CompanyAsync("imp-globex");
        var id = await fixture.UploadAsync(acme, Products, ProductFile(ProductRow("SKU-1", "蓝牙耳机")));

        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.As(globex, imports => imports.GetJobAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.As(globex, imports => imports.GetRowsAsync(id, new ImportRowQuery())));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.As(globex, imports => imports.CommitAsync(id)));
        (await fixture.As(globex, imports => imports.GetJobsAsync(new ImportJobListQuery()))).Items.ShouldBeEmpty();

        (await fixture.JobAsync(acme, id)).Status.ShouldBe(ImportJobStatus.Ready);
        (await fixture.ProductsAsync(globex)).ShouldBeEmpty();
    }
}
