using System.Diagnostics;
using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.Benchmarks.Dataset;

/// <summary>
/// Builds (or finds) the benchmark company's database, <c>erpsaas_bench_{scale}_{seed}</c>: migrated like every other
/// database, host seeded and the company signed up through the application's own services, then products, balances
/// and the 10 M-entry ledger loaded with binary COPY (a seeded <see cref="Random"/> decides everything, so the same
/// seed gives the same company). A finished database is marked in <c>bench_dataset</c> with the generator version and
/// seed and reused by later runs, since generating the full scale takes many minutes.
/// </summary>
public sealed class DatasetGenerator(DatasetShape shape, int seed, TextWriter log)
{
    /// <summary>Bump when the generated data changes, so older databases are regenerated rather than reused.</summary>
    public const int Version = 1;

    // A fixed two-year window (not "now"), so the history is the same whenever it is generated. It ends before any
    // real posting the benchmarks make, which are therefore forward postings (no revaluation) unless meant otherwise.
    private static readonly DateTimeOffset HistoryStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HistoryEnd = new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Materials = ["Steel", "Brass", "Nylon", "Copper", "Aluminium", "PVC", "Rubber", "Cotton", "Oak", "Glass", "Ceramic", "Titanium"];
    private static readonly string[] Items = ["bolt", "nut", "washer", "bracket", "hinge", "gasket", "valve", "cable", "panel", "bearing", "spring", "pipe", "fitting", "sheet", "board", "clamp"];
    private static readonly string[] Sizes = ["M4", "M6", "M8", "M10", "M12", "10 mm", "20 mm", "50 mm", "1/2 in", "3/4 in", "S", "M", "L", "XL"];

    public string DatabaseName => $"erpsaas_bench_{shape.Tag}_{seed}";

