using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.E2E.Tests.Infrastructure;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ErpSaaS.E2E.Tests.Journeys;

/// <summary>
/// The demo company's warehouse keeper, in a real browser: receives opening stock of a product, counts the warehouse
/// by scanning its barcode, posts the shortage the count found and sees the corrected balance on the stock page.
/// </summary>
public sealed class StockCountJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string ProductCode = "SCAN-001";
    private const string Barcode = "6970000000017";
    private const string CategoryCode = "SCAN-COUNT";

    private async Task AddScannableProductAsync()
    {
        var tenantId = await host.InScopeAsync(null, async sp => (await sp.GetRequiredService<ITenantRepository>().FindBySlugAsync(DemoTenantSeeder.Slug))!.Id);
        // In a category of its own, so the count covers this product whatever else the demo company keeps in stock.
        await host.InScopeAsync(tenantId, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var category = await sp.GetRequiredService<ProductCategoryManager>().CreateAsync(CategoryCode, "扫码盘点", null, ct);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            return await sp.GetRequiredService<ProductManager>().CreateAsync(ProductCode, new ProductDetails
            {
                Name = "扫码测试件", BaseUnit = "PCS", Barcodes = [Barcode], StandardCost = 3m, CategoryId = category.Id,
            }, ct);
        }));
    }

    private static Task CountedShouldBeAsync(IPage page, string counted) =>
        page.WaitForFunctionAsync(
            $"() => {{ const input = document.querySelector(\"#count-entry tr[data-product='{ProductCode}'] input[name$='.Counted']\"); return input && input.value === '{counted}'; }}");

    [Fact]
    public async Task The_keeper_receives_opening_stock_counts_it_by_scanning_barcodes_and_sees_the_corrected_balance()
    {
        await AddScannableProductAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(E2EHost.StepTimeoutMs);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // Sign in as the warehouse keeper.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/account/login"));
        await page.FillAsync("input[name='Input.UserName']", "keeper");
        await page.FillAsync("input[name='Input.Password']", DemoTenantSeeder.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#sign-out-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        // Opening stock: 12 pieces at ¥3 in the main warehouse, saved as a draft, then posted.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/inventory/openings/create"));
        await page.FillAsync("#opening-form input[name='Input.Lines[0].Product']", ProductCode);
        await page.FillAsync("#opening-form input[name='Input.Lines[0].Quantity']", "12");
        await page.FillAsync("#opening-form input[name='Input.Lines[0].UnitCost']", "3");
        await page.ClickAsync("#opening-form button[type=submit].btn-primary");
        await page.WaitForURLAsync(DocumentPage("openings"));
        await page.ClickAsync("#post-form button[type=submit]");
        await page.WaitForSelectorAsync("#document-status [data-status='Posted']");

        // A count of the product's category in the main warehouse: created, started (the book of 12 is frozen), then counted by scanning.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/inventory/counts/create"));
        await page.SelectOptionAsync("#count-category", new SelectOptionValue { Label = $"{CategoryCode} · 扫码盘点" });
        await page.ClickAsync("#count-form button[type=submit].btn-primary");
        await page.WaitForURLAsync(DocumentPage("counts"));
        await page.ClickAsync("#start-form button[type=submit]");
        await page.WaitForSelectorAsync("#scan-form");
        foreach (var expected in new[] { "1", "2", "3" })
        {
            await page.FillAsync("#scan-form input[name='Scan.Barcode']", Barcode);
            await page.PressAsync("#scan-form input[name='Scan.Barcode']", "Enter");
            await CountedShouldBeAsync(page, expected);
        }
        await page.FillAsync("#scan-form input[name='Scan.Quantity']", "7");
        await page.FillAsync("#scan-form input[name='Scan.Barcode']", Barcode);
        await page.PressAsync("#scan-form input[name='Scan.Barcode']", "Enter");
        await CountedShouldBeAsync(page, "10");
        (await page.InnerTextAsync("#scan-result [data-scan-result='ok']")).ShouldContain(ProductCode);
        // An unknown barcode is named in the scan result and counts nothing.
        await page.FillAsync("#scan-form input[name='Scan.Barcode']", "0000000000000");
        await page.PressAsync("#scan-form input[name='Scan.Barcode']", "Enter");
        await page.WaitForSelectorAsync("#scan-result [data-scan-result='error']");
        (await page.InnerTextAsync("#scan-result")).ShouldContain("0000000000000");
        await CountedShouldBeAsync(page, "10");

        // Finish counting: the review shows 2 missing; posting books them.
        await page.ClickAsync("#finish-form button[type=submit]");
        await page.WaitForSelectorAsync("#variances");
        (await page.InnerTextAsync($"#variances tr[data-product='{ProductCode}'] [data-variance]")).ShouldBe("-2");
        (await page.InnerTextAsync("#net-value")).ShouldBe("-6.00");
        await page.ClickAsync("#post-form button[type=submit]");
        await page.WaitForSelectorAsync("#document-status [data-status='Posted']");

        // The stock page shows the corrected balance.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, $"/app/inventory/stock?Search={ProductCode}"));
        var row = await page.InnerTextAsync("#stock tbody tr");
        row.ShouldContain(ProductCode);
        row.ShouldContain("10");
        row.ShouldContain("30.00");
    }

    /// <summary>The page of one document of the kind (its address ends in the document's id).</summary>
    private static Func<string, bool> DocumentPage(string kind) =>
        url => url.Contains($"/app/inventory/{kind}/", StringComparison.Ordinal) && Guid.TryParse(url.Split('?')[0].Split('/')[^1], out _);
}
