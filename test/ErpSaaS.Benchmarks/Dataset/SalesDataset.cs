using System.Diagnostics;
using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>The sales benchmark's company: who sells, from where, to whom, and which products are hot.</summary>
public sealed record SalesCompany(
    string DatabaseName,
    int Seed,
    Guid TenantId,
    Guid AdminUserId,
    Guid WarehouseId,
    IReadOnlyList<Guid> CustomerIds,
    IReadOnlyList<string> HotProductCodes,
    IReadOnlyList<string> ProductCodes)
{
    public const int Products = 1_000;
    public const int HotProducts = 10;
    public const int Customers = 32;

    /// <summary>What each hot product has on hand at the start of a run: far less than the orders ask for, so some must be refused.</summary>
    public const decimal HotStock = 150m;

    /// <summary>What every other product has on hand: more than any run asks for.</summary>
    public const decimal PlentifulStock = 100_000m;

    /// <summary>Far above what a run's orders add up to, so no order needs credit approval.</summary>
    public const decimal CreditLimit = 1_000_000_000m;

    public static string HotCode(int index) => $"HOT-{index + 1:D2}";
    public static string Code(int index) => $"SKU-{index + 1:D4}";
    public static string CustomerCode(int index) => $"C{index + 1:D2}";
}

/// <summary>
/// Builds (or finds) the small database of the sales-confirmation benchmark, <c>erpsaas_bench_sales_{seed}</c>, entirely
/// through the application's own services: migrated, host seeded, one company signed up (Professional plan, admin,
/// units, VAT rates), one warehouse, 1,000 products with a sale price and 13 % VAT (10 hot ones with
/// <see cref="SalesCompany.HotStock"/> on hand, the rest with plenty), received by opening postings, and 32 customers
/// whose credit covers any run. Nothing here is random: the seed only names the database and drives the orders. A
/// finished database is marked in <c>bench_sales_dataset</c> and reused; it never touches the stock benchmarks' databases.
/// </summary>
public sealed class SalesDataset(int seed, TextWriter log)
{
    /// <summary>Bump when the generated data changes, so older databases are built again rather than reused.</summary>
    public const int Version = 2;

    private static readonly DateTimeOffset OpeningAt = new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public string DatabaseName => $"erpsaas_bench_sales_{seed}";

