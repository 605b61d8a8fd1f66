using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Numbering;
using ErpSaaS.Outbox;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// The one unit of work. Every <see cref="IMultiTenant"/> entity is filtered to the current tenant by a
/// query filter that reads <see cref="CurrentTenantId"/> per query; PostgreSQL row-level security
/// (see <see cref="TenantSessionInterceptor"/>) backs it up on every connection.
/// </summary>
public sealed class ErpDbContext : IdentityDbContext<AppUser, AppRole, Guid, AppUserClaim, AppUserRole, AppUserLogin, AppRoleClaim, AppUserToken>
{
    private readonly ICurrentTenant _currentTenant;
    private readonly ErpSaveChangesPipeline _pipeline;

    public ErpDbContext(DbContextOptions<ErpDbContext> options, ICurrentTenant currentTenant, ErpSaveChangesPipeline pipeline)
        : base(options)
    {
        _currentTenant = currentTenant;
        _pipeline = pipeline;
        ChangeTracker.Tracked += StampTenantOnAdd;
    }

    private int _tenantFilterDisabledDepth;

    /// <summary>
    /// A new tenant-owned row belongs to the tenant current when it is added, not when it is saved: a row added
    /// inside <c>ICurrentTenant.Change(x)</c> and saved after the scope ended is refused (cross-tenant write)
    /// instead of landing silently in the host's data.
    /// </summary>
    private void StampTenantOnAdd(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityTrackedEventArgs e)
    {
        if (!e.FromQuery && e.Entry.State == EntityState.Added && e.Entry.Entity is IMultiTenant { TenantId: null })
        {
            e.Entry.Property(nameof(IMultiTenant.TenantId)).CurrentValue = CurrentTenantId;
        }
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanFeatureValue> PlanFeatureValues => Set<PlanFeatureValue>();
    public DbSet<TenantFeatureOverride> TenantFeatureOverrides => Set<TenantFeatureOverride>();
    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();
    public DbSet<TenantSetting> TenantSettings => Set<TenantSetting>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<EntityChange> EntityChanges => Set<EntityChange>();
    public DbSet<DocumentSequence> DocumentSequences => Set<DocumentSequence>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ErpSaaS.Billing.Subscription> Subscriptions => Set<ErpSaaS.Billing.Subscription>();
    public DbSet<ErpSaaS.Billing.BillingInvoice> BillingInvoices => Set<ErpSaaS.Billing.BillingInvoice>();
    public DbSet<ErpSaaS.Billing.BankTransferOrder> BankTransferOrders => Set<ErpSaaS.Billing.BankTransferOrder>();
    public DbSet<ErpSaaS.Billing.StripeWebhookEvent> StripeWebhookEvents => Set<ErpSaaS.Billing.StripeWebhookEvent>();
    public DbSet<ErpSaaS.Billing.SubscriptionReminder> SubscriptionReminders => Set<ErpSaaS.Billing.SubscriptionReminder>();
    public DbSet<ErpSaaS.Catalog.Warehouse> Warehouses => Set<ErpSaaS.Catalog.Warehouse>();
    public DbSet<ErpSaaS.Catalog.WarehouseLocation> WarehouseLocations => Set<ErpSaaS.Catalog.WarehouseLocation>();
    public DbSet<ErpSaaS.Catalog.Product> Products => Set<ErpSaaS.Catalog.Product>();
    public DbSet<ErpSaaS.Catalog.ProductBarcode> ProductBarcodes => Set<ErpSaaS.Catalog.ProductBarcode>();
    public DbSet<ErpSaaS.Catalog.ProductUnitConversion> ProductUnitConversions => Set<ErpSaaS.Catalog.ProductUnitConversion>();
    public DbSet<ErpSaaS.Catalog.ProductCategory> ProductCategories => Set<ErpSaaS.Catalog.ProductCategory>();
    public DbSet<ErpSaaS.Catalog.UnitOfMeasure> UnitsOfMeasure => Set<ErpSaaS.Catalog.UnitOfMeasure>();
    public DbSet<ErpSaaS.Catalog.TaxRate> TaxRates => Set<ErpSaaS.Catalog.TaxRate>();
    public DbSet<ErpSaaS.Catalog.Currency> Currencies => Set<ErpSaaS.Catalog.Currency>();
    public DbSet<ErpSaaS.Catalog.ExchangeRate> ExchangeRates => Set<ErpSaaS.Catalog.ExchangeRate>();
    public DbSet<ErpSaaS.Catalog.Customer> Customers => Set<ErpSaaS.Catalog.Customer>();
    public DbSet<ErpSaaS.Catalog.CustomerContact> CustomerContacts => Set<ErpSaaS.Catalog.CustomerContact>();
    public DbSet<ErpSaaS.Catalog.CustomerAddress> CustomerAddresses => Set<ErpSaaS.Catalog.CustomerAddress>();
    public DbSet<ErpSaaS.Catalog.Supplier> Suppliers => Set<ErpSaaS.Catalog.Supplier>();
    public DbSet<ErpSaaS.Catalog.SupplierContact> SupplierContacts => Set<ErpSaaS.Catalog.SupplierContact>();
    public DbSet<ErpSaaS.Catalog.SupplierProduct> SupplierProducts => Set<ErpSaaS.Catalog.SupplierProduct>();
    public DbSet<ErpSaaS.Catalog.PriceList> PriceLists => Set<ErpSaaS.Catalog.PriceList>();
    public DbSet<ErpSaaS.Catalog.PriceListLine> PriceListLines => Set<ErpSaaS.Catalog.PriceListLine>();
    public DbSet<ErpSaaS.ImportExport.ImportJob> ImportJobs => Set<ErpSaaS.ImportExport.ImportJob>();
    public DbSet<ErpSaaS.ImportExport.ImportJobRow> ImportJobRows => Set<ErpSaaS.ImportExport.ImportJobRow>();
    public DbSet<ErpSaaS.Inventory.StockLedgerEntry> StockLedgerEntries => Set<ErpSaaS.Inventory.StockLedgerEntry>();
    public DbSet<ErpSaaS.Inventory.StockEntryValuation> StockEntryValuations => Set<ErpSaaS.Inventory.StockEntryValuation>();
    public DbSet<ErpSaaS.Inventory.StockBalance> StockBalances => Set<ErpSaaS.Inventory.StockBalance>();
    public DbSet<ErpSaaS.Inventory.StockWarehouseBalance> StockWarehouseBalances => Set<ErpSaaS.Inventory.StockWarehouseBalance>();
    public DbSet<ErpSaaS.Inventory.StockValuation> StockValuations => Set<ErpSaaS.Inventory.StockValuation>();
    public DbSet<ErpSaaS.Inventory.StockCostLayer> StockCostLayers => Set<ErpSaaS.Inventory.StockCostLayer>();
    public DbSet<ErpSaaS.Inventory.StockReservation> StockReservations => Set<ErpSaaS.Inventory.StockReservation>();
    public DbSet<ErpSaaS.Inventory.StockSupply> StockSupplies => Set<ErpSaaS.Inventory.StockSupply>();
    public DbSet<ErpSaaS.Inventory.StockVerificationRun> StockVerificationRuns => Set<ErpSaaS.Inventory.StockVerificationRun>();
    public DbSet<ErpSaaS.Inventory.StockVerificationDifference> StockVerificationDifferences => Set<ErpSaaS.Inventory.StockVerificationDifference>();
    public DbSet<ErpSaaS.Inventory.Alerts.StockAlertDigest> StockAlertDigests => Set<ErpSaaS.Inventory.Alerts.StockAlertDigest>();
    public DbSet<ErpSaaS.Inventory.Documents.StockDocument> StockDocuments => Set<ErpSaaS.Inventory.Documents.StockDocument>();
    public DbSet<ErpSaaS.Inventory.Documents.StockDocumentEvent> StockDocumentEvents => Set<ErpSaaS.Inventory.Documents.StockDocumentEvent>();
    public DbSet<ErpSaaS.Inventory.Documents.OpeningBalanceLine> OpeningBalanceLines => Set<ErpSaaS.Inventory.Documents.OpeningBalanceLine>();
    public DbSet<ErpSaaS.Inventory.Documents.StockTransferLine> StockTransferLines => Set<ErpSaaS.Inventory.Documents.StockTransferLine>();
    public DbSet<ErpSaaS.Inventory.Documents.StockAdjustmentLine> StockAdjustmentLines => Set<ErpSaaS.Inventory.Documents.StockAdjustmentLine>();
    public DbSet<ErpSaaS.Inventory.Documents.StockCountLine> StockCountLines => Set<ErpSaaS.Inventory.Documents.StockCountLine>();

    public ICurrentTenant CurrentTenant => _currentTenant;



    // Read by the query filters on every query (EF parameterizes context members, never caching their values).
    internal Guid? CurrentTenantId => _currentTenant.Id;
    internal bool IsTenantFilterEnabled => _tenantFilterDisabledDepth == 0;

    /// <summary>
    /// Host-side code that must see every tenant's rows (operator lists, the outbox dispatcher) says so here,
    /// visibly: the query filter is lifted and row-level security is bypassed for this context until disposed.
    /// </summary>
    public IDisposable DisableTenantFilter()
    {
        _tenantFilterDisabledDepth++;
        return new FilterScope(this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ErpDbContext).Assembly);

        // Filters go on the root of an inheritance (EF refuses them on derived types, which the root's filter covers).
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IMultiTenant).IsAssignableFrom(t.ClrType)))
        {
            GetType().GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, [builder]);
        }
        SnakeCaseNames.Apply(builder.Model);
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder builder) where TEntity : class, IMultiTenant =>
        builder.Entity<TEntity>().HasQueryFilter(e => !IsTenantFilterEnabled || e.TenantId == CurrentTenantId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await _pipeline.BeforeSaveAsync(this, cancellationToken);
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        _pipeline.AfterSave(this);
        return result;
    }

    private sealed class FilterScope(ErpDbContext context) : IDisposable
    {
        private bool _disposed;
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            context._tenantFilterDisabledDepth--;
        }
    }
}
