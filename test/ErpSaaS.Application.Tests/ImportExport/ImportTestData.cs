using System.Text;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.ImportExport;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.ImportExport;

/// <summary>A company with the starter catalog (units, tax rates), a warehouse and a category, and its admin.</summary>
public sealed record ImportCompany(Guid Tenant, Guid Admin);

public static class ImportTestData
{
    public const string ProductHeader = "code,name,specification,category_code,type,base_unit,unit_conversions,barcodes,default_warehouse_code,"
                                        + "safety_stock,reorder_point,reorder_quantity,maximum_stock,lead_time_days,batch_tracked,shelf_life_days,"
                                        + "valuation_method,standard_cost,sale_price,tax_rate_code,active";

    public static async Task<ImportCompany> CompanyAsync(this ErpTestFixture fixture, string prefix)
    {
        var tenant = await fixture.Given.Tenant(prefix + "-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        await fixture.AsUserAsync(tenant, admin, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("zh-Hans");
            await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "主仓库", null, isDefault: true);
            await sp.GetRequiredService<ProductCategoryManager>().CreateAsync("ELEC", "电子元器件", null);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        return new ImportCompany(tenant, admin);
    }

    public static Task<T> As<T>(this ErpTestFixture fixture, ImportCompany company, Func<IImportAppService, Task<T>> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<IImportAppService>()));

    public static Task As(this ErpTestFixture fixture, ImportCompany company, Func<IImportAppService, Task> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<IImportAppService>()));

    public static Task<Guid> UploadAsync(this ErpTestFixture fixture, ImportCompany company, string kind, string csv, bool updateExisting = false) =>
        fixture.As(company, imports => imports.UploadAsync(new ImportUploadInput(kind, "import.csv", Encoding.UTF8.GetBytes(csv), updateExisting)));

    public static Task<ImportJobDto> JobAsync(this ErpTestFixture fixture, ImportCompany company, Guid id) =>
        fixture.As(company, imports => imports.GetJobAsync(id));

    public static async Task<IReadOnlyList<ImportRowDto>> RowsAsync(this ErpTestFixture fixture, ImportCompany company, Guid id) =>
        (await fixture.As(company, imports => imports.GetRowsAsync(id, new ImportRowQuery { PageSize = 200 }))).Items;

    public static Task<List<Product>> ProductsAsync(this ErpTestFixture fixture, ImportCompany company) =>
        fixture.InScopeAsync(company.Tenant, async sp =>
        {
            var db = sp.GetRequiredService<ErpSaaS.EntityFrameworkCore.ErpDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Products.OrderBy(p => p.Code)));
        });

    /// <summary>A product row with the usual values; pass overrides by canonical column key.</summary>
    public static string ProductRow(string code, string name, params (string Column, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["code"] = code, ["name"] = name, ["specification"] = "", ["category_code"] = "ELEC", ["type"] = "Goods", ["base_unit"] = "PCS",
            ["unit_conversions"] = "BOX=12;PACK=6", ["barcodes"] = "", ["default_warehouse_code"] = "WH01", ["safety_stock"] = "10",
            ["reorder_point"] = "20", ["reorder_quantity"] = "100", ["maximum_stock"] = "500", ["lead_time_days"] = "7", ["batch_tracked"] = "no",
            ["shelf_life_days"] = "", ["valuation_method"] = "MovingAverage", ["standard_cost"] = "35.5", ["sale_price"] = "59.9",
            ["tax_rate_code"] = "VAT13", ["active"] = "yes",
        };
        foreach (var (column, value) in overrides) values[column] = value;
        return string.Join(",", ProductHeader.Split(',').Select(c => values[c].Contains(',', StringComparison.Ordinal) ? $"\"{values[c]}\"" : values[c]));
    }

    public static string ProductFile(params string[] rows) => CsvFile(ProductHeader, rows);

    /// <summary>A CSV file: the header row and one line per row.</summary>
    public static string CsvFile(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>A previewed row's errors as "column:code", to compare with what the row should say.</summary>
    public static string[] ErrorsOf(IReadOnlyList<ImportRowDto> rows, int row) =>
        [.. rows.Single(r => r.RowNumber == row).Errors.Select(e => $"{e.Column}:{e.Code}")];
}
