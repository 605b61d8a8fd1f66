using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ErpSaaS.Application.Tests.Approvals;

/// <summary>
/// A company with its people (admin, a buyer who submits purchase orders, approvers in roles) and the engine at hand:
/// flows configured as its admin, documents submitted as the buyer inside a transaction, decisions made from inboxes.
/// </summary>
public sealed class ApprovalCompany
{
    private readonly ApprovalsFixture _fixture;
    private readonly Dictionary<string, Guid> _users = new(StringComparer.Ordinal);

    private ApprovalCompany(ApprovalsFixture fixture, Guid tenant)
    {
        _fixture = fixture;
        Tenant = tenant;
    }

    public Guid Tenant { get; }
    public Guid User(string name) => _users[name];

    public static async Task<ApprovalCompany> CreateAsync(ApprovalsFixture fixture, string plan = PlanCodes.Professional)
    {
        var slug = "ap" + Guid.NewGuid().ToString("N")[..10];
        var company = new ApprovalCompany(fixture, await fixture.Given.Tenant(slug, plan));
        company._users["admin"] = await fixture.InScopeAsync(company.Tenant, async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        company._users["buyer"] = await fixture.Given.User(company.Tenant, "buyer", StaticRoles.Purchaser);
        return company;
    }

    public async Task<Guid> AddUserAsync(string name, params string[] roles) => _users[name] = await _fixture.Given.User(Tenant, name, roles);

    public async Task<Guid> RoleIdAsync(string role) =>
        await _fixture.InScopeAsync(Tenant, async sp => (await sp.GetRequiredService<RoleManager<AppRole>>().FindByNameAsync(role))!.Id);

    public Task SetManagerAsync(string user, string manager) =>
        _fixture.InScopeAsync(Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var member = (await users.FindByIdAsync(User(user).ToString()))!;
            member.AssignManager(User(manager));
            (await users.UpdateAsync(member)).Succeeded.ShouldBeTrue();
        });

    public static ApprovalStepInput RoleStep(string name, Guid roleId, ApprovalStepMode mode = ApprovalStepMode.AnyOne, int? slaHours = null) =>
        new() { Name = name, ApproverKind = ApproverKind.Role, ApproverRoleId = roleId, Mode = mode, SlaHours = slaHours };

    public static ApprovalStepInput UserStep(string name, Guid userId, int? slaHours = null) =>
        new() { Name = name, ApproverKind = ApproverKind.User, ApproverUserId = userId, SlaHours = slaHours };

    public Task<Guid> AddStepAsync(ApprovalStepInput step, ApprovalDocumentType type = ApprovalDocumentType.PurchaseOrder) =>
        AsAsync("admin", sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(type, step));

    /// <summary>The buyer submits a purchase order, inside the transaction that would also move the order to "submitted".</summary>
    public Task<ApprovalSubmissionResult> SubmitAsync(Guid documentId, string number, ApprovalFacts? facts = null, string submitter = "buyer") =>
        AsAsync(submitter, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct =>
            sp.GetRequiredService<IApprovalRequests>().SubmitAsync(
                new ApprovalSubmission(ApprovalDocumentType.PurchaseOrder, documentId, number, $"{number} from supplier S1", $"/app/purchasing/orders/{documentId}",
                    facts ?? new ApprovalFacts()), ct)));

    public Task WithdrawAsync(Guid documentId) =>
        AsAsync("buyer", sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<IApprovalRequests>().WithdrawAsync(ApprovalDocumentType.PurchaseOrder, documentId, ct);
            return true;
        }));

    public Task<ApprovalRequestDto?> FindAsync(Guid documentId) =>
        AsAsync("buyer", sp => sp.GetRequiredService<IApprovalRequests>().FindAsync(ApprovalDocumentType.PurchaseOrder, documentId));

    public async Task<IReadOnlyList<ApprovalInboxItemDto>> InboxAsync(string user) =>
        (await AsAsync(user, sp => sp.GetRequiredService<IApprovalInboxAppService>().GetPendingAsync(new ApprovalInboxQuery()))).Items;

    public async Task<ApprovalInboxItemDto> InboxItemAsync(string user, string number) =>
        (await InboxAsync(user)).Single(i => i.DocumentNumber == number);

    public async Task ApproveAsync(string user, string number, string? comment = null)
    {
        var item = await InboxItemAsync(user, number);
        await AsAsync(user, sp => sp.GetRequiredService<IApprovalInboxAppService>().ApproveAsync(item.RequestId, new ApprovalDecisionInput { Comment = comment, Version = item.Version }));
    }

    public async Task RejectAsync(string user, string number, string? reason)
    {
        var item = await InboxItemAsync(user, number);
        await AsAsync(user, sp => sp.GetRequiredService<IApprovalInboxAppService>().RejectAsync(item.RequestId, new ApprovalDecisionInput { Comment = reason, Version = item.Version }));
    }

    public Task<T> AsAsync<T>(string user, Func<IServiceProvider, Task<T>> work) =>
        _fixture.InScopeAsync(Tenant, async sp =>
        {
            sp.GetRequiredService<ICurrentUser>().Change(User(user), user);
            return await work(sp);
        });

    public Task AsAsync(string user, Func<IServiceProvider, Task> work) => AsAsync<bool>(user, async sp => { await work(sp); return true; });

    public Task<int> CountRequestsAsync(Guid documentId) =>
        _fixture.InScopeAsync(Tenant, sp => sp.GetRequiredService<ErpSaaS.EntityFrameworkCore.ErpDbContext>().Set<ApprovalRequest>()
            .CountAsync(r => r.DocumentId == documentId));
}
