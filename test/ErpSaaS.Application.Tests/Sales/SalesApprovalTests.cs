using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>A discount beyond the company's limit or an order beyond the customer's credit waits for the boss; stock is reserved only once approved.</summary>
public sealed class SalesApprovalTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<(SalesCompany Shop, Guid Boss)> ShopWithApproverAsync(ApprovalDocumentType type, decimal stock = 100m, decimal creditLimit = 1_000_000m)
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.ReceiveStockAsync("SKU-1", stock, 5m);
        await shop.AddCustomerAsync("C1", creditLimit);
        var boss = await fixture.Given.User(shop.Stock.Tenant, "boss", StaticRoles.Admin);
        await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(type,
            new ApprovalStepInput { Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, Mode = ApprovalStepMode.AnyOne }));
        return (shop, boss);
    }

    private static Task<Guid> DiscountedOrderAsync(SalesCompany shop, decimal quantity, decimal discount) =>
        shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer("C1"), WarehouseId = shop.Warehouse(),
            Lines = [new SalesOrderLineInput { Product = "SKU-1", Quantity = quantity, DiscountPercent = discount }],
        }));

    private Task DecideAsync(SalesCompany shop, Guid boss, bool approve, string? comment) =>
        fixture.AsUserAsync(shop.Stock.Tenant, boss, async sp =>
        {
            var inbox = sp.GetRequiredService<IApprovalInboxAppService>();
            var item = (await inbox.GetPendingAsync(new ApprovalInboxQuery())).Items.Single();
            var input = new ApprovalDecisionInput { Comment = comment, Version = item.Version };
            if (approve) await inbox.ApproveAsync(item.RequestId, input);
            else await inbox.RejectAsync(item.RequestId, input);
        });

    [Fact]
    public async Task A_discount_beyond_the_limit_waits_for_approval_without_reserving_and_is_confirmed_with_its_reservation_once_approved()
    {
        var (shop, boss) = await ShopWithApproverAsync(ApprovalDocumentType.SalesDiscount);
        var withinLimit = await DiscountedOrderAsync(shop, 5m, 10m);
        var beyondLimit = await DiscountedOrderAsync(shop, 30m, 15m);

        var small = await shop.ConfirmAsync(withinLimit);
        var pending = await shop.ConfirmAsync(beyondLimit);
        var whilePending = await shop.LevelAsync("SKU-1");
        await DecideAsync(shop, boss, approve: true, "OK for this key account");
        var approved = await shop.GetOrderAsync(beyondLimit);
        var afterApproval = await shop.LevelAsync("SKU-1");

        (small, pending).ShouldBe((SalesOrderStatus.Confirmed, SalesOrderStatus.PendingApproval));
        whilePending.Reserved.ShouldBe(5m);
        (approved.Status, approved.DiscountApproval, approved.CreditApproval).ShouldBe((SalesOrderStatus.Confirmed, SalesApprovalState.Approved, SalesApprovalState.NotNeeded));
        approved.Timeline.Select(e => e.Status).ShouldBe(["Draft", "PendingApproval", "Approved", "Confirmed"]);
        approved.Timeline[2].Comment.ShouldBe("OK for this key account");
        afterApproval.Reserved.ShouldBe(35m);
    }

    [Fact]
    public async Task A_rejected_discount_sends_the_order_back_to_draft_with_the_reason_and_an_order_pending_approval_cannot_be_changed()
    {
        var (shop, boss) = await ShopWithApproverAsync(ApprovalDocumentType.SalesDiscount);
        var orderId = await DiscountedOrderAsync(shop, 30m, 40m);
        await shop.ConfirmAsync(orderId);
        var pending = await shop.GetOrderAsync(orderId);
        var locked = await Should.ThrowAsync<ErpSaaS.Common.BusinessException>(() => shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async orders =>
        {
            await orders.UpdateAsync(orderId, pending.ToInput());
            return true;
        }));

        await DecideAsync(shop, boss, approve: false, "40 % is too much");
        var rejected = await shop.GetOrderAsync(orderId);

        locked.Code.ShouldBe(ErpSaaS.Errors.SalesErrorCodes.NotEditable);
        (rejected.Status, rejected.DiscountApproval).ShouldBe((SalesOrderStatus.Draft, SalesApprovalState.NotNeeded));
        (rejected.Timeline[^1].Status, rejected.Timeline[^1].Comment).ShouldBe(("Draft", "40 % is too much"));
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(0m);
    }

    [Fact]
    public async Task An_order_beyond_the_credit_limit_counts_open_receivables_and_confirmed_orders_and_stays_approved_when_stock_is_short_at_approval()
    {
        // Limit 700: an order of 339 (30 × 10 + 13 % VAT) fits; with a second one of 339 the customer would owe 678, a third 1,017.
        var (shop, boss) = await ShopWithApproverAsync(ApprovalDocumentType.SalesOrderCredit, stock: 70m, creditLimit: 700m);
        var first = await shop.OrderAsync("C1", ("SKU-1", 30m));
        var second = await shop.OrderAsync("C1", ("SKU-1", 30m));
        var third = await shop.OrderAsync("C1", ("SKU-1", 30m));
        await shop.ConfirmAsync(first);
        var delivery = await shop.DeliverAsync(first);
        await shop.InvoiceAsync(delivery);

        var secondStatus = await shop.ConfirmAsync(second);
        var thirdStatus = await shop.ConfirmAsync(third);
        await DecideAsync(shop, boss, approve: true, null);
        var approvedShort = await shop.GetOrderAsync(third);
        var request = await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<IApprovalRequests>().FindAsync(ApprovalDocumentType.SalesOrderCredit, third));

        (secondStatus, thirdStatus).ShouldBe((SalesOrderStatus.Confirmed, SalesOrderStatus.PendingApproval));
        (approvedShort.Status, approvedShort.CreditApproval).ShouldBe((SalesOrderStatus.Approved, SalesApprovalState.Approved));
        approvedShort.Timeline[^1].Comment.ShouldBe("#1: 30 > 10");
        request!.Status.ShouldBe(ApprovalRequestStatus.Approved);
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(30m);
    }

    [Fact]
    public async Task An_order_approved_while_stock_is_short_stays_approved_and_with_automatic_needs_raises_one_requisition_per_short_line()
    {
        var (shop, boss) = await ShopWithApproverAsync(ApprovalDocumentType.SalesDiscount, stock: 10m);
        await shop.Stock.SetAsync(SalesSettings.ShortageAction, nameof(ShortageAction.Automatic));
        var orderId = await DiscountedOrderAsync(shop, 25m, 15m);

        var pending = await shop.ConfirmAsync(orderId);
        await DecideAsync(shop, boss, approve: true, null);
        var approved = await shop.GetOrderAsync(orderId);
        var raised = await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<ErpSaaS.Purchasing.IPurchaseNeeds>().GetRaisedAsync(SalesConsts.OrderSource, orderId));
        var requisition = await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<ErpSaaS.Purchasing.IPurchaseRequisitionAppService>().GetAsync(raised.Single().RequisitionId));

        (pending, approved.Status).ShouldBe((SalesOrderStatus.PendingApproval, SalesOrderStatus.Approved));
        (raised.Single().SourceLine, requisition.Lines.Single().ProductCode, requisition.Lines.Single().Quantity).ShouldBe((1, "SKU-1", 15m));
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(0m);
    }
}
