using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Approvals;

/// <summary>Submitting a document, approving and rejecting it, and resubmitting it, as the document modules rely on.</summary>
public sealed class ApprovalEngineTests(ApprovalsFixture fixture) : IClassFixture<ApprovalsFixture>
{
    [Fact]
    public async Task A_document_type_without_a_flow_is_approved_at_once()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        var order = Guid.CreateVersion7();

        (await company.SubmitAsync(order, "PO-0001")).ShouldBe(ApprovalSubmissionResult.Approved);

        (await company.FindAsync(order)).ShouldBeNull();
        fixture.Decisions.For(order).ShouldBeEmpty(); // the caller approves its document itself
    }

    [Fact]
    public async Task A_one_step_flow_waits_for_the_role_and_approving_tells_the_document_module()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", await company.RoleIdAsync(StaticRoles.Accountant), slaHours: 8));
        var order = Guid.CreateVersion7();

        (await company.SubmitAsync(order, "PO-0002")).ShouldBe(ApprovalSubmissionResult.Pending);

        var pending = (await company.FindAsync(order))!;
        pending.Status.ShouldBe(ApprovalRequestStatus.Pending);
        pending.SubmitterName.ShouldBe("buyer");
        var step = pending.Steps.ShouldHaveSingleItem();
        (step.Name, step.Status).ShouldBe(("Finance check", ApprovalStepStatus.Active));
        step.Approvers.ShouldBe(["accountant"]);
        step.DueAt.ShouldBe(fixture.Clock.GetUtcNow().AddHours(8));
        (await company.InboxAsync("buyer")).ShouldBeEmpty();
        var item = await company.InboxItemAsync("accountant", "PO-0002");
        (item.Summary, item.StepName, item.OnBehalfOf).ShouldBe(("PO-0002 from supplier S1", "Finance check", null));
        fixture.Decisions.For(order).ShouldBeEmpty();

        await company.ApproveAsync("accountant", "PO-0002", "fine");

        var decision = fixture.Decisions.For(order).ShouldHaveSingleItem();
        decision.Approved.ShouldBeTrue();
        (decision.Decision.DeciderId, decision.Decision.Comment).ShouldBe((company.User("accountant"), "fine"));
        var approved = (await company.FindAsync(order))!;
        approved.Status.ShouldBe(ApprovalRequestStatus.Approved);
        approved.EndedAt.ShouldBe(fixture.Clock.GetUtcNow());
        approved.Steps[0].Status.ShouldBe(ApprovalStepStatus.Approved);
        (approved.Steps[0].DecidedBy, approved.Steps[0].Comment).ShouldBe(("accountant", "fine"));
        (await company.InboxAsync("accountant")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_sends_the_document_back()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", await company.RoleIdAsync(StaticRoles.Accountant)));
        var order = Guid.CreateVersion7();
        await company.SubmitAsync(order, "PO-0003");

        var noReason = await Should.ThrowAsync<BusinessException>(() => company.RejectAsync("accountant", "PO-0003", "  "));
        (noReason.Code, noReason.Field).ShouldBe((ApprovalErrorCodes.ReasonRequired, "Comment"));
        (await company.FindAsync(order))!.Status.ShouldBe(ApprovalRequestStatus.Pending);
        fixture.Decisions.For(order).ShouldBeEmpty();

        await company.RejectAsync("accountant", "PO-0003", "Price too high");

        var decision = fixture.Decisions.For(order).ShouldHaveSingleItem();
        (decision.Approved, decision.Decision.Comment).ShouldBe((false, "Price too high"));
        var rejected = (await company.FindAsync(order))!;
        rejected.Status.ShouldBe(ApprovalRequestStatus.Rejected);
        rejected.Steps[0].Status.ShouldBe(ApprovalStepStatus.Rejected);
        (await company.InboxAsync("accountant")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_resubmitted_document_starts_over_from_the_first_step()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddUserAsync("boss", StaticRoles.Viewer);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", await company.RoleIdAsync(StaticRoles.Accountant)));
        await company.AddStepAsync(ApprovalCompany.UserStep("Boss", company.User("boss")));
        var order = Guid.CreateVersion7();
        await company.SubmitAsync(order, "PO-0004");
        await company.ApproveAsync("accountant", "PO-0004");
        await company.RejectAsync("boss", "PO-0004", "Wrong supplier");

        (await company.SubmitAsync(order, "PO-0004")).ShouldBe(ApprovalSubmissionResult.Pending);

        var again = (await company.FindAsync(order))!;
        again.Status.ShouldBe(ApprovalRequestStatus.Pending);
        again.Steps.Select(s => s.Status).ShouldBe([ApprovalStepStatus.Active, ApprovalStepStatus.Waiting]);
        (await company.InboxAsync("accountant")).ShouldHaveSingleItem();
        (await company.InboxAsync("boss")).ShouldBeEmpty();
        (await company.CountRequestsAsync(order)).ShouldBe(2); // the rejected request stays in the history
        var twice = await Should.ThrowAsync<BusinessException>(() => company.SubmitAsync(order, "PO-0004"));
        twice.Code.ShouldBe(ApprovalErrorCodes.AlreadyPending);
    }

    [Fact]
    public async Task A_withdrawn_request_leaves_the_inbox_and_cannot_be_decided()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", await company.RoleIdAsync(StaticRoles.Accountant)));
        var order = Guid.CreateVersion7();
        await company.SubmitAsync(order, "PO-0005");
        var item = await company.InboxItemAsync("accountant", "PO-0005");

        await company.WithdrawAsync(order);

        (await company.InboxAsync("accountant")).ShouldBeEmpty();
        (await company.FindAsync(order))!.Status.ShouldBe(ApprovalRequestStatus.Withdrawn);
        var late = await Should.ThrowAsync<BusinessException>(() => company.AsAsync("accountant", sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IApprovalInboxAppService>(sp)
                .ApproveAsync(item.RequestId, new ApprovalDecisionInput())));
        late.Code.ShouldBe(ApprovalErrorCodes.NotPending);
        fixture.Decisions.For(order).ShouldBeEmpty();
    }
}
