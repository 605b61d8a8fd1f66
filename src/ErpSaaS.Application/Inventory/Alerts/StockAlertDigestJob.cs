using ErpSaaS.BackgroundJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>One company's daily alert digest, run inside that company (the job data names it).</summary>
[DisallowConcurrentExecution]
public sealed class StockAlertDigestJob(IServiceScopeFactory scopes) : TenantJob(scopes)
{
    public const string Name = "stock-alert-digest";

    protected override async Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<StockAlertDigestMailer>().SendAsync(cancellationToken);
        services.GetRequiredService<ILogger<StockAlertDigestJob>>().LogInformation("Stock alert digest: {Count} e-mails queued", sent);
    }
}
