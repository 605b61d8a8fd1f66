using System.Globalization;
using ErpSaaS.Auditing;
using ErpSaaS.BackgroundJobs;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ErpSaaS.ImportExport;

/// <summary>Runs a large job's check or import in the background.</summary>
public interface IImportScheduler
{
    Task ScheduleAsync(Guid jobId, ImportStage stage, CancellationToken cancellationToken);
}

/// <summary>
/// Without a scheduler (background jobs switched off: tests, a single developer instance) a large file is checked and
/// imported within the request instead, the same way, just without a progress bar to watch.
/// </summary>
public sealed class InlineImportScheduler(ImportRunner runner) : IImportScheduler
{
    public Task ScheduleAsync(Guid jobId, ImportStage stage, CancellationToken cancellationToken) => runner.RunAsync(jobId, stage, cancellationToken);
}

/// <summary>A one-off durable Quartz job per stage, in the clustered store: it survives a restart and runs on one instance.</summary>
public sealed class QuartzImportScheduler(ISchedulerFactory schedulers, ICurrentTenant tenant, ICurrentUser user) : IImportScheduler
{
    public const string Group = "imports";

    public async Task ScheduleAsync(Guid jobId, ImportStage stage, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("An import runs for a company; none is current.");
        var data = TenantJob.DataFor(tenantId);
        data[ImportBackgroundJob.ImportJobIdKey] = jobId.ToString();
        data[ImportBackgroundJob.StageKey] = stage.ToString();
        data[ImportBackgroundJob.UserIdKey] = user.Id?.ToString() ?? string.Empty;
        data[ImportBackgroundJob.UserNameKey] = user.UserName ?? string.Empty;
        data[ImportBackgroundJob.CultureKey] = CultureInfo.CurrentUICulture.Name;
        var name = $"import-{jobId:N}-{stage.ToString().ToLowerInvariant()}";
        var job = JobBuilder.Create<ImportBackgroundJob>().WithIdentity(name, Group).UsingJobData(data).RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, Group).StartNow().Build();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
    }
}

/// <summary>
/// The background check or import of one job, inside the job's company, acting as the user who uploaded the file (so
/// the audit trail names them) and in their language (so row errors read as they would on the page).
/// </summary>
public sealed class ImportBackgroundJob(IServiceScopeFactory scopes) : TenantJob(scopes)
{
    public const string ImportJobIdKey = "importJobId";
    public const string StageKey = "stage";
    public const string UserIdKey = "userId";
    public const string UserNameKey = "userName";
    public const string CultureKey = "culture";

    protected override async Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var jobId = Guid.Parse(data.GetString(ImportJobIdKey)!);
        var stage = Enum.Parse<ImportStage>(data.GetString(StageKey)!);
        var userId = Guid.TryParse(data.GetString(UserIdKey), out var id) ? id : (Guid?)null;
        var userName = data.GetString(UserNameKey) is { Length: > 0 } name ? name : null;
        using var user = services.GetRequiredService<ICurrentUser>().Change(userId, userName);
        var audit = services.GetRequiredService<AuditContext>();
        (audit.UserId, audit.UserName) = (userId, userName);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        if (data.GetString(CultureKey) is { Length: > 0 } cultureName)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(cultureName);
        }
        try
        {
            await services.GetRequiredService<ImportRunner>().RunAsync(jobId, stage, cancellationToken);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
