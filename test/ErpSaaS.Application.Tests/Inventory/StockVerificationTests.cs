using ErpSaaS.BackgroundJobs;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Inventory;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

public sealed class StockVerificationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static Task<StockVerificationRunDto?> LastAsync(StockCompany company) =>
        company.InCompanyAsync(sp => sp.GetRequiredService<IStockVerificationAppService>().GetLastAsync());

    [Fact]
    public async Task A_balance_changed_behind_the_ledgers_back_is_reported_with_what_it_holds_and_what_the_ledger_says()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 10m, 2m);
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerificationAppService>().RunAsync());
        var clean = await LastAsync(acme);

        // Someone with the owner's rights edits a balance directly.
        await using (var owner = new NpgsqlConnection(fixture.OwnerConnectionString))
        {
            await owner.OpenAsync();
            // Row-level security is forced on the owner too; the owner lifts it the way host code does.
            await using var tamper = new NpgsqlCommand(
                "SELECT set_config('erp.bypass_tenant', 'on', false); UPDATE stock_balances SET on_hand = on_hand + 3, value = value + 6 WHERE tenant_id = @tenant", owner);
            tamper.Parameters.AddWithValue("tenant", acme.Tenant);
            (await tamper.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerificationAppService>().RunAsync());
        var found = await LastAsync(acme);

        (clean!.DifferenceCount, clean.Trigger, clean.UserName).ShouldBe((0, StockVerificationTrigger.Manual, "admin"));
        clean.CheckedRows.ShouldBe(3);
        found!.DifferenceCount.ShouldBe(1);
        var difference = found.Differences.Single();
        (difference.Kind, difference.ProductCode, difference.WarehouseCode).ShouldBe((StockDifferenceKind.Balance, "SKU-1", "WH01"));
        (difference.KeptQuantity, difference.LedgerQuantity, difference.KeptValue, difference.LedgerValue).ShouldBe((13m, 10m, 26.00m, 20.00m));
    }

    [Fact]
    public async Task The_nightly_job_checks_each_company_inside_that_company_and_records_a_nightly_run()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        var globex = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 5m, 1m);
        await using var services = ErpTestFixture.BuildServices(ErpTestFixture.TestConfiguration(fixture.DatabaseName), configure: s =>
            s.AddQuartz(quartz =>
            {
                quartz.UseErpJobStore(fixture.ConnectionString);
                quartz.AddJob<StockVerificationNightlyJob>(job => job.WithIdentity(StockVerificationNightlyJob.Name, ErpScheduler.HostGroup).StoreDurably());
            }));
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            await scheduler.TriggerJob(new JobKey(StockVerificationNightlyJob.Name, ErpScheduler.HostGroup));

            var acmeRun = await WaitForRunAsync(acme);
            var globexRun = await WaitForRunAsync(globex);

            (acmeRun.Trigger, acmeRun.CheckedRows, acmeRun.DifferenceCount, acmeRun.UserName).ShouldBe((StockVerificationTrigger.Nightly, 3, 0, null));
            (globexRun.Trigger, globexRun.CheckedRows).ShouldBe((StockVerificationTrigger.Nightly, 0));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private static async Task<StockVerificationRunDto> WaitForRunAsync(StockCompany company)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await LastAsync(company) is { } run) return run;
            await Task.Delay(100, patience.Token);
        }
    }

    [Fact]
    public async Task The_ledger_refuses_deletes_and_changes_to_what_happened_even_through_sql()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 10m, 2m);

        var delete = await Should.ThrowAsync<PostgresException>(() => acme.InCompanyAsync(sp =>
            sp.GetRequiredService<ErpDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM stock_ledger_entries")));
        var rewrite = await Should.ThrowAsync<PostgresException>(() => acme.InCompanyAsync(sp =>
            sp.GetRequiredService<ErpDbContext>().Database.ExecuteSqlRawAsync("UPDATE stock_ledger_entries SET quantity = 100")));

        delete.MessageText.ShouldContain("append-only");
        rewrite.MessageText.ShouldContain("append-only");
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<ErpDbContext>().StockLedgerEntries.SumAsync(e => e.Quantity))).ShouldBe(10m);
    }
}
