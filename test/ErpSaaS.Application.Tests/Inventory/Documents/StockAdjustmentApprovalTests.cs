using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Documents;

/// <summary>
/// Stock adjustments through the company's approval flow: an adjustment worth at least ¥100 waits for the boss before it
/// touches stock, posts exactly when approved, goes back to draft when rejected; smaller ones post at once.
/// </summary>
public sealed class StockAdjustmentApprovalTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    /// <summary>10 pieces of P-1 at ¥12 in WH01 (¥120), 4 at ¥12 in WH02; adjustments from ¥100 need the boss.</summary>
    private async Task<(StockDocumentsCompany Acme, Guid Boss)> CompanyAsync(ApprovalStepInput? step = null)
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.AddProductAsync("P-1", p => p with { StandardCost = 12m });
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 10m, 12m), acme.Opening("P-1", "WH02", 4m, 12m));
        var boss = await fixture.Given.User(acme.Tenant, "boss", StaticRoles.Admin);
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.StockAdjustment, step ?? new ApprovalStepInput
        {
            Name = "Boss from 100", ApproverKind = ApproverKind.User, ApproverUserId = boss, ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = 100m,
        }));
        return (acme, boss);
    }

    private static Task<Guid> DraftAsync(StockDocumentsCompany acme, params (string Warehouse, decimal Quantity)[] lines) =>
        acme.Adjustments(s => s.CreateAsync(new StockAdjustmentInput
        {
            RequestId = Guid.NewGuid(), Reason = lines.Any(l => l.Quantity > 0m) ? AdjustmentReason.Other : AdjustmentReason.Damage, Comment = "Water damage",
            Lines = [.. lines.Select(l => new StockAdjustmentLineInput { Product = "P-1", WarehouseId = acme.Warehouse(l.Warehouse), Quantity = l.Quantity })],
        }));

    private static Task PostAsync(StockDocumentsCompany acme, Guid adjustment) =>
        acme.Adjustments(async s => await s.PostAsync(adjustment, new StockDocumentActionInput { Version = (await s.GetAsync(adjustment)).Header.Version }));

    private static Task<StockAdjustmentDto> GetAsync(StockDocumentsCompany acme, Guid adjustment) => acme.Adjustments(s => s.GetAsync(adjustment));

    private Task<IReadOnlyList<ApprovalInboxItemDto>> InboxAsync(StockDocumentsCompany acme, Guid user) =>
        fixture.AsUserAsync(acme.Tenant, user, async sp => (await sp.GetRequiredService<IApprovalInboxAppService>().GetPendingAsync(new ApprovalInboxQuery())).Items);

    private Task DecideAsync(StockDocumentsCompany acme, Guid user, string number, bool approve, string? comment) =>
        fixture.AsUserAsync(acme.Tenant, user, async sp =>
        {
            var inbox = sp.GetRequiredService<IApprovalInboxAppService>();
            var item = (await inbox.GetPendingAsync(new ApprovalInboxQuery())).Items.Single(i => i.DocumentNumber == number);
            var input = new ApprovalDecisionInput { Comment = comment, Version = item.Version };
            if (approve) await inbox.ApproveAsync(item.RequestId, input);
            else await inbox.RejectAsync(item.RequestId, input);
            return true;
        });

    private static Task<ApprovalRequestDto?> RequestAsync(StockDocumentsCompany acme, Guid adjustment) =>
        acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalRequests>().FindAsync(ApprovalDocumentType.StockAdjustment, adjustment));

    [Fact]
    public async Task An_adjustment_above_the_amount_waits_unposted_and_posts_exactly_when_the_boss_approves()
    {
        var (acme, boss) = await CompanyAsync();
        var adjustment = await DraftAsync(acme, ("WH01", -9m));

        await PostAsync(acme, adjustment);

        var held = await GetAsync(acme, adjustment);
        held.Header.Status.ShouldBe(StockDocumentStatus.PendingApproval);
        held.Lines.Single().PostedValue.ShouldBeNull();
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 10m, 120.00m), ("WH02/-/-", 4m, 48.00m)]);
        var changed = await Should.ThrowAsync<BusinessException>(() => acme.Adjustments(s => s.UpdateAsync(adjustment, held.ToInput())));
        changed.Code.ShouldBe(StockDocumentErrorCodes.NotEditable);
        var item = (await InboxAsync(acme, boss)).ShouldHaveSingleItem();
        (item.DocumentType, item.DocumentNumber, item.Url).ShouldBe((ApprovalDocumentType.StockAdjustment, held.Header.Number, $"/app/inventory/adjustments/{adjustment}"));
        item.Summary.ShouldEndWith("108.00"); // 9 pieces at the average cost of ¥12
        item.Summary.ShouldStartWith("WH01 · Damage");

        await DecideAsync(acme, boss, held.Header.Number, approve: true, "Photos seen");

        var posted = await GetAsync(acme, adjustment);
        posted.Header.Status.ShouldBe(StockDocumentStatus.Posted);
        posted.Lines.Single().PostedValue.ShouldBe(-108.00m);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 1m, 12.00m), ("WH02/-/-", 4m, 48.00m)]);
        var last = posted.Header.Timeline[^1];
        (last.Status, last.UserName, last.Comment).ShouldBe((StockDocumentStatus.Posted, boss.ToString(), "Photos seen"));
        posted.Header.Timeline.Select(e => e.Status).ShouldBe([StockDocumentStatus.Draft, StockDocumentStatus.PendingApproval, StockDocumentStatus.Posted]);
        (await RequestAsync(acme, adjustment))!.Status.ShouldBe(ApprovalRequestStatus.Approved);
    }

    [Fact]
    public async Task A_rejected_adjustment_is_a_draft_again_with_the_reason_and_stock_untouched()
    {
        var (acme, boss) = await CompanyAsync();
        var adjustment = await DraftAsync(acme, ("WH01", -9m));
        await PostAsync(acme, adjustment);
        var number = (await GetAsync(acme, adjustment)).Header.Number;

        await DecideAsync(acme, boss, number, approve: false, "Count it again first");

        var draft = await GetAsync(acme, adjustment);
        draft.Header.Status.ShouldBe(StockDocumentStatus.Draft);
        (draft.Header.Timeline[^1].Status, draft.Header.Timeline[^1].UserName, draft.Header.Timeline[^1].Comment)
            .ShouldBe((StockDocumentStatus.Draft, boss.ToString(), "Count it again first"));
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 10m, 120.00m), ("WH02/-/-", 4m, 48.00m)]);
        (await RequestAsync(acme, adjustment))!.Steps.Single().Comment.ShouldBe("Count it again first");

        // Corrected to 8 pieces (¥96, below the boss's ¥100) it posts at once.
        var input = draft.ToInput();
        input.Lines[0].Quantity = -8m;
        await acme.Adjustments(s => s.UpdateAsync(adjustment, input));
        await PostAsync(acme, adjustment);
        (await GetAsync(acme, adjustment)).Header.Status.ShouldBe(StockDocumentStatus.Posted);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 2m, 24.00m), ("WH02/-/-", 4m, 48.00m)]);
    }

    [Fact]
    public async Task An_adjustment_below_the_amount_posts_at_once()
    {
        var (acme, boss) = await CompanyAsync();
        var adjustment = await DraftAsync(acme, ("WH01", -8m), ("WH02", 0.25m)); // |−8| + 0.25 at ¥12: ¥99.00

        await PostAsync(acme, adjustment);

        (await GetAsync(acme, adjustment)).Header.Status.ShouldBe(StockDocumentStatus.Posted);
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 2m, 24.00m), ("WH02/-/-", 4.25m, 51.00m)]);
        (await InboxAsync(acme, boss)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_submitter_is_never_an_approver_of_their_own_adjustment()
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1");
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 10m, 12m));
        var boss = await fixture.Given.User(acme.Tenant, "boss", StaticRoles.Admin);
        var admins = await acme.InCompanyAsync(async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<ErpSaaS.Identity.AppRole>>().FindByNameAsync(StaticRoles.Admin))!.Id);
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.StockAdjustment,
            new ApprovalStepInput { Name = "Admins", ApproverKind = ApproverKind.Role, ApproverRoleId = admins }));
        var adjustment = await DraftAsync(acme, ("WH01", -1m));

        await PostAsync(acme, adjustment); // the admin submits; admins approve, but not this one

        var request = (await RequestAsync(acme, adjustment))!;
        request.Steps.Single().Approvers.ShouldBe(["boss"]);
        (await InboxAsync(acme, acme.Admin)).ShouldBeEmpty();
        var own = await Should.ThrowAsync<BusinessException>(() => fixture.AsUserAsync(acme.Tenant, acme.Admin, sp =>
            sp.GetRequiredService<IApprovalInboxAppService>().ApproveAsync(request.Id, new ApprovalDecisionInput())));
        own.Code.ShouldBe(ApprovalErrorCodes.NotAnApprover);
        (await GetAsync(acme, adjustment)).Header.Status.ShouldBe(StockDocumentStatus.PendingApproval);
        (await InboxAsync(acme, boss)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Approving_an_adjustment_the_stock_no_longer_covers_is_refused_and_leaves_it_pending()
    {
        var (acme, boss) = await CompanyAsync();
        var large = await DraftAsync(acme, ("WH01", -9m));
        await PostAsync(acme, large);
        var small = await DraftAsync(acme, ("WH01", -5m)); // ¥60: posts at once, leaving 5
        await PostAsync(acme, small);
        var number = (await GetAsync(acme, large)).Header.Number;

        var refused = await Should.ThrowAsync<BusinessException>(() => DecideAsync(acme, boss, number, approve: true, null));

        refused.Code.ShouldBe(InventoryErrorCodes.InsufficientStock);
        refused.Field.ShouldBeNull();
        (await GetAsync(acme, large)).Header.Status.ShouldBe(StockDocumentStatus.PendingApproval);
        (await RequestAsync(acme, large))!.Status.ShouldBe(ApprovalRequestStatus.Pending);
        (await InboxAsync(acme, boss)).ShouldHaveSingleItem();
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 5m, 60.00m), ("WH02/-/-", 4m, 48.00m)]);
    }

    [Fact]
    public async Task A_warehouse_step_holds_an_adjustment_with_any_line_in_that_warehouse_and_cancelling_withdraws_it()
    {
        var acme = await StockDocumentsCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.AddProductAsync("P-1");
        await acme.PostOpeningAsync(acme.Opening("P-1", "WH01", 10m, 12m), acme.Opening("P-1", "WH02", 4m, 12m));
        var keeper = await fixture.Given.User(acme.Tenant, "keeper", StaticRoles.Admin);
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.StockAdjustment, new ApprovalStepInput
        {
            Name = "WH02 keeper", ApproverKind = ApproverKind.User, ApproverUserId = keeper, ConditionKind = ApprovalConditionKind.WarehouseEquals,
            ConditionWarehouseId = acme.Warehouse("WH02"),
        }));
        var here = await DraftAsync(acme, ("WH01", -1m));
        var both = await DraftAsync(acme, ("WH01", -1m), ("WH02", -1m));

        await PostAsync(acme, here);
        await PostAsync(acme, both);

        (await GetAsync(acme, here)).Header.Status.ShouldBe(StockDocumentStatus.Posted);
        (await GetAsync(acme, both)).Header.Status.ShouldBe(StockDocumentStatus.PendingApproval);
        (await InboxAsync(acme, keeper)).ShouldHaveSingleItem().Summary.ShouldStartWith("WH01, WH02");

        await acme.Adjustments(async s => await s.CancelAsync(both, new StockDocumentActionInput { Version = (await s.GetAsync(both)).Header.Version, Comment = "Mistake" }));

        (await GetAsync(acme, both)).Header.Status.ShouldBe(StockDocumentStatus.Cancelled);
        (await RequestAsync(acme, both))!.Status.ShouldBe(ApprovalRequestStatus.Withdrawn);
        (await InboxAsync(acme, keeper)).ShouldBeEmpty();
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 9m, 108.00m), ("WH02/-/-", 4m, 48.00m)]);
    }
}
