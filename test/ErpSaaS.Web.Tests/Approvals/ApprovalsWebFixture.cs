using System.Collections.Concurrent;
using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Web.Tests.Approvals;

/// <summary>The web app with a stand-in purchase-order module that writes down the outcomes the engine tells it.</summary>
public sealed class ApprovalsWebFixture : ErpWebFixture
{
    public ConcurrentQueue<(Guid DocumentId, bool Approved, string? Comment)> Outcomes { get; } = new();

    protected override void ConfigureWebServices(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddScoped<IApprovalDecisionHandler, RecordingPurchaseOrders>();
    }

    /// <summary>A company with an admin, a buyer and an accountant; purchase orders need the accountants' approval.</summary>
    public async Task<(string Slug, Guid Tenant)> CompanyAsync(string plan = PlanCodes.Professional, bool withFlow = true)
    {
        var slug = $"apw-{Guid.NewGuid():N}"[..20];
        var tenant = await Given.Tenant(slug, plan);
        await Given.User(tenant, "buyer", StaticRoles.Purchaser);
        await Given.User(tenant, "accountant", StaticRoles.Accountant);
        if (withFlow)
        {
            await AsAsync(tenant, "admin", async sp =>
            {
                var accountants = (await sp.GetRequiredService<RoleManager<AppRole>>().FindByNameAsync(StaticRoles.Accountant))!.Id;
                return await sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseOrder,
                    new ApprovalStepInput { Name = "Finance check", ApproverKind = ApproverKind.Role, ApproverRoleId = accountants, SlaHours = 24 });
            });
        }
        return (slug, tenant);
    }

    /// <summary>The buyer submits a purchase order for approval, as the purchasing module does inside its transaction.</summary>
    public async Task<Guid> SubmitAsync(Guid tenant, string number)
    {
        var order = Guid.CreateVersion7();
        await AsAsync(tenant, "buyer", sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct =>
            sp.GetRequiredService<IApprovalRequests>().SubmitAsync(new ApprovalSubmission(
                ApprovalDocumentType.PurchaseOrder, order, number, $"{number} · 12 bolts", $"/app/purchasing/orders/{order}", new ApprovalFacts(Amount: 1200m)), ct)));
        return order;
    }

    public async Task<T> AsAsync<T>(Guid tenant, string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope(tenant);
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
        scope.ServiceProvider.GetRequiredService<ICurrentUser>().Change(user.Id, userName);
        return await work(scope.ServiceProvider);
    }
}

public sealed class RecordingPurchaseOrders(ApprovalsWebFixture fixture) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.PurchaseOrder;

    public Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        fixture.Outcomes.Enqueue((decision.DocumentId, true, decision.Comment));
        return Task.CompletedTask;
    }

    public Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        fixture.Outcomes.Enqueue((decision.DocumentId, false, decision.Comment));
        return Task.CompletedTask;
    }
}