    public async Task<BenchCompany> EnsureAsync(bool regenerate, CancellationToken cancellationToken = default)
    {
        var ownerConnectionString = BenchEnvironment.OwnerConnectionString(DatabaseName) + ";Pooling=false";
        if (!regenerate && await FindMarkerAsync(cancellationToken) is { } existing)
        {
            log.WriteLine($"Reusing {DatabaseName} (generator v{Version}, seed {seed}, generated {existing.GeneratedAt:u}).");
            await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(ownerConnectionString, BenchEnvironment.AppRole, cancellationToken);
            return await LoadCompanyAsync(existing.TenantId, existing.AdminUserId, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        log.WriteLine($"Generating {DatabaseName}: {shape.StockedProducts:N0} stocked of {shape.CatalogProducts:N0} products, {shape.Warehouses} warehouses, "
                      + $"{shape.LedgerEntries:N0} ledger entries ({shape.DeepLaterEntries:N0} for one product after the backdated date).");
        await RecreateDatabaseAsync(cancellationToken);
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(ownerConnectionString, BenchEnvironment.AppRole, cancellationToken);
        var (tenantId, adminUserId) = await SignUpCompanyAsync(cancellationToken);
        log.WriteLine($"  migrated, host seeded, company signed up with {shape.Warehouses} warehouses ({clock.Elapsed.TotalSeconds:F0} s)");

        await using (var owner = new NpgsqlConnection(ownerConnectionString))
        {
            await owner.OpenAsync(cancellationToken);
            var warehouses = await ReadWarehousesAsync(owner, tenantId, cancellationToken);
            await LoadStockAsync(owner, ownerConnectionString, tenantId, warehouses, clock, cancellationToken);
            var check = await LedgerConsistency.CheckAsync(owner, tenantId, cancellationToken);
            log.WriteLine($"  SUM check: {check} ({clock.Elapsed.TotalSeconds:F0} s)");
            if (!check.IsConsistent) throw new InvalidOperationException($"The generated ledger disagrees with its balances: {check}");
            await ExecuteAsync(owner, $"""
                CREATE TABLE bench_dataset (generator_version integer NOT NULL, seed integer NOT NULL, scale double precision NOT NULL,
                    tenant_id uuid NOT NULL, admin_user_id uuid NOT NULL, generated_at timestamptz NOT NULL, generation_seconds integer NOT NULL);
                INSERT INTO bench_dataset VALUES ({Version}, {seed}, {shape.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)},
                    '{tenantId}', '{adminUserId}', now(), {(int)clock.Elapsed.TotalSeconds});
                """, cancellationToken);
        }
        log.WriteLine($"Generated {DatabaseName} in {clock.Elapsed.TotalMinutes:F1} min.");
        return await LoadCompanyAsync(tenantId, adminUserId, cancellationToken);
    }

    private async Task<(Guid TenantId, Guid AdminUserId, DateTimeOffset GeneratedAt)?> FindMarkerAsync(CancellationToken cancellationToken)
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
        await using var marker = new NpgsqlCommand("""
            SELECT tenant_id, admin_user_id, generated_at FROM bench_dataset
            WHERE generator_version = @version AND seed = @seed AND scale = @scale
            """, owner);
        marker.Parameters.AddWithValue("version", Version);
        marker.Parameters.AddWithValue("seed", seed);
        marker.Parameters.AddWithValue("scale", shape.Scale);
        try
        {
            await using var reader = await marker.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            return (reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // an interrupted generation: no marker, so it is generated again
        }
    }

    private async Task RecreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(BenchEnvironment.OwnerConnectionString("postgres") + ";Pooling=false");
        await admin.OpenAsync(cancellationToken);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", cancellationToken);
        await ExecuteAsync(admin, $"CREATE DATABASE {DatabaseName}", cancellationToken);
    }

    /// <summary>The host's plans and operator, then the company as sign-up makes it: Professional plan, admin, units, tax rates, warehouses.</summary>
    private async Task<(Guid TenantId, Guid AdminUserId)> SignUpCompanyAsync(CancellationToken cancellationToken)
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
                var tenant = await sp.GetRequiredService<TenantManager>().CreateAsync("Bench Manufacturing Ltd.", "bench", planId, false, ct);
                sp.GetRequiredService<IBillingRepository>().Add(
                    Subscription.For(tenant, BillingInterval.Yearly, PaymentProvider.BankTransfer, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
                var admin = await sp.GetRequiredService<TenantProvisioner>().ProvisionAsync(
                    tenant, new TenantAdminAccount("admin", "admin@bench.test", "Bench admin", "Bench123!", "en"), ct);
                return (tenant.Id, admin.Id);
            }, cancellationToken);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(tenantId);
            using var user = sp.GetRequiredService<ICurrentUser>().Change(adminUserId, "admin");
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
                var warehouses = sp.GetRequiredService<WarehouseManager>();
                for (var i = 0; i < shape.Warehouses; i++)
                {
                    await warehouses.CreateAsync(BenchCompany.WarehouseCode(i), $"Warehouse {i + 1}", null, isDefault: i == 0, cancellationToken: ct);
                }
                return true;
            }, cancellationToken);
        }
        return (tenantId, adminUserId);
    }

    private static async Task<List<Guid>> ReadWarehousesAsync(NpgsqlConnection owner, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var transaction = await owner.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(owner, $"SELECT set_config('erp.tenant_id', '{tenantId}', true)", cancellationToken, transaction);
        await using var command = new NpgsqlCommand("SELECT id FROM warehouses WHERE tenant_id = @tenant ORDER BY code", owner, transaction);
        command.Parameters.AddWithValue("tenant", tenantId);
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>
    /// Products, the ledger, then the kept figures. COPY is refused on tables under forced row-level security, so the
    /// owner lifts FORCE for the load (it owns the tables; the app role never sees the difference) and puts it back.
    /// The ledger's indexes and constraints are dropped for the load and rebuilt once after it, which is many times
    /// faster than maintaining five indexes over 10 M random-order inserts.
    /// </summary>
    private async Task LoadStockAsync(NpgsqlConnection owner, string ownerConnectionString, Guid tenantId, IReadOnlyList<Guid> warehouses, Stopwatch clock, CancellationToken cancellationToken)
    {
        string[] loaded = ["products", "product_unit_conversions", "stock_ledger_entries", "stock_entry_valuations", "stock_balances", "stock_warehouse_balances", "stock_valuations"];
        await ExecuteAsync(owner, "SET maintenance_work_mem = '256MB'", cancellationToken);
        foreach (var table in loaded) await ExecuteAsync(owner, $"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY", cancellationToken);
        var rebuild = await DropIndexesAsync(owner, "stock_ledger_entries", cancellationToken);
        rebuild.AddRange(await DropIndexesAsync(owner, "stock_entry_valuations", cancellationToken));

        var random = new Random(seed);
        var plans = await WriteProductsAsync(owner, random, tenantId, warehouses, cancellationToken);
        log.WriteLine($"  {shape.CatalogProducts:N0} products copied ({clock.Elapsed.TotalSeconds:F0} s)");

        LedgerWriter writer;
        // Each entry's valuation row goes to its own table: a second COPY, on a second connection, at the same time.
        await using (var second = new NpgsqlConnection(ownerConnectionString))
        {
            await second.OpenAsync(cancellationToken);
            using var ledger = await owner.BeginBinaryImportAsync(LedgerWriter.CopyCommand, cancellationToken);
            using var valuations = await second.BeginBinaryImportAsync(LedgerWriter.ValuationsCopyCommand, cancellationToken);
            writer = new LedgerWriter(ledger, valuations, random, tenantId);
            WriteHistory(writer, random, plans, clock);
            await ledger.CompleteAsync(cancellationToken);
            await valuations.CompleteAsync(cancellationToken);
        }
        log.WriteLine($"  {writer.EntriesWritten:N0} ledger entries copied ({clock.Elapsed.TotalSeconds:F0} s)");
        await WriteKeptFiguresAsync(owner, tenantId, writer, cancellationToken);

        // Validating a foreign key as the owner runs one join under the referenced tables' forced row-level security
        // (warehouses, products): the load's session lifts the tenant filter the way host code does, or every key fails.
        await ExecuteAsync(owner, "SELECT set_config('erp.bypass_tenant', 'on', false)", cancellationToken);
        foreach (var statement in rebuild) await ExecuteAsync(owner, statement, cancellationToken);
        await ExecuteAsync(owner, "SELECT set_config('erp.bypass_tenant', '', false)", cancellationToken);
        log.WriteLine($"  ledger indexes and constraints rebuilt ({clock.Elapsed.TotalSeconds:F0} s)");
        foreach (var table in loaded) await ExecuteAsync(owner, $"ALTER TABLE {table} FORCE ROW LEVEL SECURITY", cancellationToken);
        // A production ledger is vacuumed and analyzed by autovacuum; the benchmarks should not run on a table that never was.
        foreach (var table in loaded) await ExecuteAsync(owner, $"VACUUM (ANALYZE) {table}", cancellationToken);
        // The small tables too (warehouses, settings …): below autovacuum's threshold they would never get statistics,
        // and a planner that takes 10 warehouses for 1 picks nested loops over 200 k balances.
        await ExecuteAsync(owner, "ANALYZE", cancellationToken);
        log.WriteLine($"  vacuumed and analyzed ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    /// <summary>Drops a table's secondary indexes, foreign keys and primary key; returns the statements that rebuild them.</summary>
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection owner, string table, CancellationToken cancellationToken)
    {
        var constraints = new List<(string Name, string Definition, char Type)>();
        await using (var command = new NpgsqlCommand("""
            SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint
            WHERE conrelid = @table::regclass AND contype IN ('p', 'f') ORDER BY contype DESC, conname
            """, owner) { Parameters = { new("table", table) } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetChar(2)));
        }
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.tablename = @table AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.indexname
            """, owner) { Parameters = { new("table", table) } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _, _) in constraints.Where(c => c.Type == 'f').Concat(constraints.Where(c => c.Type == 'p')))
        {
            await ExecuteAsync(owner, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", cancellationToken);
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(owner, $"DROP INDEX \"{name}\"", cancellationToken);
        return constraints.Where(c => c.Type == 'p').Concat(constraints.Where(c => c.Type == 'f'))
            .Select(c => $"ALTER TABLE {table} ADD CONSTRAINT \"{c.Name}\" {c.Definition}")
            .Concat(indexes.Select(i => i.Definition))
            .ToList();
    }

    /// <summary>
    /// The catalog: the hot products, the deep product, the regular stocked products, then products never received
    /// (up to <see cref="DatasetShape.CatalogProducts"/>). About a third sell by the box as well (the reorder pack).
    /// </summary>
    private async Task<List<(ProductPlan Plan, string Code)>> WriteProductsAsync(
        NpgsqlConnection owner, Random random, Guid tenantId, IReadOnlyList<Guid> warehouses, CancellationToken cancellationToken)
    {
        var plans = new List<(ProductPlan Plan, string Code)>(shape.StockedProducts);
        var boxes = new List<(Guid ProductId, decimal Factor)>();
        await using (var products = await owner.BeginBinaryImportAsync("""
            COPY products (id, tenant_id, code, name, specification, category_id, type, base_unit, default_warehouse_id, safety_stock, reorder_point,
                reorder_quantity, maximum_stock, lead_time_days, is_batch_tracked, shelf_life_days, valuation_method, standard_cost, sale_price, tax_rate_id, is_active)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var index = 0; index < shape.CatalogProducts; index++)
            {
                var code = index < shape.HotProducts ? BenchCompany.HotProductCode(index)
                    : index == shape.HotProducts ? BenchCompany.DeepProductCode
                    : BenchCompany.ProductCode(index - shape.HotProducts - 1);
                var id = SeededIds.NewV7(random, HistoryStart);
                var standardCost = Math.Round(0.5m + (decimal)random.NextDouble() * 199.5m, 2);
                var isStocked = index < shape.StockedProducts;
                var productWarehouses = !isStocked ? []
                    : index < shape.HotProducts ? [warehouses[0], warehouses[1]]
                    : index == shape.HotProducts ? [warehouses[0]]
                    : PickWarehouses(random, warehouses);
                if (isStocked) plans.Add((new ProductPlan(id, productWarehouses, standardCost), code));
                var safety = random.Next(0, 101);
                var reorderPoint = safety + random.Next(0, 201);
                var reorderQuantity = random.Next(5, 51) * 10;
                var type = random.NextDouble() switch { < 0.6 => ProductType.Goods, < 0.85 => ProductType.RawMaterial, _ => ProductType.Finished };

                await products.StartRowAsync(cancellationToken);
                await products.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await products.WriteAsync(tenantId, NpgsqlDbType.Uuid, cancellationToken);
                await products.WriteAsync(code, NpgsqlDbType.Varchar, cancellationToken);
                await products.WriteAsync($"{Materials[random.Next(Materials.Length)]} {Items[random.Next(Items.Length)]} {Sizes[random.Next(Sizes.Length)]}", NpgsqlDbType.Varchar, cancellationToken);
                await products.WriteNullAsync(cancellationToken);
                await products.WriteNullAsync(cancellationToken);
                await products.WriteAsync(type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await products.WriteAsync("PCS", NpgsqlDbType.Varchar, cancellationToken);
                if (productWarehouses.Count > 0) await products.WriteAsync(productWarehouses[0], NpgsqlDbType.Uuid, cancellationToken);
                else await products.WriteNullAsync(cancellationToken);
                await products.WriteAsync((decimal)safety, NpgsqlDbType.Numeric, cancellationToken);
                await products.WriteAsync((decimal)reorderPoint, NpgsqlDbType.Numeric, cancellationToken);
                await products.WriteAsync((decimal)reorderQuantity, NpgsqlDbType.Numeric, cancellationToken);
                if (random.NextDouble() < 0.7) await products.WriteAsync((decimal)(reorderPoint + 2 * reorderQuantity), NpgsqlDbType.Numeric, cancellationToken);
                else await products.WriteNullAsync(cancellationToken);
                await products.WriteAsync(random.Next(1, 31), NpgsqlDbType.Integer, cancellationToken);
                await products.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await products.WriteNullAsync(cancellationToken);
                await products.WriteAsync(nameof(ValuationMethod.MovingAverage), NpgsqlDbType.Varchar, cancellationToken);
                await products.WriteAsync(standardCost, NpgsqlDbType.Numeric, cancellationToken);
                await products.WriteAsync(Math.Round(standardCost * 1.3m, 2), NpgsqlDbType.Numeric, cancellationToken);
                await products.WriteNullAsync(cancellationToken);
                // Hot and deep products stay active whatever the dice say: the postings need them.
                await products.WriteAsync(index <= shape.HotProducts || random.NextDouble() < 0.98, NpgsqlDbType.Boolean, cancellationToken);
                if (random.NextDouble() < 0.3) boxes.Add((id, random.Next(1, 5) * 12m));
            }
            await products.CompleteAsync(cancellationToken);
        }
        await using (var conversions = await owner.BeginBinaryImportAsync(
            "COPY product_unit_conversions (id, tenant_id, product_id, unit_code, factor) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (productId, factor) in boxes)
            {
                await conversions.WriteRowAsync(cancellationToken, SeededIds.NewV7(random, HistoryStart), tenantId, productId, "BOX", factor);
            }
            await conversions.CompleteAsync(cancellationToken);
        }
        return plans;
    }

    // Most products sit in one to three warehouses, a few in all ten.
    private static List<Guid> PickWarehouses(Random random, IReadOnlyList<Guid> warehouses)
    {
        var count = 1 + (int)(Math.Pow(random.NextDouble(), 2) * warehouses.Count);
        return warehouses.OrderBy(_ => random.Next()).Take(Math.Min(count, warehouses.Count)).ToList();
    }

    /// <summary>
    /// The hot products start with plenty of stock in two warehouses; the deep product gets its 100 early entries and
    /// then the 1 M later ones (all in one warehouse); the rest of the entries go to the regular products in
    /// proportion to exponential weights (a few busy products, a long tail of quiet ones).
    /// </summary>
    private void WriteHistory(LedgerWriter writer, Random random, List<(ProductPlan Plan, string Code)> plans, Stopwatch clock)
    {
        var regular = plans.Skip(shape.HotProducts + 1).Select(p => p.Plan).ToList();
        var deepEntries = DatasetShape.DeepEarlierEntries + shape.DeepLaterEntries;
        var budget = shape.LedgerEntries - deepEntries - 2L * shape.HotProducts;
        var weights = regular.Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        var minimum = regular.Sum(p => (long)p.Warehouses.Count);
        var spread = Math.Max(0, budget - minimum);
        var totalWeight = weights.Sum();
        var counts = regular.Select((p, i) => p.Warehouses.Count + (long)(spread * weights[i] / totalWeight)).ToArray();
        for (long rest = budget - counts.Sum(), i = 0; rest > 0; rest--, i = (i + 1) % counts.Length) counts[i]++;

        foreach (var (hot, _) in plans.Take(shape.HotProducts))
        {
            writer.WriteProduct(hot, [HistoryStart, HistoryStart.AddMinutes(1)], 100_000m, _ => true);
        }
        // The deep product's early entries fill its first day, the later ones the rest of the window.
        var deep = plans[shape.HotProducts].Plan;
        var deepTimes = Times(random, HistoryStart, HistoryStart.AddDays(1), DatasetShape.DeepEarlierEntries)
            .Concat(Times(random, HistoryStart.AddDays(2), HistoryEnd, shape.DeepLaterEntries)).ToList();
        writer.WriteProduct(deep, deepTimes, 10_000m, r => r.NextDouble() < 0.5);
        log.WriteLine($"  deep product written ({writer.EntriesWritten:N0} entries, {clock.Elapsed.TotalSeconds:F0} s)");

        for (var i = 0; i < regular.Count; i++)
        {
            writer.WriteProduct(regular[i], Times(random, HistoryStart, HistoryEnd, (int)counts[i]), random.Next(10, 101) * 10m, r => r.NextDouble() < 0.3);
            if ((i + 1) % 10_000 == 0) log.WriteLine($"  {i + 1:N0} products, {writer.EntriesWritten:N0} entries ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }

    /// <summary><paramref name="count"/> ascending times spread evenly over [from, to) with jitter, to the microsecond PostgreSQL keeps.</summary>
    private static List<DateTimeOffset> Times(Random random, DateTimeOffset from, DateTimeOffset to, int count)
    {
        var span = (to - from).Ticks;
        var times = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            var ticks = (long)(span * ((i + random.NextDouble()) / count));
            times.Add(from.AddTicks(ticks - ticks % 10));
        }
        return times;
    }

    private async Task WriteKeptFiguresAsync(NpgsqlConnection owner, Guid tenantId, LedgerWriter writer, CancellationToken cancellationToken)
    {
        var updatedAt = HistoryEnd;
        var random = new Random(seed + 1);
        await using (var balances = await owner.BeginBinaryImportAsync("""
            COPY stock_balances (id, tenant_id, product_id, warehouse_id, location_id, batch_number, expiry_date, on_hand, reserved, value, updated_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var b in writer.Balances)
            {
                await balances.WriteRowAsync(cancellationToken, SeededIds.NewV7(random, updatedAt), tenantId, b.ProductId, b.WarehouseId, StockConsts.NoLocation,
                    StockConsts.NoBatch, DBNull.Value, b.OnHand, 0m, b.Value, updatedAt);
            }
            await balances.CompleteAsync(cancellationToken);
        }
        await using (var totals = await owner.BeginBinaryImportAsync("""
            COPY stock_warehouse_balances (id, tenant_id, product_id, warehouse_id, on_hand, reserved, on_order, planned, updated_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var b in writer.Balances)
            {
                await totals.WriteRowAsync(cancellationToken, SeededIds.NewV7(random, updatedAt), tenantId, b.ProductId, b.WarehouseId, b.OnHand, 0m, 0m, 0m, updatedAt);
            }
            await totals.CompleteAsync(cancellationToken);
        }
        await using (var pools = await owner.BeginBinaryImportAsync("""
            COPY stock_valuations (id, tenant_id, product_id, valuation_key, quantity, value, last_unit_cost, last_posted_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var p in writer.Pools)
            {
                await pools.WriteRowAsync(cancellationToken, SeededIds.NewV7(random, updatedAt), tenantId, p.ProductId, StockConsts.CompanyWide,
                    p.Pool.Quantity, p.Pool.Value, p.Pool.LastUnitCost, p.LastPostedAt);
            }
            await pools.CompleteAsync(cancellationToken);
        }
    }

    private async Task<BenchCompany> LoadCompanyAsync(Guid tenantId, Guid adminUserId, CancellationToken cancellationToken)
    {
        await using var owner = new NpgsqlConnection(BenchEnvironment.OwnerConnectionString(DatabaseName) + ";Pooling=false");
        await owner.OpenAsync(cancellationToken);
        var warehouses = await ReadWarehousesAsync(owner, tenantId, cancellationToken);
        await using var transaction = await owner.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(owner, $"SELECT set_config('erp.tenant_id', '{tenantId}', true)", cancellationToken, transaction);
        await using var command = new NpgsqlCommand("SELECT code, id FROM products WHERE tenant_id = @tenant AND (code LIKE 'HOT-%' OR code = @deep)", owner, transaction);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("deep", BenchCompany.DeepProductCode);
        var byCode = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) byCode[reader.GetString(0)] = reader.GetGuid(1);
        }
        return new BenchCompany(DatabaseName, shape, seed, tenantId, adminUserId, warehouses, byCode[BenchCompany.DeepProductCode],
            Enumerable.Range(0, shape.HotProducts).Select(i => byCode[BenchCompany.HotProductCode(i)]).ToList());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
