using System.Collections.Concurrent;
using ErpSaaS.BackgroundJobs;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.BackgroundJobs;

/// <summary>A real clustered scheduler on the test database, with the job store the app uses.</summary>
public sealed class TenantJobTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_scheduled_job_runs_inside_the_tenant_named_in_its_data()
    {
        var acme = await fixture.Given.Tenant("job-acme-" + Guid.NewGuid().ToString("N")[..6]);
        var globex = await fixture.Given.Tenant("job-globex-" + Guid.NewGuid().ToString("N")[..6]);
        var probe = new JobProbe();
        await using var services = SchedulerServices(probe);
        var scheduler = await StartSchedulerAsync(services);
        try
        {
            await RunOnceAsync(scheduler, "acme", TenantJob.DataFor(acme));
            await RunOnceAsync(scheduler, "globex", TenantJob.DataFor(globex));

            var seen = await probe.WaitForAsync(2);

            seen["acme"].CurrentTenant.ShouldBe(acme);
            seen["acme"].RoleTenants.ShouldBe([acme]);
            seen["acme"].RoleTenantsBySql.ShouldBe([acme]);
            seen["globex"].CurrentTenant.ShouldBe(globex);
            seen["globex"].RoleTenants.ShouldBe([globex]);
            seen["globex"].RoleTenantsBySql.ShouldBe([globex]);
            (await CheckedInInstancesAsync()).ShouldContain(await scheduler.GetSchedulerInstanceId());
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    [Fact]
    public async Task A_tenant_job_without_a_tenant_or_with_an_unknown_one_does_not_run()
    {
        var probe = new JobProbe();
        await using var services = SchedulerServices(probe);
        var scheduler = await StartSchedulerAsync(services);
        try
        {
            await RunOnceAsync(scheduler, "no-tenant", new JobDataMap());
            await RunOnceAsync(scheduler, "unknown-tenant", TenantJob.DataFor(Guid.NewGuid()));

            var failures = await probe.WaitForFailuresAsync(2);

            failures["no-tenant"].ShouldContain("has no tenantId in its data");
            failures["unknown-tenant"].ShouldContain("which does not exist");
            probe.Seen.ShouldBeEmpty();
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    // A clustered node records itself in the job store's own table.
    private async Task<List<string>> CheckedInInstancesAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT instance_name FROM {ErpScheduler.TablePrefix}scheduler_state WHERE sched_name = @name", connection);
        command.Parameters.AddWithValue("name", ErpScheduler.Name);
        var instances = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) instances.Add(reader.GetString(0));
        return instances;
    }

    private ServiceProvider SchedulerServices(JobProbe probe) =>
        ErpTestFixture.BuildServices(ErpTestFixture.TestConfiguration(fixture.DatabaseName), configure: services =>
        {
            services.AddSingleton(probe);
            services.AddQuartz(quartz => quartz.UseErpJobStore(fixture.ConnectionString));
        });

    private static async Task<IScheduler> StartSchedulerAsync(ServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(services.GetRequiredService<JobProbe>(), [Matchers.AllJobs()]);
        await scheduler.Start();
        var metadata = await scheduler.GetMetadata();
        metadata.SchedulerName.ShouldBe(ErpScheduler.Name);
        metadata.JobStorePersistent.ShouldBeTrue();
        metadata.JobStoreClustered.ShouldBeTrue();
        return scheduler;
    }

    private static async Task RunOnceAsync(IScheduler scheduler, string name, JobDataMap data)
    {
        var job = JobBuilder.Create<RecordTenantJob>().WithIdentity(name + "-" + Guid.NewGuid().ToString("N")[..6], "tests").UsingJobData(data).Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().UsingJobData("label", name).Build());
    }

    public sealed class RecordTenantJob(IServiceScopeFactory scopes) : TenantJob(scopes)
    {
        protected override async Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken)
        {
            var db = services.GetRequiredService<ErpDbContext>();
            var roleTenants = await db.Roles.Select(r => r.TenantId).Distinct().ToListAsync(cancellationToken);
            var roleTenantsBySql = await db.Database.SqlQueryRaw<Guid?>("SELECT DISTINCT tenant_id AS \"Value\" FROM roles").ToListAsync(cancellationToken);
            services.GetRequiredService<JobProbe>().Seen[context.MergedJobDataMap.GetString("label")!] =
                new JobSaw(services.GetRequiredService<ICurrentTenant>().Id, roleTenants, roleTenantsBySql);
        }
    }

    public sealed record JobSaw(Guid? CurrentTenant, IReadOnlyList<Guid?> RoleTenants, IReadOnlyList<Guid?> RoleTenantsBySql);

    /// <summary>Records what jobs saw and how they ended, and lets the test wait for them.</summary>
    public sealed class JobProbe : IJobListener
    {
        private readonly ConcurrentDictionary<string, string?> _finished = new();

        public ConcurrentDictionary<string, JobSaw> Seen { get; } = new();

        public string Name => nameof(JobProbe);

        public async Task<IReadOnlyDictionary<string, JobSaw>> WaitForAsync(int count)
        {
            await WaitUntilAsync(() => _finished.Count >= count);
            _finished.Values.ShouldAllBe(error => error == null);
            return Seen;
        }

        public async Task<IReadOnlyDictionary<string, string>> WaitForFailuresAsync(int count)
        {
            await WaitUntilAsync(() => _finished.Count >= count);
            return _finished.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        }

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            _finished[context.MergedJobDataMap.GetString("label")!] = jobException?.Message;
            return ValueTask.CompletedTask;
        }

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        private static async Task WaitUntilAsync(Func<bool> done)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (!done())
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}
