using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>
/// Raw SQL on the unit of work's own connection and transaction, for the stock hot path: several statements go to
/// PostgreSQL in one round trip (an <see cref="NpgsqlBatch"/>), with arrays for the rows (unnest), so a posting of
/// many lines costs two round trips, not one per line.
/// </summary>
internal sealed class StockSql(ErpDbContext db, ITenantStore tenants)
{
    /// <summary>
    /// The tenant the stock belongs to, after checking what every stock write needs: a caller's transaction (balances
    /// change with the ledger or not at all), a tenant (the host has no stock) that may write (not read-only).
    /// </summary>
    public async Task<Guid> RequireWritableTenantAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Stock changes run inside the caller's transaction (IUnitOfWork.InTransactionAsync).");
        }
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("Stock belongs to a tenant; the host has none.");
        if (!db.IsTenantFilterEnabled) throw new InvalidOperationException("Stock is changed inside one tenant, never with the tenant filter lifted.");
        if (await tenants.FindAsync(tenantId, cancellationToken) is { IsWritable: false })
        {
            throw new BusinessException(ErrorCodes.TenantIsReadOnly, "Stock");
        }
        return tenantId;
    }

    /// <summary>
    /// A batch on the unit of work's connection and transaction. Callers have run an EF query in this unit of work
    /// first (the checks before any write), so the session already carries the tenant for row-level security.
    /// </summary>
    public async Task<StockBatch> BatchAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        return new StockBatch(new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() });
    }

    public static NpgsqlParameter Value<T>(string name, T value) => new NpgsqlParameter<T>(name, value);

    public static NpgsqlParameter Array<T>(string name, IEnumerable<T> values, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };

    public static NpgsqlParameter Uuids(string name, IEnumerable<Guid> values) => Array(name, values, NpgsqlDbType.Uuid);
    public static NpgsqlParameter Numerics(string name, IEnumerable<decimal> values) => Array(name, values, NpgsqlDbType.Numeric);
    public static NpgsqlParameter Texts(string name, IEnumerable<string> values) => Array(name, values, NpgsqlDbType.Text);
}

/// <summary>Statements sent to PostgreSQL in one round trip, in the order added.</summary>
internal sealed class StockBatch(NpgsqlBatch batch) : IAsyncDisposable
{
    public NpgsqlBatchCommand Add(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
        return command;
    }

    public bool IsEmpty => batch.BatchCommands.Count == 0;

    public Task<NpgsqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken) => batch.ExecuteReaderAsync(cancellationToken);

    public Task ExecuteAsync(CancellationToken cancellationToken) => batch.ExecuteNonQueryAsync(cancellationToken);

    public ValueTask DisposeAsync() => batch.DisposeAsync();
}

/// <summary>The company's stock settings, read once per operation.</summary>
internal sealed record InventoryOptions(bool AllowNegativeStock, StockValuationScope ValuationScope)
{
    public static async Task<InventoryOptions> ReadAsync(ISettingStore settings, CancellationToken cancellationToken)
    {
        var all = await settings.GetAllAsync(cancellationToken);
        return new InventoryOptions(
            bool.Parse(all[InventorySettings.AllowNegativeStock]),
            Enum.Parse<StockValuationScope>(all[InventorySettings.ValuationScope]));
    }

    public Guid ValuationKeyOf(Guid warehouseId) => ValuationScope == StockValuationScope.Warehouse ? warehouseId : StockConsts.CompanyWide;
}
