using System.Collections.Concurrent;
using ErpSaaS.BackgroundJobs;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Catalog;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Shouldly;
using Xunit;
using static ErpSaaS.Application.Tests.ImportExport.ImportTestData;

namespace ErpSaaS.Application.Tests.ImportExport;

/// <summary>
/// Files above the threshold (lowered to 20 rows here) are checked and imported by the clustered Quartz scheduler the
/// app uses, inside the uploading company, reporting progress until done.
/// </summary>
public sealed class BackgroundImportTests(BackgroundImportTests.Fixture fixture) : IClassFixture<BackgroundImportTests.Fixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class Fixture : ErpTestFixture
    {
        public ConcurrentQueue<(Guid Job, int Rows)> Progress { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.Configure<ImportExportOptions>(o => (o.BackgroundThresholdRows, o.ProgressEvery, o.FlushEvery) = (20, 10, 7));
            services.AddQuartz(quartz => quartz.UseErpJobStore(ConnectionString));
            services.Replace(ServiceDescriptor.Scoped<IImportScheduler, QuartzImportScheduler>());
            // Records each progress report on its way to the database.
            services.AddScoped<RecordingProgressStore>();
            services.Replace(ServiceDescriptor.Scoped<IImportProgressStore>(sp =>
            {
                var store = sp.GetRequiredService<RecordingProgressStore>();
                store.Inner = ActivatorUtilities.CreateInstance(sp, typeof(ErpSaaS.EntityFrameworkCore.ErpDbContext).Assembly
                    .GetType("ErpSaaS.EntityFrameworkCore.ImportExport.ImportProgressStore")!) as IImportProgressStore;
                return store;
            }));
            services.AddSingleton(this);
            // The scheduler fires by the clock it is given: a real one, not the fixture's standing test clock.
            services.AddSingleton(TimeProvider.System);
        }
    }

    public sealed class RecordingProgressStore(Fixture fixture) : IImportProgressStore
    {
        public IImportProgressStore? Inner { get; set; }

        public async Task SetProcessedRowsAsync(Guid jobId, int processedRows, CancellationToken cancellationToken)
        {
            fixture.Progress.Enqueue((jobId, processedRows));
            await Inner!.SetProcessedRowsAsync(jobId, processedRows, cancellationToken);
        }
    }

    [Fact]
    public async Task A_large_file_is_checked_and_imported_by_a_background_job_that_reports_its_progress_to_the_end()
    {
        var acme = await fixture.CompanyAsync("imp-bg");
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            var rows = Enumerable.Range(1, 45).Select(i => ProductRow($"BG-{i:000}", $"物料 {i}", ("barcodes", $"69000000{i:00000}"))).ToArray();

            var id = await fixture.UploadAsync(acme, ProductImportKind.KindName, ProductFile(rows));
            var queued = await fixture.JobAsync(acme, id);
            var checkedJob = await WaitUntilAsync(acme, id, j => !j.IsRunning);
            await fixture.As(acme, imports => imports.CommitAsync(id));
            var imported = await WaitUntilAsync(acme, id, j => !j.IsRunning);

            queued.Status.ShouldBe(ImportJobStatus.Validating);
            (checkedJob.Status, checkedJob.CreateCount, checkedJob.ProcessedRows).ShouldBe((ImportJobStatus.Ready, 45, 45));
            (imported.Status, imported.CreateCount, imported.Failure).ShouldBe((ImportJobStatus.Committed, 45, null));
            (await fixture.ProductsAsync(acme)).Count.ShouldBe(45);
            // Each stage reported every 10 rows and the last one: 10, 20, 30, 40, 45 while checking, then again while importing.
            fixture.Progress.Where(p => p.Job == id).Select(p => p.Rows).ShouldBe([10, 20, 30, 40, 45, 10, 20, 30, 40, 45]);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private async Task<ImportJobDto> WaitUntilAsync(ImportCompany company, Guid id, Func<ImportJobDto, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var job = await fixture.JobAsync(company, id);
            if (done(job)) return job;
            await Task.Delay(100, timeout.Token);
        }
    }
}