    public async Task<SalesCompany> EnsureAsync(bool regenerate, CancellationToken cancellationToken = default)
    {
        var ownerConnectionString = BenchEnvironment.OwnerConnectionString(DatabaseName) + ";Pooling=false";
        if (!regenerate && await FindMarkerAsync(cancellationToken) is { } existing)
        {
            log.WriteLine($"Reusing {DatabaseName} (sales dataset v{Version}).");
            await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(ownerConnectionString, BenchEnvironment.AppRole, cancellationToken);
            return await LoadAsync(existing.TenantId, existing.AdminUserId, existing.WarehouseId, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        log.WriteLine($"Generating {DatabaseName}: {SalesCompany.Products:N0} products ({SalesCompany.HotProducts} hot), {SalesCompany.Customers} customers.");
        await using (var admin = new NpgsqlConnection(BenchEnvironment.OwnerConnectionString("postgres") + ";Pooling=false"))
        {
            await admin.OpenAsync(cancellationToken);
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", cancellationToken);
            await ExecuteAsync(admin, $"CREATE DATABASE {DatabaseName}", cancellationToken);
        }
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(ownerConnectionString, BenchEnvironment.AppRole, cancellationToken);
        var (tenantId, adminUserId, warehouseId) = await CreateCompanyAsync(cancellationToken);
        await using (var owner = new NpgsqlConnection(ownerConnectionString))
        {
            await owner.OpenAsync(cancellationToken);
            await ExecuteAsync(owner, "ANALYZE", cancellationToken);
            await ExecuteAsync(owner, $"""
                CREATE TABLE bench_sales_dataset (version integer NOT NULL, seed integer NOT NULL, tenant_id uuid NOT NULL, admin_user_id uuid NOT NULL,
                    warehouse_id uuid NOT NULL, generated_at timestamptz NOT NULL);
                INSERT INTO bench_sales_dataset VALUES ({Version}, {seed}, '{tenantId}', '{adminUserId}', '{warehouseId}', now());
                """, cancellationToken);
        }
        log.WriteLine($"Generated {DatabaseName} in {clock.Elapsed.TotalSeconds:F0} s.");
        return await LoadAsync(tenantId, adminUserId, warehouseId, cancellationToken);
    }

    private async Task<(Guid TenantId, Guid AdminUserId, Guid WarehouseId)?> FindMarkerAsync(CancellationToken cancellationToken)
    {
        await using (var admin = new NpgsqlConnection(BenchEnvironment.OwnerConnectionString("postgres") + ";Pooling=false"))
        {
            await admin.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", DatabaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null) return null;
        }
        await using var owner = new NpgsqlConnection(BenchEnvironment.OwnerConnectionString(DatabaseName) + ";Pooling=false");
        await owner.OpenAsync(cancellationToken);
        await using var marker = new NpgsqlCommand("SELECT tenant_id, admin_user_id, warehouse_id FROM bench_sales_dataset WHERE version = @version AND seed = @seed", owner);
        marker.Parameters.AddWithValue("version", Version);
        marker.Parameters.AddWithValue("seed", seed);
        try
        {
            await using var reader = await marker.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            return (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2));
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // an interrupted build: no marker, so it is built again
        }
    }

    private async Task<(Guid TenantId, Guid AdminUserId, Guid WarehouseId)> CreateCompanyAsync(CancellationToken cancellationToken)
    {
        await using var services = BenchEnvironment.BuildServices(DatabaseName);
        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>()) await seeder.SeedAsync(cancellationToken);
        }
        Guid tenantId, adminUserId;
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            using var host = sp.GetRequiredService<ICurrentTenant>().Change(null);
            (tenantId, adminUserId) = await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var planId = (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Professional, ct))!.Id;
                var tenant = await sp.GetRequiredService<TenantManager>().CreateAsync("Bench Trading Ltd.", "bench-sales", planId, false, ct);
                sp.GetRequiredService<IBillingRepository>().Add(
                    Subscription.For(tenant, BillingInterval.Yearly, PaymentProvider.BankTransfer, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
                var admin = await sp.GetRequiredService<TenantProvisioner>().ProvisionAsync(
                    tenant, new TenantAdminAccount("admin", "admin@bench-sales.test", "Bench admin", "Bench123!", "en"), ct);
                return (tenant.Id, admin.Id);
            }, cancellationToken);
        }

        Guid warehouseId;
        var productIds = new List<(Guid Id, bool IsHot)>();
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(tenantId);
            using var user = sp.GetRequiredService<ICurrentUser>().Change(adminUserId, "admin");
            warehouseId = await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
                var warehouse = await sp.GetRequiredService<WarehouseManager>().CreateAsync("WH01", "Main warehouse", null, isDefault: true, cancellationToken: ct);
                return warehouse.Id;
            }, cancellationToken);
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var vat = await sp.GetRequiredService<ITaxRateRepository>().FindByCodeAsync("VAT13", ct)
                          ?? throw new InvalidOperationException("The company's starter data has no VAT13 rate.");
                var products = sp.GetRequiredService<ProductManager>();
                for (var index = 0; index < SalesCompany.Products; index++)
                {
                    var isHot = index < SalesCompany.HotProducts;
                    var code = isHot ? SalesCompany.HotCode(index) : SalesCompany.Code(index - SalesCompany.HotProducts);
                    // Prices from the index, not a dice: 5.00 … 104.90, costs at 60 %.
                    var price = 5m + index % 1000 / 10m;
                    var product = await products.CreateAsync(code, new ProductDetails
                    {
                        Name = isHot ? $"Best seller {index + 1}" : $"Article {index - SalesCompany.HotProducts + 1}", BaseUnit = "PCS",
                        SalePrice = price, StandardCost = decimal.Round(price * 0.6m, 2), TaxRateId = vat.Id,
                    }, ct);
                    productIds.Add((product.Id, isHot));
                }
                var customers = sp.GetRequiredService<CustomerManager>();
                for (var index = 0; index < SalesCompany.Customers; index++)
                {
                    var customer = await customers.CreateAsync(SalesCompany.CustomerCode(index), $"Customer {index + 1} Ltd", "CNY", ct);
                    customer.ChangeCreditTerms(SalesCompany.CreditLimit, 30);
                }
                return true;
            }, cancellationToken);
        }

        // The opening stock, through the ledger like any receipt (so the ledger, balances and pools agree from the start).
        foreach (var chunk in productIds.Chunk(100))
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(tenantId);
            using var user = sp.GetRequiredService<ICurrentUser>().Change(adminUserId, "admin");
            var movements = chunk.Select((p, i) => new StockMovement
            {
                ProductId = p.Id, WarehouseId = warehouseId, Quantity = p.IsHot ? SalesCompany.HotStock : SalesCompany.PlentifulStock, UnitCost = 3m, LineNumber = i + 1,
            }).ToList();
            var posting = new StockPosting(StockSourceTypes.Opening, Guid.CreateVersion7(), $"OPEN-{productIds.IndexOf(chunk[0]) / 100 + 1:D2}", OpeningAt, movements);
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct => sp.GetRequiredService<IStockLedger>().PostAsync(posting, ct), cancellationToken);
        }
        return (tenantId, adminUserId, warehouseId);
    }

    private async Task<SalesCompany> LoadAsync(Guid tenantId, Guid adminUserId, Guid warehouseId, CancellationToken cancellationToken)
    {
        await using var owner = new NpgsqlConnection(BenchEnvironment.OwnerConnectionString(DatabaseName) + ";Pooling=false");
        await owner.OpenAsync(cancellationToken);
        await using var transaction = await owner.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(owner, $"SELECT set_config('erp.tenant_id', '{tenantId}', true)", cancellationToken, transaction);
        var customers = await ReadAsync(owner, transaction, "SELECT id FROM customers WHERE tenant_id = @tenant ORDER BY code", tenantId, r => r.GetGuid(0), cancellationToken);
        var codes = await ReadAsync(owner, transaction, "SELECT code FROM products WHERE tenant_id = @tenant ORDER BY code", tenantId, r => r.GetString(0), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SalesCompany(DatabaseName, seed, tenantId, adminUserId, warehouseId, customers,
            codes.Where(c => c.StartsWith("HOT-", StringComparison.Ordinal)).ToList(), codes.Where(c => !c.StartsWith("HOT-", StringComparison.Ordinal)).ToList());
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid tenantId, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("tenant", tenantId);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
