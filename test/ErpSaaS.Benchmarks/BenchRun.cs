using ErpSaaS.Benchmarks.Dataset;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.Benchmarks;

/// <summary>What every scenario works with: the generated company, the application's services and raw connections as the app role.</summary>
public sealed class BenchRun(BenchCompany company, ServiceProvider services, NpgsqlDataSource app, NpgsqlDataSource owner, TextWriter log) : IAsyncDisposable
{
    public BenchCompany Company { get; } = company;
    public ServiceProvider Services { get; } = services;

    /// <summary>Raw connections as the application role (row-level security applies), for queries and the raw baseline.</summary>
    public NpgsqlDataSource App { get; } = app;

    /// <summary>The owner, for housekeeping between measurements (VACUUM) and statistics.</summary>
    public NpgsqlDataSource Owner { get; } = owner;

    public TextWriter Log { get; } = log;

    /// <summary>An app-role connection working for the company: the tenant is set for the session, as the app's interceptor does.</summary>
    public async Task<NpgsqlConnection> OpenCompanyConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT set_config('erp.tenant_id', @tenant, false)", connection);
        command.Parameters.AddWithValue("tenant", Company.TenantId.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await App.DisposeAsync();
        await Owner.DisposeAsync();
    }
}
