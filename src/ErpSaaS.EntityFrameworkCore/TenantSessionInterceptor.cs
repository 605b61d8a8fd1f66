using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// Tells PostgreSQL which tenant each connection works for, so row-level security
/// (policy <c>tenant_isolation</c> on every tenant table) returns only that tenant's rows even to a
/// query that forgot its WHERE clause. Set when a connection opens and again before any command if the
/// current tenant or the host bypass changed since.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public const string TenantSetting = "erp.tenant_id";
    public const string BypassSetting = "erp.bypass_tenant";

    // The (tenant, bypass) last sent on each open connection.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, SessionState> Applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection, eventData.Context, transaction: null);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, eventData.Context, transaction: null, cancellationToken);

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Applied.Remove(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Applied.Remove(connection);
        return Task.CompletedTask;
    }

    // A rollback also undoes set_config calls made inside the transaction: send the settings again next time.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context?.Database.GetDbConnection());

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    private static void Forget(DbConnection? connection)
    {
        if (connection is not null) Applied.Remove(connection);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnsureCurrent(command, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnsureCurrentAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnsureCurrent(command, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnsureCurrentAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnsureCurrent(command, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnsureCurrentAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    private static void EnsureCurrent(DbCommand command, DbContext? context)
    {
        if (command.Connection is { } connection && !IsCurrent(connection, context))
        {
            Apply(connection, context, command.Transaction);
        }
    }

    private static async Task EnsureCurrentAsync(DbCommand command, DbContext? context, CancellationToken cancellationToken)
    {
        if (command.Connection is { } connection && !IsCurrent(connection, context))
        {
            await ApplyAsync(connection, context, command.Transaction, cancellationToken);
        }
    }

    private static bool IsCurrent(DbConnection connection, DbContext? context) =>
        Applied.TryGetValue(connection, out var applied) && applied == Desired(context);

    private static SessionState Desired(DbContext? context) => context is ErpDbContext erp
        ? new SessionState(erp.CurrentTenantId, !erp.IsTenantFilterEnabled)
        : new SessionState(null, false);

    private static void Apply(DbConnection connection, DbContext? context, DbTransaction? transaction)
    {
        var desired = Desired(context);
        using var command = CreateCommand(connection, desired, transaction);
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(connection, desired);
    }

    private static async Task ApplyAsync(DbConnection connection, DbContext? context, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var desired = Desired(context);
        await using var command = CreateCommand(connection, desired, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Applied.AddOrUpdate(connection, desired);
    }

    private static DbCommand CreateCommand(DbConnection connection, SessionState state, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT set_config('{TenantSetting}', @tenant, false), set_config('{BypassSetting}', @bypass, false)";
        command.Parameters.Add(new NpgsqlParameter("tenant", state.TenantId?.ToString() ?? string.Empty));
        command.Parameters.Add(new NpgsqlParameter("bypass", state.Bypass ? "on" : "off"));
        return command;
    }

    private sealed record SessionState(Guid? TenantId, bool Bypass);
}
