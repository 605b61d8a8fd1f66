using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Approvals;

/// <summary>Flows with several steps, conditions, any-one and all-of approvers, managers, and the Starter plan's single step.</summary>
public sealed class ApprovalFlowTests(ApprovalsFixture fixture) : IClassFixture<ApprovalsFixture>
{
    [Fact]
    public async Task Steps_run_in_order_and_those_whose_condition_is_false_are_skipped()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddUserAsync("boss", StaticRoles.Viewer);
        await company.AddUserAsync("keeper", StaticRoles.WarehouseKeeper);
        var accountants = await company.RoleIdAsync(StaticRoles.Accountant);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", accountants));
        await company.AddStepAsync(new ApprovalStepInput
        {
            Name = "Boss above 50,000", ApproverKind = ApproverKind.User, ApproverUserId = company.User("boss"),
            ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = 50_000m,
        });
        await company.AddStepAsync(new ApprovalStepInput
        {
            Name = "Big discount", ApproverKind = ApproverKind.User, ApproverUserId = company.User("boss"),
            ConditionKind = ApprovalConditionKind.DiscountAtLeast, ConditionNumber = 10m,
        });
        await company.AddStepAsync(new ApprovalStepInput
        {
            Name = "Key accounts", ApproverKind = ApproverKind.User, ApproverUserId = company.User("keeper"),
            ConditionKind = ApprovalConditionKind.PartnerCategoryEquals, ConditionText = "Key account",
        });
        var small = Guid.CreateVersion7();
        var large = Guid.CreateVersion7();

        await company.SubmitAsync(small, "PO-0010", new ApprovalFacts(Amount: 49_999.99m, DiscountPercent: 5m, PartnerCategory: "key ACCOUNT"));
        await company.SubmitAsync(large, "PO-0011", new ApprovalFacts(Amount: 50_000m));

        (await company.FindAsync(small))!.Steps.Select(s => s.Status).ShouldBe(
            [ApprovalStepStatus.Active, ApprovalStepStatus.Skipped, ApprovalStepStatus.Skipped, ApprovalStepStatus.Waiting]);
        (await company.FindAsync(large))!.Steps.Select(s => s.Status).ShouldBe(
            [ApprovalStepStatus.Active, ApprovalStepStatus.Waiting, ApprovalStepStatus.Skipped, ApprovalStepStatus.Skipped]);
        (await company.InboxAsync("boss")).ShouldBeEmpty(); // not yet: the finance check comes first

        await company.ApproveAsync("accountant", "PO-0011");
        (await company.InboxAsync("boss")).Select(i => (i.DocumentNumber, i.StepName)).ShouldBe([("PO-0011", "Boss above 50,000")]);
        fixture.Decisions.For(large).ShouldBeEmpty();
        await company.ApproveAsync("boss", "PO-0011");
        fixture.Decisions.For(large).ShouldHaveSingleItem().Approved.ShouldBeTrue();

