using ErpSaaS.Billing;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.EntityFrameworkCore.Outbox;
using ErpSaaS.Emailing;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Signup;

/// <summary>A trial company moved to a database of its own is reminded like any other: once each, and the mail goes out.</summary>
public sealed class OwnDatabaseTrialReminderTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private readonly string _ownDatabase = OwnDatabases.NewName();
    private readonly string _mailbox = Path.Combine(Path.GetTempPath(), "erpsaas-own-reminder-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_ownDatabase);
        if (Directory.Exists(_mailbox)) Directory.Delete(_mailbox, recursive: true);
    }

    [Fact]
    public async Task A_company_in_its_own_database_gets_each_trial_reminder_once_delivered_with_the_link_to_its_billing_page()
    {
        var slug = "own-remind-" + Guid.NewGuid().ToString("N")[..6];
        var tenantId = await fixture.Given.Tenant(slug, PlanCodes.Trial, trial: true);
        await fixture.MoveTenantAsync(tenantId, _ownDatabase);
        // A node that writes mails into a mailbox folder and keeps its error log.
        var errors = new ErrorLog();
        var configuration = ErpTestFixture.TestConfiguration(fixture.DatabaseName, new Dictionary<string, string?> { ["Email:PickupDirectory"] = _mailbox });
        await using var node = ErpTestFixture.BuildServices(configuration, fixture.Clock, s => s.AddLogging(b => b.AddProvider(errors)));
        var lifecycle = node.GetRequiredService<SubscriptionLifecycle>();
        var start = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.Set(start.AddDays(TenantManager.TrialDays - 2.5));
            (await lifecycle.RunAsync()).Reminders.ShouldBe(1);
            (await lifecycle.RunAsync()).Reminders.ShouldBe(0);

            var queued = await fixture.InScopeAsync(tenantId, async sp =>
            {
                var db = sp.GetRequiredService<ErpDbContext>();
                new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database.ShouldBe(_ownDatabase);
                return await db.OutboxMessages.Where(m => m.Type == EmailMessage.OutboxType).ToListAsync();
            });
            queued.ShouldHaveSingleItem().Payload.ShouldContain($"https://{slug}.localhost:8443/app/billing");

            await node.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
            var mail = (await node.GetRequiredService<DevMailbox>().ListForTenantAsync(tenantId)).ShouldHaveSingleItem();
            mail.To.ShouldBe($"admin@{slug}.test");
            mail.Text.ShouldNotBeNull().ShouldContain($"https://{slug}.localhost:8443/app/billing");

            fixture.Clock.Set(start.AddDays(TenantManager.TrialDays - 0.5));
            (await lifecycle.RunAsync()).Reminders.ShouldBe(1);
            (await lifecycle.RunAsync()).Reminders.ShouldBe(0);
            // Not held back by a refused duplicate each time the job runs: the company's database was asked first.
            errors.Messages.ShouldBeEmpty();
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Messages.Enqueue($"{formatter(state, exception)} {exception?.Message}");
        }

        public void Dispose()
        {
        }
    }
}
