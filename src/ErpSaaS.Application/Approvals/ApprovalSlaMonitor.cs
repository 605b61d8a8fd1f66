using System.Globalization;
using System.Net;
using ErpSaaS.BackgroundJobs;
using ErpSaaS.Common;
using ErpSaaS.Emailing;
using ErpSaaS.Localization;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpSaaS.Approvals;

/// <summary>
/// The current company's approvals past their time limit: each overdue step's undecided approvers get a reminder and
/// the next level (their managers, else the tenant admins) is added to the step and told so, once per step (the step
/// records when it was escalated, in the same transaction as the e-mails).
/// </summary>
public sealed class ApprovalSlaMonitor(
    ICurrentTenant currentTenant, ITenantStore tenants, IPublicUrls urls, IApprovalRepository repository, IApprovalDirectory directory,
    ApprovalPlanner planner, IEmailQueue emails, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const string InboxPath = "/app/approvals";

    /// <returns>How many steps were escalated.</returns>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("Approvals belong to a company; the host has none.");
        var tenant = await tenants.FindAsync(tenantId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        var link = urls.TenantSite(tenant.Slug, InboxPath);
        var now = clock.GetUtcNow();
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var overdue = await repository.GetOverdueAsync(now, ct);
            foreach (var request in overdue)
            {
                var step = request.ActiveStep!;
                var waitingFor = step.Approvers.Where(a => a.Decision is null).Select(a => a.UserId).ToList();
                var nextLevel = await planner.NextLevelAsync(waitingFor, request.SubmitterId, ct);
                foreach (var person in await directory.GetActiveUsersAsync(waitingFor, ct))
                {
                    await MailAsync(person, "Email:ApprovalReminder", request, step, string.Join(", ", nextLevel.Select(p => p.Name)), link, ct);
                }
                var names = string.Join(", ", step.Approvers.Where(a => a.Decision is null).Select(a => a.UserName));
                foreach (var person in nextLevel) await MailAsync(person, "Email:ApprovalEscalation", request, step, names, link, ct);
                request.Escalate([.. nextLevel.Select(p => p.AsApprover)], now);
            }
            return overdue.Count;
        }, cancellationToken);
    }

    private async Task MailAsync(ApprovalPerson person, string key, ApprovalRequest request, ApprovalRequestStep step, string others, string link, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person.Email)) return;
        var culture = CultureInfo.GetCultureInfo(ErpLocalizationResources.ResolveCulture(person.Language));
        string T(string textKey, params object?[] arguments) => string.Format(culture, ErpLocalizationResources.Find(textKey, culture) ?? textKey, arguments);
        var due = step.DueAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = T(key + ":Subject", request.DocumentNumber);
        var greeting = T("Email:Greeting", person.Name);
        var body = T(key + ":Body", request.DocumentNumber, request.Summary, step.Name, due, others);
        var action = T("Email:Approval:Action");
        string H(string value) => WebUtility.HtmlEncode(value);
        var html = $"<p>{H(greeting)}</p><p>{H(body)}</p><p><a href=\"{H(link)}\">{H(action)}</a></p>";
        var text = $"{greeting}\n\n{body}\n\n{action}: {link}\n";
        await emails.QueueAsync(person.Email, subject, html, text, cancellationToken);
    }
}

/// <summary>One company's SLA check, run inside that company (the job data names it).</summary>
[DisallowConcurrentExecution]
public sealed class ApprovalSlaJob(IServiceScopeFactory scopes) : TenantJob(scopes)
{
    protected override async Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var escalated = await services.GetRequiredService<ApprovalSlaMonitor>().EscalateOverdueAsync(cancellationToken);
        if (escalated > 0) services.GetRequiredService<ILogger<ApprovalSlaJob>>().LogInformation("Approvals past their time limit escalated: {Count}", escalated);
    }
}
