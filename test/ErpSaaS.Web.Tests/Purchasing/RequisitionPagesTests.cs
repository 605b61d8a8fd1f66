using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Purchasing;

public sealed class RequisitionPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    /// <summary>The stock pages' company plus product LOW (reorder point 10, reorder 40) that supplier S-1 is preferred for at ¥2.50.</summary>
    private async Task<StockDocumentPages> CompanyAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<ProductManager>().CreateAsync("LOW", new ProductDetails { Name = "Low runner", BaseUnit = "PCS", ReorderPoint = 10m, ReorderQuantity = 40m }, ct);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            var supplier = await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            await sp.GetRequiredService<SupplierProductManager>().AddAsync(supplier, "LOW", new SupplierProductTerms(null, 2.5m, "CNY", 3, 0m), true, ct);
            return true;
        }));
        return acme;
    }

    [Fact]
    public async Task Ticked_suggestions_become_a_requisition_which_once_approved_makes_a_purchase_order()
    {
        var acme = await CompanyAsync();
        var suggestions = await acme.PageAsync("/app/purchasing/requisitions/suggestions");
        suggestions.QuerySelector("#suggestions tbody")!.TextContent.ShouldContain("LOW");

        var created = await acme.SubmitAsync("/app/purchasing/requisitions/suggestions", suggestions, "#suggestions-form");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var requisition = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(requisition, await acme.PageAsync(requisition), "#submit-form");
        await acme.SubmitAsync(requisition, await acme.PageAsync(requisition), "#convert-form");

        var ordered = await acme.PageAsync(requisition);
        ordered.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Ordered");
        var orderLink = ordered.QuerySelector("#lines [data-order] a")!.GetAttribute("href")!;
        var order = await acme.PageAsync(orderLink);
        order.QuerySelector("#document-header")!.TextContent.ShouldContain("Shenzhen Parts");
        // 40 pieces at the listed ¥2.50 = ¥100.00, with the default 13 % VAT.
        order.QuerySelector("#order-total")!.TextContent.ShouldContain("113.00");
    }

    [Fact]
    public async Task Another_company_gets_404_for_a_requisition_and_does_not_see_it_listed()
    {
        var acme = await CompanyAsync();
        var globex = await StockDocumentPages.CreateAsync(factory);
        var requisition = (await acme.SubmitAsync("/app/purchasing/requisitions/suggestions", await acme.PageAsync("/app/purchasing/requisitions/suggestions"), "#suggestions-form"))
            .Headers.Location!.OriginalString;

        (await globex.Client.GetAsync(requisition)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(globex.Client, "/app/purchasing/requisitions/create", requisition + "?handler=Submit", ("Action.Version", "0")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await globex.PageAsync("/app/purchasing/requisitions")).QuerySelectorAll("#requisitions tbody a").ShouldBeEmpty();
    }
}
