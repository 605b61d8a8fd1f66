using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>The sales order tracking board: each order in its stage; late delivery, late covering supply and approvals past their time limit marked.</summary>
public sealed class SalesTrackingTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static Task<Guid> OrderAsync(SalesCompany shop, string product, decimal quantity, DateOnly promised, decimal discount = 0m) =>
        shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer("C1"), WarehouseId = shop.Warehouse(),
            Lines = [new SalesOrderLineInput { Product = product, Quantity = quantity, DiscountPercent = discount, PromisedDate = promised }],
        }));

    private static Task<SalesTrackingBoardDto> BoardAsync(SalesCompany shop, SalesTrackingQuery? query = null) =>
        shop.AsSalespersonAsync<ISalesTrackingAppService, SalesTrackingBoardDto>(s => s.GetBoardAsync(query ?? new SalesTrackingQuery { PageSize = 100 }));

    private static async Task<string> NumberAsync(SalesCompany shop, Guid order) => (await shop.GetOrderAsync(order)).Number;

    [Fact]
    public async Task Each_order_sits_in_its_stage_and_late_delivery_supply_and_approval_are_marked()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddProductAsync("SKU-2", 10m);
        await shop.ReceiveStockAsync("SKU-1", 100m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        // A discount beyond the limit waits for the boss, who has 2 hours to decide.
        var boss = await fixture.Given.User(shop.Stock.Tenant, "boss", StaticRoles.Admin);
        await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.SalesDiscount,
            new ApprovalStepInput { Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, SlaHours = 2 }));
        var today = await shop.AsSalespersonAsync<SalesActors, DateOnly>(async a => (await a.CurrentAsync()).Today);
        var tomorrow = today.AddDays(1);
        // SKU-2 has none in stock; a purchase brings 50 in 20 days, after the 5 days promised.
        await shop.ExpectSupplyAsync("SKU-2", 50m, today.AddDays(20));

        var draft = await OrderAsync(shop, "SKU-1", 1m, tomorrow);
        var shortDraft = await OrderAsync(shop, "SKU-2", 10m, today.AddDays(5));
        var pending = await OrderAsync(shop, "SKU-1", 2m, today.AddDays(10), discount: 15m);
        var confirmed = await OrderAsync(shop, "SKU-1", 5m, tomorrow);
        var partly = await OrderAsync(shop, "SKU-1", 10m, tomorrow);
        var delivered = await OrderAsync(shop, "SKU-1", 5m, tomorrow);
        var invoiced = await OrderAsync(shop, "SKU-1", 5m, tomorrow);
        var paid = await OrderAsync(shop, "SKU-1", 5m, tomorrow);
        foreach (var order in new[] { pending, confirmed, partly, delivered, invoiced, paid }) await shop.ConfirmAsync(order);
        await shop.DeliverAsync(partly, (1, 4m));
        await shop.DeliverAsync(delivered, (1, 5m));
        await shop.InvoiceAsync(await shop.DeliverAsync(invoiced, (1, 5m)));
        // 5 × ¥10 + 13 % VAT = ¥56.50, received in full.
        await shop.ReceiveAsync(await shop.InvoiceAsync(await shop.DeliverAsync(paid, (1, 5m))), 56.50m);
        var submittedAt = fixture.Clock.GetUtcNow();

        var board = await BoardAsync(shop);
        var withFinished = await BoardAsync(shop, new SalesTrackingQuery { PageSize = 100, IncludeFinished = true });
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var later = await BoardAsync(shop);
        var overdue = await BoardAsync(shop, new SalesTrackingQuery { PageSize = 100, OverdueOnly = true });

        board.Rows.Items.ToDictionary(r => r.Number, r => r.Stage).ShouldBe(new Dictionary<string, SalesOrderStage>
        {
            [await NumberAsync(shop, draft)] = SalesOrderStage.Draft,
            [await NumberAsync(shop, shortDraft)] = SalesOrderStage.Draft,
            [await NumberAsync(shop, pending)] = SalesOrderStage.AwaitingApproval,
            [await NumberAsync(shop, confirmed)] = SalesOrderStage.AwaitingDelivery,
            [await NumberAsync(shop, partly)] = SalesOrderStage.PartlyDelivered,
            [await NumberAsync(shop, delivered)] = SalesOrderStage.ToInvoice,
            [await NumberAsync(shop, invoiced)] = SalesOrderStage.ToReceivePayment,
        }, ignoreOrder: true);
        var paidNumber = await NumberAsync(shop, paid);
        withFinished.Rows.Items.Single(r => r.Number == paidNumber).Stage.ShouldBe(SalesOrderStage.Finished);
        board.Rows.Items.Single(r => r.Stage == SalesOrderStage.ToReceivePayment).OpenReceivable.ShouldBe(56.50m);
        var partlyRow = board.Rows.Items.Single(r => r.Stage == SalesOrderStage.PartlyDelivered);
        (partlyRow.OpenQuantity, partlyRow.OpenLines, partlyRow.PromisedDate).ShouldBe((6m, 1, tomorrow));
        var waiting = board.Rows.Items.Single(r => r.Stage == SalesOrderStage.AwaitingApproval);
        (waiting.ApprovalDueAt, waiting.ApprovalOverdue).ShouldBe((submittedAt.AddHours(2), false));
        // Today only the short draft is marked: its covering purchase comes after the promised date.
        board.Rows.Items.Where(r => r.IsOverdue).Select(r => (r.Number, r.SupplyLate, r.SupplyDueOn, r.DeliveryLate))
            .ShouldBe([(await NumberAsync(shop, shortDraft), true, (DateOnly?)today.AddDays(20), false)]);

        // Three days on: promised tomorrow and still open is two days late; the boss let the approval run past 2 hours.
        var marks = later.Rows.Items.ToDictionary(r => r.Number, r => (r.DeliveryLate, r.DaysLate, r.ApprovalOverdue, r.SupplyLate));
        marks[await NumberAsync(shop, confirmed)].ShouldBe((true, 2, false, false));
        marks[await NumberAsync(shop, partly)].ShouldBe((true, 2, false, false));
        marks[await NumberAsync(shop, delivered)].ShouldBe((false, 0, false, false));
        marks[await NumberAsync(shop, draft)].ShouldBe((false, 0, false, false));
        marks[await NumberAsync(shop, pending)].ShouldBe((false, 0, true, false));
        marks[await NumberAsync(shop, shortDraft)].ShouldBe((false, 0, false, true));
        overdue.Rows.Items.Select(r => r.Number).ShouldBe(
            [await NumberAsync(shop, confirmed), await NumberAsync(shop, partly), await NumberAsync(shop, pending), await NumberAsync(shop, shortDraft)], ignoreOrder: true);
        later.OverdueCount.ShouldBe(4);
    }
}
