using ErpSaaS.Purchasing;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Purchasing;

public sealed class PurchaseOrderStagesTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    [Theory]
    [InlineData(PurchaseOrderStatus.Draft, false, 0, PurchaseOrderStage.Draft)]
    [InlineData(PurchaseOrderStatus.PendingApproval, false, 0, PurchaseOrderStage.AwaitingApproval)]
    [InlineData(PurchaseOrderStatus.Approved, false, 0, PurchaseOrderStage.ApprovedNotSent)]
    [InlineData(PurchaseOrderStatus.Approved, true, 0, PurchaseOrderStage.AwaitingReceipt)]
    [InlineData(PurchaseOrderStatus.Sent, false, 0, PurchaseOrderStage.AwaitingConfirmation)]
    [InlineData(PurchaseOrderStatus.Sent, true, 0, PurchaseOrderStage.AwaitingReceipt)]
    [InlineData(PurchaseOrderStatus.PartiallyReceived, true, 0, PurchaseOrderStage.PartlyReceived)]
    [InlineData(PurchaseOrderStatus.ToInvoice, true, 10, PurchaseOrderStage.ToInvoice)]
    [InlineData(PurchaseOrderStatus.Completed, true, 0.01, PurchaseOrderStage.ToPay)]
    [InlineData(PurchaseOrderStatus.Completed, true, 0, PurchaseOrderStage.Finished)]
    [InlineData(PurchaseOrderStatus.Closed, true, 5, PurchaseOrderStage.Finished)]
    [InlineData(PurchaseOrderStatus.Cancelled, false, 0, PurchaseOrderStage.Finished)]
    public void The_stage_follows_the_status_the_confirmed_date_and_what_is_still_owed(PurchaseOrderStatus status, bool confirmed, double owed, PurchaseOrderStage stage) =>
        PurchaseOrderStages.Of(status, confirmed, (decimal)owed).ShouldBe(stage);

    [Fact]
    public void Goods_are_late_only_after_their_due_day_and_only_while_the_order_can_still_be_received_against()
    {
        PurchaseOrderStages.IsReceiptLate(PurchaseOrderStatus.Sent, Today.AddDays(-1), Today).ShouldBeTrue();
        PurchaseOrderStages.IsReceiptLate(PurchaseOrderStatus.PartiallyReceived, Today.AddDays(-1), Today).ShouldBeTrue();
        PurchaseOrderStages.IsReceiptLate(PurchaseOrderStatus.Approved, Today, Today).ShouldBeFalse();
        PurchaseOrderStages.IsReceiptLate(PurchaseOrderStatus.Approved, null, Today).ShouldBeFalse();
        PurchaseOrderStages.IsReceiptLate(PurchaseOrderStatus.Draft, Today.AddDays(-5), Today).ShouldBeFalse();
        PurchaseOrderStages.IsReceiptLate(PurchaseOrderStatus.Closed, Today.AddDays(-5), Today).ShouldBeFalse();
    }
}
