using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Billing;

/// <summary>Billing rows for screens, joined to the tenant's name and the plan's names (host tables).</summary>
internal sealed class BillingQueries(ErpDbContext db) : IBillingQueries
{
    private sealed class TransferRow
    {
        public Guid Id { get; init; }
        public Guid TenantId { get; init; }
        public string TenantName { get; init; } = null!;
        public string Reference { get; init; } = null!;
        public Guid PlanId { get; init; }
        public string PlanNameEn { get; init; } = null!;
        public string PlanNameZh { get; init; } = null!;
        public BillingInterval Interval { get; init; }
        public decimal Amount { get; init; }
        public string Currency { get; init; } = null!;
        public BankTransferStatus Status { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public decimal? PaidAmount { get; init; }
        public DateOnly? PaidOn { get; init; }
        public string? BankReference { get; init; }
    }

    private static readonly System.Linq.Expressions.Expression<Func<TransferRow, BankTransferOrderDto>> ToDto = o =>
        new BankTransferOrderDto(o.Id, o.TenantId, o.TenantName, o.Reference, o.PlanId, o.PlanNameEn, o.PlanNameZh, o.Interval, o.Amount, o.Currency,
            o.Status, o.CreatedAt, o.PaidAmount, o.PaidOn, o.BankReference);

    private static readonly SortMap<TransferRow> TransferSorts = new SortMap<TransferRow>("createdAt", true, o => o.Id)
        .Add("createdAt", o => o.CreatedAt)
        .Add("reference", o => o.Reference)
        .Add("tenant", o => o.TenantName)
        .Add("amount", o => o.Amount)
        .Add("status", o => o.Status);

    public Task<SubscriptionDto?> FindSubscriptionAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        db.Subscriptions.AsNoTracking().Where(s => s.TenantId == tenantId)
            .Select(s => new SubscriptionDto(s.PlanId, s.Interval, s.Status, s.Provider, s.TrialEndsAt, s.CurrentPeriodStart, s.CurrentPeriodEnd,
                s.CancelAtPeriodEnd, s.StripeCustomerId, s.StripeSubscriptionId))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<BillingInvoiceDto>> GetInvoicesAsync(Guid? tenantId, int count, CancellationToken cancellationToken = default) =>
        await (from i in db.BillingInvoices.AsNoTracking()
               join t in db.Tenants.AsNoTracking() on i.TenantId equals t.Id
               where tenantId == null || i.TenantId == tenantId
               orderby i.CreatedAt descending, i.Id descending
               select new BillingInvoiceDto(i.Id, i.TenantId, t.Name, i.Number, i.Provider, i.Amount, i.Currency, i.PeriodStart, i.PeriodEnd,
                   i.Status, i.PaidAt, i.HostedUrl, i.CreatedAt))
            .Take(count).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<BankTransferOrderDto>> GetTransfersOfTenantAsync(
        Guid tenantId, BankTransferStatus? status, int count, CancellationToken cancellationToken = default) =>
        await Transfers().Where(o => o.TenantId == tenantId && (status == null || o.Status == status))
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(count).Select(ToDto).ToListAsync(cancellationToken);

    public Task<PagedResult<BankTransferOrderDto>> GetTransfersAsync(PaymentListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = Transfers();
        if (query.Status is { } status) rows = rows.Where(o => o.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{query.Search.Trim()}%";
            rows = rows.Where(o => EF.Functions.ILike(o.Reference, pattern) || EF.Functions.ILike(o.TenantName, pattern));
        }
        return TransferSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, ToDto, cancellationToken);
    }

    public async Task<BillingFiguresDto> GetFiguresAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const int Weeks = 12;
        var byStatus = await db.Tenants.AsNoTracking().GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var mrr = await (from s in db.Subscriptions.AsNoTracking()
                         join p in db.Plans.AsNoTracking() on s.PlanId equals p.Id
                         where s.Status == SubscriptionStatus.Active
                         select s.Interval == BillingInterval.Yearly ? p.YearlyPrice / 12 : p.MonthlyPrice).SumAsync(cancellationToken);

