using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Catalog;

/// <summary>Every new company trades in CNY, USD, EUR, HKD and JPY from day one (base currency CNY unless it changes it).</summary>
public sealed class CurrencyDefaults(CurrencyManager currencies) : ITenantDefaultsContributor
{
    public Task ContributeAsync(Tenant tenant, string language, CancellationToken cancellationToken) =>
        currencies.CreateDefaultsAsync(language, cancellationToken);
}

/// <summary>
/// Sample business partners in the company's language: exchange rates for this month and the last, customers with
/// contacts and addresses, suppliers, a key-account price list assigned to the best customer and, when the catalog
/// already has products, who supplies them and at what price the key accounts buy them. Runs after products' sample data.
/// </summary>
public sealed class PartnersSampleData(
    CurrencyManager currencies, CustomerManager customers, SupplierManager suppliers, SupplierProductManager supplierProducts,
    PriceListManager priceLists, PriceListLineManager priceListLines, IProductOptionsQuery products, TimeProvider clock) : ISampleDataContributor
{
    public int Order => 30;

    public Task ContributeAsync(SampleDataContext context, CancellationToken cancellationToken) =>
        CreateAsync(context.Language, cancellationToken);

    public async Task CreateAsync(string language, CancellationToken cancellationToken)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        foreach (var (code, last, current) in new[] { ("USD", 7.1250m, 7.1083m), ("EUR", 7.7120m, 7.6905m), ("HKD", 0.9136m, 0.9121m), ("JPY", 0.0472m, 0.0469m) })
        {
            await currencies.SetRateAsync(code, lastMonth, last, cancellationToken);
            await currencies.SetRateAsync(code, thisMonth, current, cancellationToken);
        }

        var keyAccounts = await priceLists.CreateAsync(zh ? "大客户价" : "Key accounts", "CNY", cancellationToken);
        keyAccounts.ChangeValidity(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));

        var east = await customers.CreateAsync("C001", zh ? "华东电子科技有限公司" : "East China Electronics Co., Ltd.", "CNY", cancellationToken);
        east.ChangeGrade(CustomerGrade.A);
        east.ChangeTaxId("91310115MA1FL2K3A0");
        east.ChangeCreditTerms(500_000m, 30);
        east.AddContact(zh ? "刘建国" : "Liu Jianguo", "138 0013 8001", "liu.jg@example.com", zh ? "采购经理" : "Purchasing manager");
        east.AddContact(zh ? "钱芳" : "Qian Fang", "021-6888 1234", "qian.f@example.com", zh ? "财务" : "Accounts payable");
        east.AddAddress(PartnerAddressKind.Billing, zh ? "上海市浦东新区世纪大道 88 号 18 楼" : "18F, 88 Century Avenue, Pudong, Shanghai");
        east.AddAddress(PartnerAddressKind.Shipping, zh ? "上海市浦东新区金桥路 1200 号 3 号库" : "Warehouse 3, 1200 Jinqiao Road, Pudong, Shanghai");
        await customers.AssignPriceListAsync(east, keyAccounts.Id, cancellationToken);

        var south = await customers.CreateAsync("C002", zh ? "深圳市鹏程数码有限公司" : "Shenzhen Pengcheng Digital Co., Ltd.", "CNY", cancellationToken);
        south.ChangeTaxId("91440300MA5DC7QH1E");
        south.ChangeCreditTerms(200_000m, 45);
        south.AddContact(zh ? "周婷" : "Zhou Ting", "139 2288 6655", "zhou.t@example.com", zh ? "采购" : "Buyer");
        south.AddAddress(PartnerAddressKind.Shipping, zh ? "深圳市南山区科技园南区高新南七道 16 号" : "16 Gaoxin South 7th Road, Nanshan, Shenzhen");

        var hongKong = await customers.CreateAsync("C003", zh ? "香港恒通贸易公司" : "Hang Tung Trading (Hong Kong) Ltd.", "HKD", cancellationToken);
        hongKong.ChangeCreditTerms(100_000m, 60);
        hongKong.AddContact("Chan Tai Man", "+852 2345 6789", "tm.chan@example.com", zh ? "董事" : "Director");
        hongKong.AddAddress(PartnerAddressKind.Billing, zh ? "香港九龙观塘道 398 号 12 楼" : "12/F, 398 Kwun Tong Road, Kowloon, Hong Kong");

        var small = await customers.CreateAsync("C004", zh ? "杭州米粒商贸有限公司" : "Hangzhou Mili Trading Co., Ltd.", "CNY", cancellationToken);
        small.ChangeGrade(CustomerGrade.C);
        small.ChangeTaxId("91330106MA2B0K7L3T");
        small.AddContact(zh ? "吴磊" : "Wu Lei", "137 5712 3456", null, zh ? "老板" : "Owner");

        var suzhou = await suppliers.CreateAsync("S001", zh ? "苏州精密元件有限公司" : "Suzhou Precision Components Co., Ltd.", "CNY", cancellationToken);
        suzhou.ChangeTaxId("91320594MA1MT6PB27");
        suzhou.ChangeTerms(30, 7);
        suzhou.AddContact(zh ? "孙强" : "Sun Qiang", "0512-6555 7788", "sun.q@example.com", zh ? "销售经理" : "Sales manager");

        var dongguan = await suppliers.CreateAsync("S002", zh ? "东莞华强电子厂" : "Dongguan Huaqiang Electronics Factory", "CNY", cancellationToken);
        dongguan.ChangeTaxId("91441900MA4UJ8R05X");
        dongguan.ChangeTerms(60, 14);
        dongguan.AddContact(zh ? "郑丽" : "Zheng Li", "0769-2233 4455", "zheng.l@example.com", zh ? "业务员" : "Sales representative");

        var tokyo = await suppliers.CreateAsync("S003", zh ? "东京部品株式会社" : "Tokyo Parts Co., Ltd.", "JPY", cancellationToken);
        tokyo.ChangeTerms(30, 21);
        tokyo.AddContact("Sato Hiroshi", "+81 3 1234 5678", "sato@example.com", zh ? "海外营业部" : "Export sales");

        // Products come from the products' own sample data (or the demo's); without them the lists stay empty.
        var offered = await products.GetActiveAsync(3, cancellationToken);
        for (var i = 0; i < offered.Count; i++)
        {
            var product = offered[i];
            var cost = product.StandardCost > 0 ? product.StandardCost : Math.Round(product.SalePrice * 0.7m, 2);
            await supplierProducts.AddAsync(suzhou, product.Code,
                new SupplierProductTerms($"SZ-{1001 + i}", cost, "CNY", null, 50m), isPreferred: true, cancellationToken);
            await supplierProducts.AddAsync(dongguan, product.Code,
                new SupplierProductTerms($"DG{i + 1:000}", Math.Round(cost * 0.96m, 2), "CNY", 20, 200m), isPreferred: false, cancellationToken);
            await priceListLines.AddLineAsync(keyAccounts, product.Code, 0m, Math.Round(product.SalePrice * 0.95m, 2), cancellationToken);
            await priceListLines.AddLineAsync(keyAccounts, product.Code, 100m, Math.Round(product.SalePrice * 0.9m, 2), cancellationToken);
        }
    }
}

/// <summary>
/// The demo company's business partners (see <see cref="PartnersSampleData"/>, in Chinese). Runs after the demo company
/// is created and only while it has no customers, so an installation that already has the demo gets them once.
/// </summary>
public sealed class DemoPartnersSeeder(
    ITenantRepository tenants, ICustomerQueries customers, PartnersSampleData sample, CurrencyManager currencies,
    IUnitOfWork unitOfWork, ICurrentTenant currentTenant) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        Tenant? demo;
        using (currentTenant.Change(null))
        {
            demo = await tenants.FindBySlugAsync(DemoTenantSeeder.Slug, cancellationToken);
        }
        if (demo is null) return;
        using (currentTenant.Change(demo.Id))
        {
            var existing = await customers.GetListAsync(new CustomerListQuery { IncludeInactive = true, PageSize = 1 }, cancellationToken);
            if (existing.TotalCount > 0) return;
            await unitOfWork.InTransactionAsync(async ct =>
            {
                // A demo created before currencies existed has none yet.
                await currencies.CreateDefaultsAsync("zh-Hans", ct);
                await sample.CreateAsync("zh-Hans", ct);
                return true;
            }, cancellationToken);
        }
    }
}
