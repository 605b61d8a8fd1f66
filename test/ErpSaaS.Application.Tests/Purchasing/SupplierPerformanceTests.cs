using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>Supplier figures on a data set small enough to compute by hand (the class moves its own clock).</summary>
public sealed class SupplierPerformanceTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task On_time_quality_and_price_stability_follow_the_definitions_for_the_period()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1");
        await acme.AddSupplierAsync("S-A");
        await acme.AddSupplierAsync("S-B");
        var today = await acme.InCompanyAsync(async sp => (await sp.GetRequiredService<PurchasingActors>().CurrentAsync()).Today);

        // S-A: 10 due in 2 days at ¥5 (8 accepted, 2 handed back at the door, on time) and 10 due tomorrow at ¥6 (received 3 days on: late).
        var a1 = await acme.CreateOrderAsync("S-A", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, UnitPrice = 5m, ExpectedDate = today.AddDays(2) });
        var a2 = await acme.CreateOrderAsync("S-A", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, UnitPrice = 6m, ExpectedDate = today.AddDays(1) });
        // S-B: 4 at ¥8, all good, on time.
        var b1 = await acme.CreateOrderAsync("S-B", new PurchaseOrderLineInput { Product = "P-1", Quantity = 4m, UnitPrice = 8m, ExpectedDate = today.AddDays(1) });
        foreach (var order in new[] { a1, a2, b1 }) await acme.SubmitAsync(order);
        await acme.ReceiveAsync(a1, null, new GoodsReceiptLineInput
        {
            OrderLineNumber = 1, AcceptedQuantity = 8m, RejectedQuantity = 2m, RejectReason = "Dented", Disposition = RejectedGoodsDisposition.ReturnToSupplier,
        });
        await acme.ReceiveAsync(b1, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 4m });
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await acme.ReceiveAsync(a2, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });

        var all = await Performance(acme, new SupplierPerformanceQuery { From = today, To = today.AddDays(3) });
        var a = all.Single(r => r.SupplierCode == "S-A");
        // On time 1 of 2; accepted 18 of 20 inspected; prices 5 and 6: mean 5.5, deviation 0.5, CV 0.5 / 5.5 = 9.09 %.
        (a.Receipts, a.OnTimeReceipts, a.OnTimeRatePercent).ShouldBe((2, 1, 50.00m));
        (a.ReceivedQuantity, a.AcceptedQuantity, a.QualityPassRatePercent).ShouldBe((20m, 18m, 90.00m));
        (a.PricedLines, a.PriceVariationPercent).ShouldBe((2, 9.09m));
        var b = all.Single(r => r.SupplierCode == "S-B");
        (b.Receipts, b.OnTimeRatePercent, b.QualityPassRatePercent, b.PriceVariationPercent).ShouldBe((1, 100.00m, 100.00m, 0.00m));

        // From tomorrow on only S-A's late receipt is in the period; prices still look back 90 days from its end.
        var later = (await Performance(acme, new SupplierPerformanceQuery { From = today.AddDays(1), To = today.AddDays(3) })).Single(r => r.SupplierCode == "S-A");
        (later.Receipts, later.OnTimeRatePercent, later.QualityPassRatePercent, later.PriceVariationPercent).ShouldBe((1, 0.00m, 100.00m, 9.09m));
    }

    private static Task<IReadOnlyList<SupplierPerformanceDto>> Performance(PurchasingCompany acme, SupplierPerformanceQuery query) =>
        acme.InCompanyAsync(sp => sp.GetRequiredService<ISupplierPerformanceAppService>().GetAsync(query));
}