        await company.ApproveAsync("accountant", "PO-0010");
        await company.ApproveAsync("keeper", "PO-0010");
        fixture.Decisions.For(small).ShouldHaveSingleItem().Approved.ShouldBeTrue();
    }

    [Fact]
    public async Task A_document_for_which_no_step_applies_is_approved_at_once_and_keeps_its_trace()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        var warehouseId = Guid.CreateVersion7();
        await company.AddStepAsync(new ApprovalStepInput
        {
            Name = "Main warehouse", ApproverKind = ApproverKind.User, ApproverUserId = company.User("admin"),
            ConditionKind = ApprovalConditionKind.WarehouseEquals, ConditionWarehouseId = warehouseId,
        });
        var elsewhere = Guid.CreateVersion7();
        var there = Guid.CreateVersion7();

        (await company.SubmitAsync(elsewhere, "PO-0012", new ApprovalFacts(WarehouseId: Guid.CreateVersion7()))).ShouldBe(ApprovalSubmissionResult.Approved);
        (await company.SubmitAsync(there, "PO-0013", new ApprovalFacts(WarehouseId: warehouseId))).ShouldBe(ApprovalSubmissionResult.Pending);

        var skipped = (await company.FindAsync(elsewhere))!;
        skipped.Status.ShouldBe(ApprovalRequestStatus.Approved);
        skipped.Steps.ShouldHaveSingleItem().Status.ShouldBe(ApprovalStepStatus.Skipped);
        fixture.Decisions.For(elsewhere).ShouldBeEmpty(); // the caller approved it on the spot
    }

    [Fact]
    public async Task Any_one_approver_suffices_while_all_of_them_must_approve_an_all_of_step()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("anna", StaticRoles.Accountant);
        await company.AddUserAsync("bert", StaticRoles.Accountant);
        await company.AddUserAsync("carl", StaticRoles.Planner);
        await company.AddUserAsync("dora", StaticRoles.Planner);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Accounting", await company.RoleIdAsync(StaticRoles.Accountant)));
        await company.AddStepAsync(ApprovalCompany.RoleStep("Planning", await company.RoleIdAsync(StaticRoles.Planner), ApprovalStepMode.AllOf));
        var order = Guid.CreateVersion7();
        await company.SubmitAsync(order, "PO-0020");

        await company.ApproveAsync("bert", "PO-0020");
        (await company.InboxAsync("anna")).ShouldBeEmpty(); // any one of the accountants was enough

        await company.ApproveAsync("carl", "PO-0020");
        var half = (await company.FindAsync(order))!;
        half.Steps[1].Status.ShouldBe(ApprovalStepStatus.Active);
        half.Steps[1].DecidedBy.ShouldBe("carl");
        (await company.InboxAsync("carl")).ShouldBeEmpty();
        (await company.InboxAsync("dora")).ShouldHaveSingleItem();
        fixture.Decisions.For(order).ShouldBeEmpty();

        await company.ApproveAsync("dora", "PO-0020");
        fixture.Decisions.For(order).ShouldHaveSingleItem().Approved.ShouldBeTrue();
        (await company.FindAsync(order))!.Steps[1].DecidedBy.ShouldBe("carl, dora");
    }

    [Fact]
    public async Task The_submitters_manager_approves_and_without_a_manager_the_admins_do()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("lead", StaticRoles.Purchaser);
        await company.AddUserAsync("junior", StaticRoles.Purchaser);
        await company.SetManagerAsync("junior", "lead");
        await company.AddStepAsync(new ApprovalStepInput { Name = "Manager", ApproverKind = ApproverKind.SubmitterManager });

        await company.SubmitAsync(Guid.CreateVersion7(), "PO-0030", submitter: "junior");
        await company.SubmitAsync(Guid.CreateVersion7(), "PO-0031", submitter: "buyer");

        (await company.InboxAsync("lead")).Select(i => i.DocumentNumber).ShouldBe(["PO-0030"]);
        (await company.InboxAsync("admin")).Select(i => i.DocumentNumber).ShouldBe(["PO-0031"]);
    }

    [Fact]
    public async Task Nobody_approves_their_own_document()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("colleague", StaticRoles.Purchaser);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Buyers", await company.RoleIdAsync(StaticRoles.Purchaser)));

        await company.SubmitAsync(Guid.CreateVersion7(), "PO-0035");

        (await company.InboxAsync("buyer")).ShouldBeEmpty();
        (await company.InboxAsync("colleague")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_starter_plan_allows_one_step_with_a_clear_message()
    {
        var company = await ApprovalCompany.CreateAsync(fixture, PlanCodes.Starter);
        await company.AddStepAsync(ApprovalCompany.UserStep("Boss", company.User("admin")));

        var second = await Should.ThrowAsync<BusinessException>(() => company.AddStepAsync(ApprovalCompany.UserStep("Second", company.User("admin"))));

        second.Code.ShouldBe(ApprovalErrorCodes.OneStepOnly);
        var flows = await company.AsAsync("admin", sp => sp.GetRequiredService<IApprovalFlowAppService>().GetAllAsync());
        flows.Single(f => f.DocumentType == ApprovalDocumentType.PurchaseOrder).Steps.ShouldHaveSingleItem().Name.ShouldBe("Boss");
        (await company.AsAsync("admin", sp => sp.GetRequiredService<IApprovalFlowAppService>().GetOptionsAsync())).MultiStepEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Only_tenant_admins_configure_flows()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);

        await Should.ThrowAsync<AuthorizationException>(() => company.AsAsync("buyer", sp =>
            sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseOrder, ApprovalCompany.UserStep("Me", company.User("buyer")))));
    }

    [Fact]
    public async Task A_step_needs_a_name_its_approver_and_a_value_for_its_condition()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);

        (await Should.ThrowAsync<BusinessException>(() => company.AddStepAsync(new ApprovalStepInput { Name = " ", ApproverKind = ApproverKind.SubmitterManager })))
            .Field.ShouldBe("Name");
        (await Should.ThrowAsync<BusinessException>(() => company.AddStepAsync(new ApprovalStepInput { Name = "R", ApproverKind = ApproverKind.Role })))
            .Code.ShouldBe(ApprovalErrorCodes.RoleRequired);
        (await Should.ThrowAsync<BusinessException>(() => company.AddStepAsync(new ApprovalStepInput
        {
            Name = "D", ApproverKind = ApproverKind.SubmitterManager, ConditionKind = ApprovalConditionKind.DiscountAtLeast, ConditionNumber = 120m,
        }))).Code.ShouldBe(ApprovalErrorCodes.ConditionValueInvalid);
        (await Should.ThrowAsync<BusinessException>(() => company.AddStepAsync(new ApprovalStepInput
        {
            Name = "S", ApproverKind = ApproverKind.SubmitterManager, SlaHours = 0,
        }))).Code.ShouldBe(ApprovalErrorCodes.SlaHoursInvalid);
    }
}
