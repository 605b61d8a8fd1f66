using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSaaS.Billing;

/// <summary>
/// What time alone changes about subscriptions: a trial, paid period or grace period that ended moves its tenant on
/// (<see cref="TenantLifecycle"/>), and trial admins are reminded 3 days and 1 day before the end, once each.
/// Selection is set-based; each tenant is then handled in its own scope and transaction, so one failure stops no other.
/// A reminder is recorded in the transaction that queues its mails, i.e. in the company's database: for a company with
/// a database of its own the host-side selection cannot see it, so the company's scope checks again before mailing.
/// </summary>
public sealed class SubscriptionLifecycle(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SubscriptionLifecycle> logger)
{
    public const string BillingPath = "/app/billing";

    public async Task<(int StatusChanges, int Reminders)> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await InScopeAsync(null, sp => sp.GetRequiredService<ISubscriptionLifecycleQueries>()
            .TenantsDueForStatusChangeAsync(now, BillingConsts.DefaultGracePeriod, cancellationToken));
        foreach (var tenantId in due)
        {
            await TryAsync(tenantId, () => ApplyAsync(tenantId, now, cancellationToken));
        }

        var reminders = 0;
        var days = SignupConsts.TrialReminderDays.OrderBy(d => d).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            var laterThan = i == 0 ? 0 : days[i - 1];
            var trials = await InScopeAsync(null, sp => sp.GetRequiredService<ISubscriptionLifecycleQueries>()
                .TrialsToRemindAsync(now, days[i], laterThan, cancellationToken));
            foreach (var (tenantId, trialEndsAt) in trials)
            {
                if (await TryAsync(tenantId, () => RemindAsync(tenantId, trialEndsAt, days[i], now, cancellationToken))) reminders++;
            }
        }
        return (due.Count, reminders);
    }

    private Task ApplyAsync(Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        InScopeAsync(null, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var tenant = await sp.GetRequiredService<ITenantRepository>().FindAsync(tenantId, ct);
            var subscription = await sp.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(tenantId, ct);
            if (tenant is null || subscription is null) return false;
            TenantLifecycle.Apply(tenant, subscription, now, BillingConsts.DefaultGracePeriod);
            return true;
        }, cancellationToken));

    private Task<bool> RemindAsync(Guid tenantId, DateTimeOffset trialEndsAt, int daysBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        InScopeAsync(tenantId, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var reminders = sp.GetRequiredService<ISubscriptionLifecycleQueries>();
            var kind = SubscriptionReminder.TrialKind(daysBefore);
            if (await reminders.ReminderSentAsync(tenantId, kind, trialEndsAt, ct)) return false;
            var tenant = await sp.GetRequiredService<ITenantStore>().FindAsync(tenantId, ct)
                         ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
            var link = sp.GetRequiredService<IPublicUrls>().TenantSite(tenant.Slug, BillingPath);
            var emails = sp.GetRequiredService<AccountEmails>();
            var daysLeft = Math.Max(1, (int)Math.Ceiling((trialEndsAt - now).TotalDays));
            foreach (var admin in await sp.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(StaticRoles.Admin))
            {
                if (!admin.IsActive || string.IsNullOrWhiteSpace(admin.Email)) continue;
                await emails.QueueAsync(admin, "Email:TrialReminder", link, ct, tenant.Name, daysLeft, trialEndsAt);
            }
            // The unique (tenant, kind, end) index makes a second instance's attempt fail instead of mailing twice.
            reminders.Add(new SubscriptionReminder(tenantId, kind, trialEndsAt, now));
            return true;
        }, cancellationToken));

    private async Task<bool> TryAsync(Guid tenantId, Func<Task> work) => await TryAsync(tenantId, async () =>
    {
        await work();
        return true;
    });

    /// <summary>The outcome of <paramref name="work"/>; false when it failed (logged).</summary>
    private async Task<bool> TryAsync(Guid tenantId, Func<Task<bool>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Subscription lifecycle failed for tenant {TenantId}", tenantId);
            return false;
        }
    }

    private async Task<T> InScopeAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await work(scope.ServiceProvider);
    }
}
