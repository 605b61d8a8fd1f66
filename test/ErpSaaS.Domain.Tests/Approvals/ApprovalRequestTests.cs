using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Approvals;

public sealed class ApprovalRequestTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly ApproverRef Anna = new(Guid.CreateVersion7(), "anna");
    private static readonly ApproverRef Bert = new(Guid.CreateVersion7(), "bert");
    private static readonly ApproverRef Boss = new(Guid.CreateVersion7(), "boss");
    private static readonly ApprovalActor Buyer = new(Guid.CreateVersion7(), "buyer", Monday);

    private static ApprovalActor As(ApproverRef person, double hoursLater = 1) => new(person.UserId, person.Name, Monday.AddHours(hoursLater));

    private static ApprovalRequest Submit(params PlannedStep[] plan) =>
        new(ApprovalDocumentType.PurchaseOrder, Guid.CreateVersion7(), "PO-1", "PO-1 summary", "/po/1", plan, Buyer);

    [Fact]
    public void Submitting_activates_the_first_step_that_applies_with_its_due_time()
    {
        var request = Submit(
            new PlannedStep("Skipped", ApprovalStepMode.AnyOne, 4, Applies: false, []),
            new PlannedStep("Finance", ApprovalStepMode.AnyOne, 8, Applies: true, [Anna]));

        request.Status.ShouldBe(ApprovalRequestStatus.Pending);
        request.Steps.Select(s => s.Status).ShouldBe([ApprovalStepStatus.Skipped, ApprovalStepStatus.Active]);
        request.ActiveStep!.DueAt.ShouldBe(Monday.AddHours(8));
        request.AwaitsDecisionOf(Anna.UserId).ShouldBeTrue();
    }

    [Fact]
    public void A_request_without_applicable_steps_is_approved_on_submission()
    {
        var request = Submit(new PlannedStep("Skipped", ApprovalStepMode.AnyOne, null, Applies: false, []));

        (request.Status, request.EndedAt).ShouldBe((ApprovalRequestStatus.Approved, Monday));
    }

    [Fact]
    public void The_last_approval_approves_the_request_and_records_the_cycle_time()
    {
        var request = Submit(new PlannedStep("Finance", ApprovalStepMode.AnyOne, null, true, [Anna, Bert]), new PlannedStep("Boss", ApprovalStepMode.AnyOne, null, true, [Boss]));

        request.Approve(Anna.UserId, As(Anna), null).ShouldBeFalse();
        request.AwaitsDecisionOf(Bert.UserId).ShouldBeFalse();
        request.Approve(Boss.UserId, As(Boss, 3), "ok").ShouldBeTrue();

        request.Status.ShouldBe(ApprovalRequestStatus.Approved);
        (request.EndedAt - request.SubmittedAt).ShouldBe(TimeSpan.FromHours(3));
        request.Events.Select(e => e.Kind).ShouldBe(
            [ApprovalRequestEventKind.Submitted, ApprovalRequestEventKind.Approved, ApprovalRequestEventKind.Approved, ApprovalRequestEventKind.Completed]);
    }

    [Fact]
    public void An_all_of_step_waits_for_everyone_unless_the_next_level_steps_in()
    {
        var request = Submit(new PlannedStep("Both", ApprovalStepMode.AllOf, 2, true, [Anna, Bert]));

        request.Approve(Anna.UserId, As(Anna), null).ShouldBeFalse();
        request.Escalate([Boss], Monday.AddHours(3));
        request.Escalate([new ApproverRef(Guid.CreateVersion7(), "other")], Monday.AddHours(4)); // once per step

        request.ActiveStep!.Approvers.Select(a => a.UserName).ShouldBe(["anna", "bert", "boss"]);
        request.Approve(Boss.UserId, As(Boss, 5), null).ShouldBeTrue();
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_ends_the_request()
    {
        var request = Submit(new PlannedStep("Finance", ApprovalStepMode.AnyOne, null, true, [Anna]));

        Should.Throw<BusinessException>(() => request.Reject(Anna.UserId, As(Anna), "   ")).Code.ShouldBe(ApprovalErrorCodes.ReasonRequired);
        request.Reject(Anna.UserId, As(Anna), "too expensive");

        request.Status.ShouldBe(ApprovalRequestStatus.Rejected);
        Should.Throw<BusinessException>(() => request.Approve(Anna.UserId, As(Anna), null)).Code.ShouldBe(ApprovalErrorCodes.NotPending);
    }

    [Fact]
    public void Only_an_undecided_approver_of_the_active_step_decides_and_a_delegate_is_recorded_for_them()
    {
        var request = Submit(new PlannedStep("Finance", ApprovalStepMode.AnyOne, null, true, [Anna]), new PlannedStep("Boss", ApprovalStepMode.AnyOne, null, true, [Boss]));
        var deputy = new ApprovalActor(Guid.CreateVersion7(), "deputy", Monday.AddHours(1));

        Should.Throw<BusinessException>(() => request.Approve(Boss.UserId, As(Boss), null)).Code.ShouldBe(ApprovalErrorCodes.NotAnApprover);
        request.Approve(Anna.UserId, deputy, null);

        var decided = request.Steps[0].Approvers.Single();
        (decided.DecidedByName, decided.DecidedByDelegate).ShouldBe(("deputy", true));
        request.Events.Last(e => e.Kind == ApprovalRequestEventKind.Approved).OnBehalfOf.ShouldBe("anna");
    }
}

