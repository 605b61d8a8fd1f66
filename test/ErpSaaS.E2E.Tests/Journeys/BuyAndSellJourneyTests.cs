using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.E2E.Tests.Infrastructure;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ErpSaaS.E2E.Tests.Journeys;

/// <summary>
/// The demo company's whole buy-and-sell chain in a real browser: the buyer raises a purchase order, the buyer's manager
/// approves it from the inbox, the warehouse keeper receives it by scanning the barcode, the salesperson sells and
/// delivers part of it; the product's stock page shows the right figures after each step.
/// </summary>
public sealed class BuyAndSellJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string ProductCode = "BAS-001";
    private const string Barcode = "6970000000482";
    private const string CategoryCode = "BAS-CHAIN";
    private const string SupplierCode = "BAS-SUP";
    private const string CustomerCode = "BAS-CUS";
    private const string Warehouse = WarehouseConsts.DefaultCode;

    /// <summary>
    /// A product of its own (with a barcode, in a category of its own) that a supplier of its own supplies, a customer to
    /// sell it to, and a purchase-order approval flow whose one step goes to the submitter's manager: the buyer's is the
    /// admin.
    /// </summary>
    private async Task<Guid> ArrangeAsync()
    {
        var tenantId = await host.InScopeAsync(null, async sp => (await sp.GetRequiredService<ITenantRepository>().FindBySlugAsync(DemoTenantSeeder.Slug))!.Id);
        var (adminId, buyerId) = await host.InScopeAsync(tenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            async Task<Guid> IdOf(string userName) => (await users.FindByNameAsync(userName))!.Id;
            return (await IdOf(DemoTenantSeeder.AdminUserName), await IdOf("buyer"));
        });
        var productId = await host.InScopeAsync(tenantId, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var category = await sp.GetRequiredService<ProductCategoryManager>().CreateAsync(CategoryCode, "进销存全流程", null, ct);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            var product = await sp.GetRequiredService<ProductManager>().CreateAsync(ProductCode, new ProductDetails
            {
                Name = "全流程测试件", BaseUnit = "PCS", Barcodes = [Barcode], StandardCost = 6m, SalePrice = 10m, CategoryId = category.Id,
            }, ct);
            return product.Id;
        }));
        await host.AsUserAsync(tenantId, adminId, async sp =>
        {
            var suppliers = sp.GetRequiredService<ISupplierAppService>();
            var supplierId = await suppliers.CreateAsync(new SupplierInput { Code = SupplierCode, Name = "全流程供应商", DefaultLeadTimeDays = 3 });
            await suppliers.AddProductAsync(supplierId, new SupplierProductInput { ProductCode = ProductCode, Price = 6m, IsPreferred = true });
            await sp.GetRequiredService<ICustomerAppService>().CreateAsync(new CustomerInput { Code = CustomerCode, Name = "全流程客户", CreditLimit = 100_000m });
            await sp.GetRequiredService<IUserManagerAppService>().SetManagerAsync(buyerId, adminId);
            await sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseOrder,
                new ApprovalStepInput { Name = "主管审批", ApproverKind = ApproverKind.SubmitterManager });
        });
        return productId;
    }

    [Fact]
    public async Task A_purchase_order_is_approved_received_by_scanning_then_sold_and_delivered_with_the_right_stock_at_each_step()
    {
        var productId = await ArrangeAsync();
        var stockPage = host.TenantUrl(DemoTenantSeeder.Slug, $"/app/inventory/stock/{productId}");

        // The buyer raises an order for 20 pieces and submits it: it waits for approval and is not on order yet.
        var buyer = await SignInAsync("buyer");
        await buyer.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/purchasing/orders/create"));
        await buyer.SelectOptionAsync("#order-form select[name='Input.SupplierId']", new SelectOptionValue { Label = $"{SupplierCode} · 全流程供应商" });
        await buyer.FillAsync("#order-form input[name='Input.Lines[0].Product']", Barcode);
        await buyer.FillAsync("#order-form input[name='Input.Lines[0].Quantity']", "20");
        await buyer.ClickAsync("#order-form button[type=submit].btn-primary");
        await buyer.WaitForURLAsync(DocumentPage("/app/purchasing/orders/"));
        var orderUrl = buyer.Url;
        await buyer.ClickAsync("#submit-form button[type=submit]");
        await buyer.WaitForSelectorAsync("#document-status [data-status='PendingApproval']");
        var orderNumber = await buyer.InnerTextAsync("#document-number");
        // The request waits for the buyer's manager, not for the buyer who submitted it.
        (await buyer.Locator("#approvals-badge [data-count]").CountAsync()).ShouldBe(0);
        // The product has never been in stock nor on order: its stock page has no warehouse row at all.
        await buyer.GotoAsync(stockPage);
        await buyer.WaitForSelectorAsync("#levels");
        (await buyer.Locator("#levels tr[data-warehouse]").CountAsync()).ShouldBe(0);
        await buyer.Context.CloseAsync();

        // The manager sees the request counted in the top bar and listed in "My approvals", and approves it with a comment.
        var manager = await SignInAsync(DemoTenantSeeder.AdminUserName);
        (await manager.GetAttributeAsync("#approvals-badge [data-count]", "data-count")).ShouldBe("1");
        await manager.ClickAsync("#approvals-badge");
        await manager.WaitForURLAsync(url => url.Split('?')[0].EndsWith("/app/approvals", StringComparison.Ordinal));
        var request = $"#approvals tr[data-request]:has(a:text-is('{orderNumber}'))";
        await manager.FillAsync($"{request} input[name='comment']", "数量合理，同意采购");
        await manager.ClickAsync($"{request} button.btn-success");
        await manager.WaitForSelectorAsync(request, new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        await manager.GotoAsync(orderUrl);
        await manager.WaitForSelectorAsync("#document-status [data-status='Approved']");
        (await manager.InnerTextAsync("#approval-panel")).ShouldContain("数量合理，同意采购");
        await manager.GotoAsync(stockPage);
        (await FiguresAsync(manager)).ShouldBe(new Figures(OnHand: "0", Reserved: "0", Available: "0", OnOrder: "20", Value: "0.00"));
        await manager.Context.CloseAsync();

        // The keeper, who receives but does not buy, finds the order among those waiting for goods, opens a receipt for it,
        // leaves its quantity for the scanner to count, scans the goods in and posts.
        var keeper = await SignInAsync("keeper");
        await keeper.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/purchasing/receipts"));
        await keeper.ClickAsync($"#receivable-orders tr[data-order='{orderNumber}'] a");
        await keeper.FillAsync("#receipt-form input[name='Input.Lines[0].AcceptedQuantity']", string.Empty);
        await keeper.ClickAsync("#receipt-form button[type=submit].btn-primary");
        await keeper.WaitForURLAsync(DocumentPage("/app/purchasing/receipts/"));
        await ScanAsync(keeper, Barcode, quantity: null);
        await AcceptedShouldBeAsync(keeper, 1);
        // A barcode no product has is named next to the scan field and receives nothing.
        await ScanAsync(keeper, "0000000000000", quantity: null);
        await keeper.WaitForSelectorAsync("#scan-form [data-valmsg-for='Scan.Barcode']:has-text('0000000000000')");
        (await keeper.InnerTextAsync("#scan-form [data-valmsg-for='Scan.Barcode']")).ShouldBe("没有编码或条码为 0000000000000 的物料。");
        await AcceptedShouldBeAsync(keeper, 1);
        await ScanAsync(keeper, Barcode, quantity: "19");
        await AcceptedShouldBeAsync(keeper, 20);
        await keeper.ClickAsync("#post-form button[type=submit]");
        await keeper.WaitForSelectorAsync("#document-status [data-status='Posted']");
        (await keeper.InnerTextAsync("#lines tr[data-line] [data-accepted]")).ShouldBe("20");
        // Fully received, the order no longer waits for goods.
        await keeper.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/purchasing/receipts"));
        (await keeper.QuerySelectorAsync($"#receivable-orders tr[data-order='{orderNumber}']")).ShouldBeNull();
        await keeper.GotoAsync(stockPage);
        (await FiguresAsync(keeper)).ShouldBe(new Figures(OnHand: "20", Reserved: "0", Available: "20", OnOrder: "0", Value: "120.00"));
        await keeper.Context.CloseAsync();

        // The salesperson sells 8 pieces: the confirmed order reserves them.
        var sales = await SignInAsync("sales");
        await sales.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/sales/orders/create"));
        await sales.SelectOptionAsync("#order-form select[name='Input.CustomerId']", new SelectOptionValue { Label = $"{CustomerCode} · 全流程客户" });
        await sales.FillAsync("#order-form input[name='Input.Lines[0].Product']", ProductCode);
        await sales.FillAsync("#order-form input[name='Input.Lines[0].Quantity']", "8");
        await sales.ClickAsync("#order-form button[type=submit].btn-primary");
        await sales.WaitForURLAsync(DocumentPage("/app/sales/orders/"));
        var salesOrderUrl = sales.Url;
        await sales.ClickAsync("#confirm-form button[type=submit]");
        await sales.WaitForSelectorAsync("#order-header [data-status='Confirmed']");
        (await sales.InnerTextAsync("#lines tr[data-line='1'] [data-reserved]")).ShouldBe("8");
        await sales.GotoAsync(stockPage);
        (await FiguresAsync(sales)).ShouldBe(new Figures(OnHand: "20", Reserved: "8", Available: "12", OnOrder: "0", Value: "120.00"));

        // Then delivers them: a delivery for the order, picked by scanning and posted; the reservation turns into the shipment.
        await sales.GotoAsync(salesOrderUrl);
        (await sales.InputValueAsync("#deliver-form input[name='Delivery.Lines[0].Quantity']")).ShouldBe("8");
        await sales.ClickAsync("#deliver-form button[type=submit]");
        await sales.WaitForURLAsync(DocumentPage("/app/sales/deliveries/"));
        await sales.FillAsync("#scan-form input[name='Scan.Quantity']", "8");
        await sales.FillAsync("#scan-form input[name='Scan.Barcode']", Barcode);
        await sales.PressAsync("#scan-form input[name='Scan.Barcode']", "Enter");
        await sales.WaitForSelectorAsync("#last-scan");
        (await sales.InnerTextAsync("#lines tr[data-line] [data-picked]")).ShouldBe("8");
        await sales.ClickAsync("#post-form button[type=submit]");
        await sales.WaitForSelectorAsync("[data-status='Posted']");
        await sales.GotoAsync(stockPage);
        (await FiguresAsync(sales)).ShouldBe(new Figures(OnHand: "12", Reserved: "0", Available: "12", OnOrder: "0", Value: "72.00"));
        await sales.GotoAsync(salesOrderUrl);
        await sales.WaitForSelectorAsync("#order-header [data-status='Delivered']");
        (await sales.InnerTextAsync("#lines tr[data-line='1'] [data-delivered]")).ShouldStartWith("8");
        // The stock list agrees with the product's page.
        await sales.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, $"/app/inventory/stock?Search={ProductCode}"));
        var listed = $"#stock tr[data-product='{ProductCode}'][data-warehouse='{Warehouse}']";
        (await sales.InnerTextAsync($"{listed} [data-on-hand]")).ShouldBe("12");
        (await sales.InnerTextAsync($"{listed} [data-reserved]")).ShouldBe("0");
        (await sales.InnerTextAsync($"{listed} [data-available]")).ShouldBe("12");
        (await sales.InnerTextAsync($"{listed} [data-value]")).ShouldBe("72.00");
        await sales.Context.CloseAsync();
    }

    /// <summary>The stock figures of the product in the main warehouse as its stock page shows them.</summary>
    private sealed record Figures(string OnHand, string Reserved, string Available, string OnOrder, string Value);

    private static async Task<Figures> FiguresAsync(IPage page)
    {
        var row = $"#levels tr[data-warehouse='{Warehouse}']";
        return new Figures(
            await page.InnerTextAsync($"{row} [data-on-hand]"), await page.InnerTextAsync($"{row} [data-reserved]"),
            await page.InnerTextAsync($"{row} [data-available]"), await page.InnerTextAsync($"{row} [data-on-order]"),
            await page.InnerTextAsync($"{row} [data-value]"));
    }

    /// <summary>A new browser (zh-CN) signed in as <paramref name="userName"/> of the demo company.</summary>
    private async Task<IPage> SignInAsync(string userName)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(E2EHost.StepTimeoutMs);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/account/login"));
        await page.FillAsync("input[name='Input.UserName']", userName);
        await page.FillAsync("input[name='Input.Password']", DemoTenantSeeder.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#sign-out-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Scans <paramref name="barcode"/> on the receipt the way a scanner does: the code typed in, then Enter.</summary>
    private static async Task ScanAsync(IPage page, string barcode, string? quantity)
    {
        if (quantity is not null) await page.FillAsync("#scan-form input[name='Scan.Quantity']", quantity);
        await page.FillAsync("#scan-form input[name='Scan.Barcode']", barcode);
        await page.PressAsync("#scan-form input[name='Scan.Barcode']", "Enter");
    }

    /// <summary>Waits until the receipt's line shows <paramref name="accepted"/> pieces accepted (the field keeps the quantity's four decimals).</summary>
    private static Task AcceptedShouldBeAsync(IPage page, int accepted) =>
        page.WaitForFunctionAsync(
            $"() => {{ const input = document.querySelector(\"#receipt-form input[name='Input.Lines[0].AcceptedQuantity']\"); return input && Number(input.value) === {accepted}; }}");

    /// <summary>The page of one document under <paramref name="prefix"/> (its address ends in the document's id).</summary>
    private static Func<string, bool> DocumentPage(string prefix) =>
        url => url.Contains(prefix, StringComparison.Ordinal) && Guid.TryParse(url.Split('?')[0].Split('/')[^1], out _);
}
