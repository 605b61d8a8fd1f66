using System.Collections.Concurrent;
using ErpSaaS.BackgroundJobs;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.BackgroundJobs;

/// <summary>Two instances of the app, each with its scheduler, sharing the test database's job store.</summary>
public sealed class ClusteredSchedulerTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private const int Firings = 20;

    [Fact]
    public async Task Two_instances_never_run_the_same_firing_twice()
    {
        var tenant = await fixture.Given.Tenant("cluster-" + Guid.NewGuid().ToString("N")[..6]);
        var firings = new ConcurrentQueue<Firing>();
        await using var first = Node(firings);
        await using var second = Node(firings);
        var schedulers = new[] { await StartAsync(first), await StartAsync(second) };
        try
        {
            (await schedulers[0].QueryClusterNodes()).Count.ShouldBe(2);
            var job = JobBuilder.Create<CountingJob>().WithIdentity("counting", "tests").UsingJobData(TenantJob.DataFor(tenant)).Build();
            var trigger = TriggerBuilder.Create().WithIdentity("counting", "tests").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(100)).WithRepeatCount(Firings - 1)).Build();
            await schedulers[0].ScheduleJob(job, trigger);

            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                while (firings.Count < Firings) await Task.Delay(50, timeout.Token);
            }
            await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to show up

            firings.Count.ShouldBe(Firings);
            firings.Select(f => f.ScheduledAt).Distinct().Count().ShouldBe(Firings);
            firings.ShouldAllBe(f => f.Tenant == tenant);
        }
        finally
        {
            foreach (var scheduler in schedulers) await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private ServiceProvider Node(ConcurrentQueue<Firing> firings) =>
        ErpTestFixture.BuildServices(ErpTestFixture.TestConfiguration(fixture.DatabaseName), configure: services =>
        {
            services.AddSingleton(firings);
            services.AddQuartz(quartz => quartz.UseErpJobStore(fixture.ConnectionString));
        });

    private static async Task<IScheduler> StartAsync(ServiceProvider node)
    {
        var scheduler = await node.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return scheduler;
    }

    public sealed record Firing(DateTimeOffset? ScheduledAt, string Node, Guid? Tenant);

    public sealed class CountingJob(IServiceScopeFactory scopes) : TenantJob(scopes)
    {
        protected override Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken)
        {
            services.GetRequiredService<ConcurrentQueue<Firing>>().Enqueue(
                new Firing(context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, services.GetRequiredService<ICurrentTenant>().Id));
            return Task.CompletedTask;
        }
    }
}
