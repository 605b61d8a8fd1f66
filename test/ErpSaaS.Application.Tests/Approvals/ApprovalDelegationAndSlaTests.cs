using System.Text.Json;
using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Emailing;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Outbox;
using ErpSaaS.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Approvals;

/// <summary>Delegates deciding for absent approvers, and steps past their time limit being reminded and escalated.</summary>
public sealed class ApprovalDelegationAndSlaTests(ApprovalsFixture fixture) : IClassFixture<ApprovalsFixture>
{
    // The fixture's clock: 2026-11-02 01:00 UTC, 09:00 in Shanghai, the company's time zone.
    private static readonly DateOnly Today = new(2026, 11, 2);

    [Fact]
    public async Task A_delegate_sees_and_decides_the_absent_approvers_items_recorded_as_for_them()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("boss", StaticRoles.Viewer);
        await company.AddUserAsync("deputy", StaticRoles.Viewer);
        await company.AddStepAsync(ApprovalCompany.UserStep("Boss", company.User("boss")));
        var order = Guid.CreateVersion7();
        await company.SubmitAsync(order, "PO-0040");
        (await company.InboxAsync("deputy")).ShouldBeEmpty();

        await company.AsAsync("boss", sp => sp.GetRequiredService<IApprovalDelegationAppService>().SaveAsync(
            new ApprovalDelegationInput { DelegateId = company.User("deputy"), AbsentFrom = Today, AbsentTo = Today.AddDays(3) }));

        var item = (await company.InboxAsync("deputy")).ShouldHaveSingleItem();
        item.OnBehalfOf.ShouldBe("boss");
        (await company.AsAsync("deputy", sp => sp.GetRequiredService<IApprovalInboxAppService>().CountPendingAsync())).ShouldBe(1);
        await company.ApproveAsync("deputy", "PO-0040", "ok while away");