public sealed class ApprovalFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static ApprovalStepDefinition Step(string name, ApprovalConditionKind condition = ApprovalConditionKind.Always, decimal? number = null, string? text = null) =>
        new(name, ApproverKind.SubmitterManager, null, null, condition, number, text, null, null, ApprovalStepMode.AnyOne);

    [Fact]
    public void Conditions_compare_the_documents_facts_and_a_missing_fact_is_false()
    {
        var flow = new ApprovalFlow(ApprovalDocumentType.SalesDiscount, Now);
        var amount = flow.AddStep(Step("Amount", ApprovalConditionKind.AmountAtLeast, 50_000m), 10, Now);
        var discount = flow.AddStep(Step("Discount", ApprovalConditionKind.DiscountAtLeast, 10m), 10, Now);
        var category = flow.AddStep(Step("Category", ApprovalConditionKind.PartnerCategoryEquals, text: " VIP "), 10, Now);

        amount.AppliesTo(50_000m, null, null, null).ShouldBeTrue();
        amount.AppliesTo(49_999.99m, null, null, null).ShouldBeFalse();
        amount.AppliesTo(null, null, null, null).ShouldBeFalse();
        discount.AppliesTo(null, 10m, null, null).ShouldBeTrue();
        category.AppliesTo(null, null, "vip", null).ShouldBeTrue();
        category.AppliesTo(null, null, "Retail", null).ShouldBeFalse();
    }

    [Fact]
    public void Steps_keep_their_order_when_moved_and_removed()
    {
        var flow = new ApprovalFlow(ApprovalDocumentType.PurchaseOrder, Now);
        var first = flow.AddStep(Step("First"), 10, Now);
        var second = flow.AddStep(Step("Second"), 10, Now);
        flow.AddStep(Step("Third"), 10, Now);

        flow.MoveStep(second.Id, up: true, Now);
        flow.MoveStep(second.Id, up: true, Now);
        flow.Steps.Select(s => s.Name).ShouldBe(["Second", "First", "Third"]);
        flow.RemoveStep(first.Id, Now);
        flow.Steps.Select(s => (s.Order, s.Name)).ShouldBe([(1, "Second"), (2, "Third")]);
    }

    [Fact]
    public void A_one_step_plan_refuses_a_second_step()
    {
        var flow = new ApprovalFlow(ApprovalDocumentType.PurchaseOrder, Now);
        flow.AddStep(Step("Only"), 1, Now);

        Should.Throw<BusinessException>(() => flow.AddStep(Step("Second"), 1, Now)).Code.ShouldBe(ApprovalErrorCodes.OneStepOnly);
    }
}
