using ErpSaaS.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ErpSaaS.Web.Health;

/// <summary>Healthy when the host database answers a query over the application role's connection (what requests use).</summary>
public sealed class DatabaseHealthCheck(ErpDatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The description is public (/health): name the check, never the connection string.
            return HealthCheckResult.Unhealthy("The database cannot be reached.", error);
        }
    }
}
