using ErpSaaS.BackgroundJobs;
using ErpSaaS.Common;
using ErpSaaS.Emailing;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Jobs;

public sealed class ErpJobsTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task The_scheduler_dispatches_the_outbox_every_five_seconds()
    {
        var tenant = await fixture.Given.Tenant("jobs-" + Guid.NewGuid().ToString("N")[..8]);
        var mailbox = Path.Combine(Path.GetTempPath(), "erpsaas-jobs-mailbox-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = ErpTestFixture.TestConfiguration(fixture.DatabaseName, new Dictionary<string, string?> { ["Email:PickupDirectory"] = mailbox });
        await using var services = ErpTestFixture.BuildServices(configuration, configure: s => s.AddErpJobs(configuration));
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            await scheduler.Start();
            var trigger = (await scheduler.GetTrigger(new TriggerKey(OutboxDispatchJob.Name, ErpScheduler.HostGroup))).ShouldBeAssignableTo<ISimpleTrigger>()!;
            trigger.RepeatInterval.ShouldBe(TimeSpan.FromSeconds(5));
            trigger.JobKey.ShouldBe(new JobKey(OutboxDispatchJob.Name, ErpScheduler.HostGroup));

            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<ErpSaaS.Tenancy.ICurrentTenant>().Change(tenant);
                await scope.ServiceProvider.GetRequiredService<IEmailQueue>().QueueAsync("lily@example.test", "Welcome", "<p>Hi</p>");
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            }

            var mail = await WaitForMailAsync(services.GetRequiredService<DevMailbox>(), tenant, TimeSpan.FromSeconds(20));
            mail.Subject.ShouldBe("Welcome");

            var overview = await services.GetRequiredService<SchedulerStatusReader>().ReadAsync();
            overview.Enabled.ShouldBeTrue();
            overview.Started.ShouldBeTrue();
            overview.Nodes.ShouldContain(n => n.IsThisInstance && n.InstanceId == scheduler.SchedulerInstanceId);
            overview.Triggers.Select(t => t.Name).ShouldBe([OutboxDispatchJob.Name, OutboxPurgeJob.Name, SubscriptionLifecycleJob.Name, ErpSaaS.Web.Inventory.Alerts.StockAlertDigestFanOutJob.Name,
                ErpSaaS.Web.Approvals.ApprovalSlaFanOutJob.Name], ignoreOrder: true);
            var purge = overview.Triggers.Single(t => t.Name == OutboxPurgeJob.Name);
            purge.NextFireTime.ShouldNotBeNull().UtcDateTime.TimeOfDay.ShouldBe(new TimeSpan(3, 30, 0));
            var dispatch = overview.Triggers.Single(t => t.Name == OutboxDispatchJob.Name);
            dispatch.PreviousFireTime.ShouldNotBeNull();
            dispatch.NextFireTime.ShouldNotBeNull().ShouldBeGreaterThan(dispatch.PreviousFireTime.Value);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
            if (Directory.Exists(mailbox)) Directory.Delete(mailbox, recursive: true);
        }
    }

    [Fact]
    public async Task With_jobs_disabled_no_scheduler_is_registered()
    {
        var configuration = ErpTestFixture.TestConfiguration(fixture.DatabaseName, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        await using var services = ErpTestFixture.BuildServices(configuration, configure: s => s.AddErpJobs(configuration));

        services.GetService<ISchedulerFactory>().ShouldBeNull();
        (await services.GetRequiredService<SchedulerStatusReader>().ReadAsync()).ShouldBe(SchedulerOverview.Disabled);
    }

    private static async Task<MailboxMail> WaitForMailAsync(DevMailbox mailbox, Guid tenant, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            if (await mailbox.ListForTenantAsync(tenant, cancellationToken: timeout.Token) is [var mail, ..]) return mail;
            await Task.Delay(100, timeout.Token);
        }
    }
}