        var decision = fixture.Decisions.For(order).ShouldHaveSingleItem();
        decision.Decision.DeciderId.ShouldBe(company.User("deputy"));
        (await company.FindAsync(order))!.Steps[0].DecidedBy.ShouldBe("deputy for boss");
        var history = (await company.AsAsync("deputy", sp => sp.GetRequiredService<IApprovalInboxAppService>().GetDecidedAsync(new ApprovalInboxQuery()))).Items;
        (history.ShouldHaveSingleItem().OnBehalfOf, history[0].Decision).ShouldBe(("boss", ApproverDecision.Approved));
    }

    [Fact]
    public async Task A_delegation_applies_only_during_the_absence()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("boss", StaticRoles.Viewer);
        await company.AddUserAsync("deputy", StaticRoles.Viewer);
        await company.AddStepAsync(ApprovalCompany.UserStep("Boss", company.User("boss")));
        await company.SubmitAsync(Guid.CreateVersion7(), "PO-0041");
        var delegations = (IServiceProvider sp) => sp.GetRequiredService<IApprovalDelegationAppService>();

        await company.AsAsync("boss", sp => delegations(sp).SaveAsync(
            new ApprovalDelegationInput { DelegateId = company.User("deputy"), AbsentFrom = Today.AddDays(1), AbsentTo = Today.AddDays(2) }));

        (await company.InboxAsync("deputy")).ShouldBeEmpty();
        (await company.AsAsync("boss", sp => delegations(sp).GetMineAsync()))!.InEffectToday.ShouldBeFalse();
        var self = await Should.ThrowAsync<BusinessException>(() => company.AsAsync("boss", sp => delegations(sp).SaveAsync(
            new ApprovalDelegationInput { DelegateId = company.User("boss"), AbsentFrom = Today, AbsentTo = Today })));
        self.Code.ShouldBe(ApprovalErrorCodes.DelegateIsSelf);
        var backwards = await Should.ThrowAsync<BusinessException>(() => company.AsAsync("boss", sp => delegations(sp).SaveAsync(
            new ApprovalDelegationInput { DelegateId = company.User("deputy"), AbsentFrom = Today, AbsentTo = Today.AddDays(-1) })));
        (backwards.Code, backwards.Field).ShouldBe((ApprovalErrorCodes.AbsenceDatesInvalid, "AbsentTo"));

        await company.AsAsync("boss", sp => delegations(sp).ClearAsync());
        (await company.AsAsync("boss", sp => delegations(sp).GetMineAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task A_step_past_its_time_limit_reminds_its_approvers_once_and_escalates_to_their_manager()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddUserAsync("cfo", StaticRoles.Viewer);
        await company.SetManagerAsync("accountant", "cfo");
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", await company.RoleIdAsync(StaticRoles.Accountant), slaHours: 4));
        var order = Guid.CreateVersion7();
        var start = fixture.Clock.GetUtcNow();
        try
        {
            await company.SubmitAsync(order, "PO-0050");

            fixture.Clock.Set(start.AddHours(3));
            (await EscalateAsync(company)).ShouldBe(0);
            fixture.Clock.Set(start.AddHours(4).AddMinutes(1));
            (await EscalateAsync(company)).ShouldBe(1);
            (await EscalateAsync(company)).ShouldBe(0); // once per step

            var mails = await MailsAsync(company);
            mails.Select(m => m.To).ShouldBe(["accountant@example.test", "cfo@example.test"], ignoreOrder: true);
            mails.Single(m => m.To.StartsWith("accountant", StringComparison.Ordinal)).Subject.ShouldBe("Approval overdue: PO-0050");
            var escalation = mails.Single(m => m.To.StartsWith("cfo", StringComparison.Ordinal));
            escalation.Subject.ShouldBe("Approval escalated to you: PO-0050");
            escalation.TextBody!.ShouldContain("/app/approvals");
            escalation.TextBody!.ShouldContain("2026-11-02 05:00 UTC");
            (await company.InboxAsync("cfo")).ShouldHaveSingleItem();
            (await company.InboxAsync("accountant")).ShouldHaveSingleItem();

            await company.ApproveAsync("cfo", "PO-0050");
            fixture.Decisions.For(order).ShouldHaveSingleItem().Approved.ShouldBeTrue();
            var request = (await company.FindAsync(order))!;
            request.Steps[0].Approvers.ShouldBe(["accountant", "cfo"]);
            (request.EndedAt! - request.SubmittedAt).Value.ShouldBe(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
            var cycle = await company.AsAsync("admin", sp => sp.GetRequiredService<IApprovalInboxAppService>().GetCycleTimeAsync());
            (cycle!.ApprovedCount, cycle.Average).ShouldBe((1, TimeSpan.FromMinutes(241)));
            (await company.AsAsync("buyer", sp => sp.GetRequiredService<IApprovalInboxAppService>().GetCycleTimeAsync())).ShouldBeNull();
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    [Fact]
    public async Task Without_managers_an_overdue_step_escalates_to_the_tenant_admins()
    {
        var company = await ApprovalCompany.CreateAsync(fixture);
        await company.AddUserAsync("accountant", StaticRoles.Accountant);
        await company.AddStepAsync(ApprovalCompany.RoleStep("Finance check", await company.RoleIdAsync(StaticRoles.Accountant), slaHours: 1));
        var start = fixture.Clock.GetUtcNow();
        try
        {
            await company.SubmitAsync(Guid.CreateVersion7(), "PO-0051");
            fixture.Clock.Set(start.AddHours(2));

            (await EscalateAsync(company)).ShouldBe(1);

            (await company.InboxAsync("admin")).ShouldHaveSingleItem().DocumentNumber.ShouldBe("PO-0051");
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    private Task<int> EscalateAsync(ApprovalCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<ApprovalSlaMonitor>().EscalateOverdueAsync());

    private Task<List<EmailMessage>> MailsAsync(ApprovalCompany company) =>
        fixture.InScopeAsync(company.Tenant, async sp => (await sp.GetRequiredService<ErpDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type == EmailMessage.OutboxType).Select(m => m.Payload).ToListAsync())
            .Select(payload => JsonSerializer.Deserialize<EmailMessage>(payload, OutboxJson.Options)!)
            .ToList());
}
