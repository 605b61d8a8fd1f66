using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>
/// An approved order is never edited: the purchaser amends it, which cancels it with the reason and opens a draft copy
/// that goes through approval again. What is on order follows each step exactly.
/// </summary>
public sealed class OrderAmendmentTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task Amending_an_approved_order_cancels_it_and_its_draft_copy_is_approved_again_before_it_counts_as_on_order()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 100m);
        await acme.AddProductAsync("P-2", standardCost: 5m);
        await acme.AddSupplierAsync("S-1");
        await acme.RequireBossApprovalFromAsync(1000m);
        var order = await acme.CreateOrderAsync("S-1",
            new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, UnitPrice = 90m },
            new PurchaseOrderLineInput { Product = "P-2", Quantity = 2m, Unit = "BOX" });
        await acme.SubmitAsync(order);
        var original = await acme.Orders(s => s.GetAsync(order));
        await acme.DecideAsBossAsync(original.Number, approve: true, null);
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 10m));
        (await acme.LevelAsync("P-2", "WH01")).ShouldBe((0m, 20m));

        var copy = await acme.Orders(async s => await s.AmendAsync(order, new() { Version = (await s.GetAsync(order)).Version, Reason = "Supplier raised the price" }));

        var cancelled = await acme.Orders(s => s.GetAsync(order));
        cancelled.Status.ShouldBe(PurchaseOrderStatus.Cancelled);
        var draft = await acme.Orders(s => s.GetAsync(copy));
        (draft.Status, draft.Amends?.Number, cancelled.AmendedBy?.Number).ShouldBe((PurchaseOrderStatus.Draft, original.Number, draft.Number));
        cancelled.Timeline[^1].Comment.ShouldBe($"{original.Number} → {draft.Number}: Supplier raised the price");
        draft.Lines.Select(l => (l.ProductCode, l.Quantity, l.Unit, l.UnitPrice)).ShouldBe([("P-1", 10m, "PCS", 90m), ("P-2", 2m, "BOX", original.Lines[1].UnitPrice)]);
        draft.TotalAmount.ShouldBe(original.TotalAmount);
        // The original no longer counts; the copy counts once approved.
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 0m));

        var changed = draft.ToInput();
        changed.Lines[0].UnitPrice = 95m;
        await acme.Orders(s => s.UpdateAsync(copy, changed));
        await acme.SubmitAsync(copy);
        var pending = await acme.Orders(s => s.GetAsync(copy));
        (pending.Status, pending.TotalAmount).ShouldBe((PurchaseOrderStatus.PendingApproval, decimal.Round(10m * 95m * 1.13m, 2) + original.Lines[1].NetAmount + original.Lines[1].TaxAmount));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 0m));
        await acme.DecideAsBossAsync(pending.Number, approve: true, "New price accepted");
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 10m));
        (await acme.LevelAsync("P-2", "WH01")).ShouldBe((0m, 20m));
    }

    [Fact]
    public async Task Only_an_approved_order_nothing_was_received_against_can_be_amended_and_the_reason_is_required()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 3m);
        await acme.AddSupplierAsync("S-1");
        var draft = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m });
        (await Should.ThrowAsync<BusinessException>(() =>
            acme.Orders(async s => await s.AmendAsync(draft, new() { Version = (await s.GetAsync(draft)).Version, Reason = "Change" })))).Code
            .ShouldBe(PurchasingErrorCodes.AmendNotAllowed);

        await acme.SubmitAsync(draft);
        var noReason = await Should.ThrowAsync<BusinessException>(() =>
            acme.Orders(async s => await s.AmendAsync(draft, new() { Version = (await s.GetAsync(draft)).Version })));
        (noReason.Code, noReason.Field).ShouldBe((PurchasingErrorCodes.ReasonRequired, "Reason"));
        (await acme.Orders(s => s.GetAsync(draft))).Status.ShouldBe(PurchaseOrderStatus.Approved);

        await acme.ReceiveAsync(draft, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 4m });
        (await Should.ThrowAsync<BusinessException>(() =>
            acme.Orders(async s => await s.AmendAsync(draft, new() { Version = (await s.GetAsync(draft)).Version, Reason = "Change" })))).Code
            .ShouldBe(PurchasingErrorCodes.AmendNotAllowed);
        var received = await acme.Orders(s => s.GetAsync(draft));
        (received.Status, received.AmendedBy).ShouldBe((PurchaseOrderStatus.PartiallyReceived, null));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((4m, 6m));
    }
}
