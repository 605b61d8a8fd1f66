using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>Needs to buy, typed or taken from the replenishment suggestions, approved and turned into orders per preferred supplier.</summary>
public sealed class RequisitionTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task An_approved_requisition_becomes_one_order_per_preferred_supplier_and_reports_lines_without_one()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 4m);
        await acme.AddProductAsync("P-2", standardCost: 4m);
        await acme.AddProductAsync("P-3", standardCost: 4m);
        await acme.AddSupplierAsync("S-1", leadTimeDays: 9);
        await acme.AddSupplierAsync("S-2");
        await acme.ListAsync("S-1", "P-1", price: 5m, leadTimeDays: 4, preferred: true);
        await acme.ListAsync("S-1", "P-2", price: 7m, preferred: true);
        await acme.ListAsync("S-2", "P-2", price: 6m);

        var id = await acme.Requisitions(s => s.CreateAsync(new PurchaseRequisitionInput
        {
            RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01"),
            Lines = [new() { Product = "P-1", Quantity = 30m, Reason = "Line stop" }, new() { Product = "P-2", Quantity = 12m }, new() { Product = "P-3", Quantity = 5m }],
        }));
        await acme.Requisitions(async s => { await s.SubmitAsync(id, new() { Version = (await s.GetAsync(id)).Version }); return true; });
        (await acme.Requisitions(s => s.GetAsync(id))).Status.ShouldBe(PurchaseRequisitionStatus.Approved);

        var conversion = await acme.Requisitions(async s => await s.ConvertAsync(id, new() { Version = (await s.GetAsync(id)).Version }));

        conversion.ProductsWithoutSupplier.ShouldBe(["P-3"]);
        var order = await acme.Orders(s => s.GetAsync(conversion.Orders.Single().Id));
        (order.SupplierCode, order.Status, order.Comment).ShouldBe(("S-1", PurchaseOrderStatus.Draft, (await acme.Requisitions(s => s.GetAsync(id))).Number));
        order.Lines.Select(l => (l.ProductCode, l.Quantity, l.UnitPrice, l.ExpectedDate.DayNumber - order.OrderDate.DayNumber))
            .ShouldBe([("P-1", 30m, 5m, 4), ("P-2", 12m, 7m, 9)]);
        var requisition = await acme.Requisitions(s => s.GetAsync(id));
        requisition.Status.ShouldBe(PurchaseRequisitionStatus.Approved);
        requisition.Lines.Select(l => l.PurchaseOrderNumber).ShouldBe([order.Number, order.Number, null]);
    }

    [Fact]
    public async Task One_click_on_the_replenishment_suggestions_makes_a_requisition_of_what_to_buy()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        var low = await acme.AddProductAsync("LOW", standardCost: 1m, reorderPoint: 10m, reorderQuantity: 50m);
        var fine = await acme.AddProductAsync("FINE", standardCost: 1m);

        var id = await acme.Requisitions(s => s.CreateFromSuggestionsAsync(new RequisitionFromSuggestionsInput
        {
            RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01"), ProductIds = [low, fine],
        }));

        var requisition = await acme.Requisitions(s => s.GetAsync(id));
        requisition.Lines.Select(l => (l.ProductCode, l.Quantity)).ShouldBe([("LOW", 50m)]);
        (await Should.ThrowAsync<BusinessException>(() => acme.Requisitions(s => s.CreateFromSuggestionsAsync(new RequisitionFromSuggestionsInput
        {
            RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01"), ProductIds = [fine],
        })))).Code.ShouldBe(PurchasingErrorCodes.NoSuggestionsChosen);
    }
}
