using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Documents;

public sealed class StockDocumentRulesTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static async Task<StockDocumentsCompany> CompanyAsync(ErpTestFixture fixture, params string[] warehouses)
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture, warehouses: warehouses);
        await acme.AddProductAsync("P-1", p => p with { StandardCost = 4m, UnitConversions = [new UnitConversionDetails("BOX", 12m)] });
        return acme;
    }

    private static OpeningBalanceInput OpeningOf(StockDocumentsCompany acme, decimal quantity, Guid? requestId = null) =>
        new() { RequestId = requestId ?? Guid.NewGuid(), Lines = [acme.Opening("P-1", "WH01", quantity, 5m)] };

    [Fact]
    public async Task Submitting_the_same_create_form_twice_creates_one_document_even_when_both_arrive_together()
    {
        var acme = await CompanyAsync(fixture);
        var requestId = Guid.NewGuid();

        var first = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m, requestId)));
        var again = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m, requestId)));
        var racing = Guid.NewGuid();
        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => acme.Openings(s => s.CreateAsync(OpeningOf(acme, 2m, racing)))));

        again.ShouldBe(first);
        together.Distinct().Count().ShouldBe(1);
        var list = await acme.Documents(s => s.GetListAsync(StockDocumentKind.Opening, new StockDocumentListQuery()));
        list.TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Numbers_follow_each_other_without_gaps_even_after_a_refused_create()
    {
        var acme = await CompanyAsync(fixture);

        var first = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m)));
        await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(OpeningOf(acme, -1m))));
        var second = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m)));
        var count = await acme.Counts(s => s.CreateAsync(new StockCountInput { RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouse("WH01") }));

        (await acme.Openings(s => s.GetAsync(first))).Header.Number.ShouldBe("OB-202611-0001");
        (await acme.Openings(s => s.GetAsync(second))).Header.Number.ShouldBe("OB-202611-0002");
        (await acme.Counts(s => s.GetAsync(count))).Header.Number.ShouldBe("SC-202611-0001");
    }

    [Fact]
    public async Task A_line_error_names_the_line_and_field_and_saves_nothing()
    {
        var acme = await CompanyAsync(fixture);

        var badQuantity = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("P-1", "WH01", 1m, 5m), acme.Opening("P-1", "WH01", 0m, 5m)],
        })));
        var unknownProduct = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("NOPE", "WH01", 1m, 5m)],
        })));
        var unknownBin = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("P-1", "WH01", 1m, 5m, location: "Z-99")],
        })));
        var wrongUnit = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("P-1", "WH01", 1m, 5m, unit: "KG")],
        })));
        var noLines = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CreateAsync(new OpeningBalanceInput { RequestId = Guid.NewGuid() })));

        (badQuantity.Field, badQuantity.Code).ShouldBe(("Lines[1].Quantity", StockDocumentErrorCodes.QuantityMustBePositive));
        (unknownProduct.Field, unknownProduct.Code).ShouldBe(("Lines[0].Product", StockDocumentErrorCodes.ProductUnknown));
        (unknownBin.Field, unknownBin.Code).ShouldBe(("Lines[0].Location", StockDocumentErrorCodes.LocationUnknown));
        (wrongUnit.Field, wrongUnit.Code).ShouldBe(("Lines[0].Unit", StockDocumentErrorCodes.UnitNotConvertible));
        (noLines.Field, noLines.Code).ShouldBe(("Lines", StockDocumentErrorCodes.LinesRequired));
        (await acme.Documents(s => s.GetListAsync(StockDocumentKind.Opening, new StockDocumentListQuery()))).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_quantity_in_boxes_is_kept_in_pieces_and_a_missing_cost_takes_the_standard_cost_per_unit_entered()
    {
        var acme = await CompanyAsync(fixture);

        var id = await acme.Openings(s => s.CreateAsync(new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(), Lines = [acme.Opening("P-1", "WH01", 2m, null, unit: "box")],
        }));

        var line = (await acme.Openings(s => s.GetAsync(id))).Lines.Single();
        (line.Quantity, line.Unit, line.BaseQuantity, line.BaseUnit, line.UnitCost, line.Value).ShouldBe((2m, "BOX", 24m, "PCS", 48m, 96.00m));
    }

    [Fact]
    public async Task A_posted_document_can_no_longer_be_changed_cancelled_or_posted_again()
    {
        var acme = await CompanyAsync(fixture);
        var id = await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 10m, 5m));
        var posted = await acme.Openings(s => s.GetAsync(id));
        var action = new StockDocumentActionInput { Version = posted.Header.Version };

        var edit = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.UpdateAsync(id, posted.ToInput())));
        var cancel = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.CancelAsync(id, action)));
        var postAgain = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.PostAsync(id, action)));

        edit.Code.ShouldBe(StockDocumentErrorCodes.NotEditable);
        cancel.Code.ShouldBe(StockDocumentErrorCodes.StatusChangeNotAllowed);
        postAgain.Code.ShouldBe(StockDocumentErrorCodes.NotEditable);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 10m, 50.00m)]);
        (await acme.Openings(s => s.GetAsync(id))).Header.Version.ShouldBe(posted.Header.Version);
    }

    [Fact]
    public async Task An_edit_made_on_an_older_copy_is_refused_as_a_concurrency_conflict()
    {
        var acme = await CompanyAsync(fixture);
        var id = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m)));
        var copy = await acme.Openings(s => s.GetAsync(id));
        var first = copy.ToInput();
        first.Lines[0].Quantity = 2m;
        await acme.Openings(s => s.UpdateAsync(id, first));

        var stale = copy.ToInput();
        stale.Lines[0].Quantity = 3m;
        var refused = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.UpdateAsync(id, stale)));
        var postStale = await Should.ThrowAsync<BusinessException>(() => acme.Openings(s => s.PostAsync(id, new() { Version = copy.Header.Version })));

        refused.Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        postStale.Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        (await acme.Openings(s => s.GetAsync(id))).Lines.Single().Quantity.ShouldBe(2m);
    }

    [Fact]
    public async Task The_timeline_records_who_created_and_cancelled_a_document_and_why()
    {
        var acme = await CompanyAsync(fixture);
        var id = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await acme.Openings(async s => await s.CancelAsync(id, new() { Version = (await s.GetAsync(id)).Header.Version, Comment = "Entered twice" }));

        var cancelled = (await acme.Openings(s => s.GetAsync(id))).Header;
        cancelled.Status.ShouldBe(StockDocumentStatus.Cancelled);
        cancelled.Timeline.Select(e => (e.Status, e.UserName, e.Comment)).ShouldBe(
        [
            (StockDocumentStatus.Draft, acme.Admin.ToString(), (string?)null),
            (StockDocumentStatus.Cancelled, acme.Admin.ToString(), "Entered twice"),
        ]);
        (cancelled.Timeline[1].At - cancelled.Timeline[0].At).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Another_company_cannot_read_change_post_or_cancel_a_document_by_its_id()
    {
        var acme = await CompanyAsync(fixture);
        var globex = await CompanyAsync(fixture);
        var id = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m)));
        var version = (await acme.Openings(s => s.GetAsync(id))).Header.Version;

        await Should.ThrowAsync<EntityNotFoundException>(() => globex.Openings(s => s.GetAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.Openings(s => s.UpdateAsync(id, OpeningOf(globex, 5m))));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.Openings(s => s.PostAsync(id, new() { Version = version })));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.Openings(s => s.CancelAsync(id, new() { Version = version })));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.Counts(s => s.GetAsync(id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => globex.Counts(s => s.ScanAsync(id, new StockCountScanInput { Barcode = "P-1" })));

        (await globex.Documents(s => s.GetListAsync(StockDocumentKind.Opening, new StockDocumentListQuery()))).TotalCount.ShouldBe(0);
        (await acme.Openings(s => s.GetAsync(id))).Header.Status.ShouldBe(StockDocumentStatus.Draft);
        (await acme.Openings(s => s.GetAsync(id))).Lines.Single().Quantity.ShouldBe(1m);
    }

    [Fact]
    public async Task The_same_request_id_in_another_company_is_another_document()
    {
        var acme = await CompanyAsync(fixture);
        var globex = await CompanyAsync(fixture);
        var requestId = Guid.NewGuid();

        var mine = await acme.Openings(s => s.CreateAsync(OpeningOf(acme, 1m, requestId)));
        var theirs = await globex.Openings(s => s.CreateAsync(OpeningOf(globex, 1m, requestId)));

        theirs.ShouldNotBe(mine);
    }

    [Fact]
    public async Task A_user_without_the_inventory_permission_is_refused()
    {
        var acme = await CompanyAsync(fixture);
        var accountant = await fixture.Given.User(acme.Tenant, "accountant", StaticRoles.Accountant);

        await Should.ThrowAsync<AuthorizationException>(() => fixture.AsUserAsync(acme.Tenant, accountant, sp =>
            sp.GetRequiredService<IOpeningBalanceAppService>().CreateAsync(OpeningOf(acme, 1m))));
        await Should.ThrowAsync<AuthorizationException>(() => fixture.AsUserAsync(acme.Tenant, accountant, sp =>
            sp.GetRequiredService<IStockDocumentAppService>().GetListAsync(StockDocumentKind.Count, new StockDocumentListQuery())));
    }

    [Fact]
    public async Task Moving_stock_between_warehouses_needs_the_multi_warehouse_feature_but_moving_between_bins_does_not()
    {
        var acme = await CompanyAsync(fixture, "WH01", "WH02");
        await acme.AddLocationAsync("WH01", "A-01");
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 10m, 5m));
        await fixture.InScopeAsync(null, async sp =>
        {
            sp.GetRequiredService<IPlanRepository>().AddOverride(new TenantFeatureOverride(acme.Tenant, ErpFeatures.MultiWarehouse, "false"));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

        var refused = await Should.ThrowAsync<AuthorizationException>(() => acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "P-1", FromWarehouseId = acme.Warehouse("WH01"), ToWarehouseId = acme.Warehouse("WH02"), Quantity = 1m }],
        })));
        var binMove = await acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "P-1", FromWarehouseId = acme.Warehouse("WH01"), ToWarehouseId = acme.Warehouse("WH01"), ToLocation = "A-01", Quantity = 4m }],
        }));
        await acme.Transfers(async s => await s.PostAsync(binMove, new() { Version = (await s.GetAsync(binMove)).Header.Version }));

        refused.MissingFeature.ShouldBe(ErpFeatures.MultiWarehouse);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 6m, 30.00m), ("WH01/A-01/-", 4m, 20.00m)]);
    }

    [Fact]
    public async Task A_transfer_to_the_very_place_it_comes_from_is_refused_and_one_beyond_the_stock_changes_nothing()
    {
        var acme = await CompanyAsync(fixture, "WH01", "WH02");
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 3m, 5m));

        var samePlace = await Should.ThrowAsync<BusinessException>(() => acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "P-1", FromWarehouseId = acme.Warehouse("WH01"), ToWarehouseId = acme.Warehouse("WH01"), Quantity = 1m }],
        })));
        var tooMuch = await acme.Transfers(s => s.CreateAsync(new StockTransferInput
        {
            RequestId = Guid.NewGuid(),
            Lines = [new() { Product = "P-1", FromWarehouseId = acme.Warehouse("WH01"), ToWarehouseId = acme.Warehouse("WH02"), Quantity = 5m }],
        }));
        var short_ = await Should.ThrowAsync<BusinessException>(() =>
            acme.Transfers(async s => await s.PostAsync(tooMuch, new() { Version = (await s.GetAsync(tooMuch)).Header.Version })));

        (samePlace.Field, samePlace.Code).ShouldBe(("Lines[0].ToLocation", StockDocumentErrorCodes.TransferToSamePlace));
        (short_.Field, short_.Code).ShouldBe(((string?)null, InventoryErrorCodes.InsufficientStock));
        short_.Args.ShouldBe(["P-1", "WH01", 3m, 5m]);
        (await acme.Transfers(s => s.GetAsync(tooMuch))).Header.Status.ShouldBe(StockDocumentStatus.Draft);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 3m, 15.00m)]);
    }

    [Fact]
    public async Task An_adjustment_goes_the_way_its_reason_says_and_other_needs_a_comment()
    {
        var acme = await CompanyAsync(fixture);
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 10m, 5m));
        StockAdjustmentInput Adjust(AdjustmentReason reason, decimal quantity, string? comment = null, decimal? cost = null) => new()
        {
            RequestId = Guid.NewGuid(), Reason = reason, Comment = comment,
            Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouse("WH01"), Quantity = quantity, UnitCost = cost }],
        };

        var damageUp = await Should.ThrowAsync<BusinessException>(() => acme.Adjustments(s => s.CreateAsync(Adjust(AdjustmentReason.Damage, 1m))));
        var foundDown = await Should.ThrowAsync<BusinessException>(() => acme.Adjustments(s => s.CreateAsync(Adjust(AdjustmentReason.Found, -1m))));
        var otherSilent = await Should.ThrowAsync<BusinessException>(() => acme.Adjustments(s => s.CreateAsync(Adjust(AdjustmentReason.Other, 1m))));
        var costOnIssue = await Should.ThrowAsync<BusinessException>(() => acme.Adjustments(s => s.CreateAsync(Adjust(AdjustmentReason.Loss, -1m, cost: 3m))));
        var found = await acme.Adjustments(s => s.CreateAsync(Adjust(AdjustmentReason.Found, 2m)));
        await acme.Adjustments(async s => await s.PostAsync(found, new() { Version = (await s.GetAsync(found)).Header.Version }));

        (damageUp.Field, damageUp.Code).ShouldBe(("Lines[0].Quantity", StockDocumentErrorCodes.AdjustmentOnlyDecreases));
        (foundDown.Field, foundDown.Code).ShouldBe(("Lines[0].Quantity", StockDocumentErrorCodes.AdjustmentOnlyIncreases));
        (otherSilent.Field, otherSilent.Code).ShouldBe(("Comment", StockDocumentErrorCodes.AdjustmentCommentRequired));
        (costOnIssue.Field, costOnIssue.Code).ShouldBe(("Lines[0].UnitCost", StockDocumentErrorCodes.UnitCostOnlyForIncreases));
        // Found stock without a cost comes in at the current average cost.
        (await acme.Adjustments(s => s.GetAsync(found))).Lines.Single().PostedUnitCost.ShouldBe(5m);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 12m, 60.00m)]);
    }
}