        // A tenant converted when it first paid an invoice (bank transfer confirmed or Stripe invoice paid).
        var thisWeek = StartOfWeek(now);
        var since = thisWeek.AddDays(-7 * (Weeks - 1));
        var windowStart = now.AddDays(-90);
        var from = since < windowStart ? since : windowStart;
        var created = await db.Tenants.AsNoTracking().Where(t => t.CreatedAt >= from).Select(t => new { t.Id, t.CreatedAt }).ToListAsync(cancellationToken);
        var firstPaid = await db.BillingInvoices.AsNoTracking().Where(i => i.PaidAt != null)
            .GroupBy(i => i.TenantId).Select(g => new { TenantId = g.Key, PaidAt = g.Min(i => i.PaidAt)!.Value })
            .Where(p => p.PaidAt >= from).ToDictionaryAsync(p => p.TenantId, p => p.PaidAt, cancellationToken);

        var inWindow = created.Where(t => t.CreatedAt >= windowStart).ToList();
        var paidInWindow = inWindow.Count(t => firstPaid.ContainsKey(t.Id));
        var weeks = Enumerable.Range(0, Weeks).Select(w =>
        {
            var start = since.AddDays(7 * w);
            var end = start.AddDays(7);
            return new WeekFigureDto(DateOnly.FromDateTime(start.UtcDateTime),
                created.Count(t => t.CreatedAt >= start && t.CreatedAt < end),
                firstPaid.Values.Count(p => p >= start && p < end));
        }).ToList();
        return new BillingFiguresDto(
            Enum.GetValues<ErpSaaS.Tenancy.TenantStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s)),
            decimal.Round(mrr, 2, MidpointRounding.AwayFromZero),
            inWindow.Count, paidInWindow,
            inWindow.Count == 0 ? 0m : decimal.Round((decimal)paidInWindow / inWindow.Count, 4, MidpointRounding.AwayFromZero),
            weeks);
    }

    private static DateTimeOffset StartOfWeek(DateTimeOffset at)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private IQueryable<TransferRow> Transfers() =>
        from o in db.BankTransferOrders.AsNoTracking()
        join t in db.Tenants.AsNoTracking() on o.TenantId equals t.Id
        join p in db.Plans.AsNoTracking() on o.PlanId equals p.Id
        select new TransferRow
        {
            Id = o.Id, TenantId = o.TenantId, TenantName = t.Name, Reference = o.Reference, PlanId = o.PlanId, PlanNameEn = p.NameEn,
            PlanNameZh = p.NameZh, Interval = o.Interval, Amount = o.Amount, Currency = o.Currency, Status = o.Status, CreatedAt = o.CreatedAt,
            PaidAmount = o.PaidAmount, PaidOn = o.PaidOn, BankReference = o.BankReference,
        };
}

/// <summary>
/// The next "INV-{yyyy}-{00000}": a transaction-scoped advisory lock queues concurrent confirmations, and the number
/// follows the year's highest, so a rolled-back invoice leaves no gap.
/// </summary>
internal sealed class BillingInvoiceNumbers(ErpDbContext db) : IBillingInvoiceNumbers
{
    private const long LockKey = 0x42494C4C494E47; // "BILLING"

    public async Task<string> NextAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An invoice number must be taken inside the transaction that saves the invoice.");
        }
        var prefix = $"INV-{at.UtcDateTime:yyyy}-";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var pattern = "^" + prefix + "[0-9]+$";
        var last = await db.Database.SqlQuery<int>($"""
            SELECT COALESCE(MAX(CAST(SUBSTRING(number FROM {prefix.Length + 1}) AS integer)), 0) AS "Value"
            FROM billing_invoices WHERE number ~ {pattern}
            """).SingleAsync(cancellationToken);
        return $"{prefix}{last + 1:00000}";
    }
}
