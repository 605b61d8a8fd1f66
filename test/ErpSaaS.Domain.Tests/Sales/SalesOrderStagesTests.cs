using ErpSaaS.Sales;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Sales;

public sealed class SalesOrderStagesTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    [Theory]
    [InlineData(SalesOrderStatus.Draft, 0, SalesOrderStage.Draft)]
    [InlineData(SalesOrderStatus.PendingApproval, 0, SalesOrderStage.AwaitingApproval)]
    [InlineData(SalesOrderStatus.Approved, 0, SalesOrderStage.ApprovedNotConfirmed)]
    [InlineData(SalesOrderStatus.Confirmed, 0, SalesOrderStage.AwaitingDelivery)]
    [InlineData(SalesOrderStatus.PartiallyDelivered, 0, SalesOrderStage.PartlyDelivered)]
    [InlineData(SalesOrderStatus.Delivered, 20, SalesOrderStage.ToInvoice)]
    [InlineData(SalesOrderStatus.Completed, 0.01, SalesOrderStage.ToReceivePayment)]
    [InlineData(SalesOrderStatus.Completed, 0, SalesOrderStage.Finished)]
    [InlineData(SalesOrderStatus.Cancelled, 0, SalesOrderStage.Finished)]
    public void The_stage_follows_the_status_and_what_the_customer_still_owes(SalesOrderStatus status, double owed, SalesOrderStage stage) =>
        SalesOrderStages.Of(status, (decimal)owed).ShouldBe(stage);

    [Theory]
    [InlineData(SalesOrderStatus.Confirmed, SalesOrderStage.BackOrdered)]
    [InlineData(SalesOrderStatus.PartiallyDelivered, SalesOrderStage.BackOrdered)]
    [InlineData(SalesOrderStatus.Approved, SalesOrderStage.ApprovedNotConfirmed)]
    public void An_order_waiting_for_back_ordered_stock_has_a_stage_of_its_own(SalesOrderStatus status, SalesOrderStage stage) =>
        SalesOrderStages.Of(status, 0m, backOrdered: 5m).ShouldBe(stage);

    [Fact]
    public void Delivery_is_late_only_after_the_promised_day_of_an_order_promised_to_the_customer()
    {
        SalesOrderStages.IsDeliveryLate(SalesOrderStatus.Confirmed, Today.AddDays(-1), Today).ShouldBeTrue();
        SalesOrderStages.IsDeliveryLate(SalesOrderStatus.PartiallyDelivered, Today.AddDays(-1), Today).ShouldBeTrue();
        SalesOrderStages.IsDeliveryLate(SalesOrderStatus.Approved, Today.AddDays(-1), Today).ShouldBeTrue();
        SalesOrderStages.IsDeliveryLate(SalesOrderStatus.Confirmed, Today, Today).ShouldBeFalse();
        SalesOrderStages.IsDeliveryLate(SalesOrderStatus.Draft, Today.AddDays(-3), Today).ShouldBeFalse();
        SalesOrderStages.IsDeliveryLate(SalesOrderStatus.Delivered, Today.AddDays(-3), Today).ShouldBeFalse();
    }
}
