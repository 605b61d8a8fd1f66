using Npgsql;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// Where the host database is and who connects: the application role (not the table owner, so row-level
/// security applies) for the app, the owner role for migrations.
/// </summary>
public sealed class ErpDatabaseOptions
{
    public required string ConnectionString { get; init; }
    public required string MigrationConnectionString { get; init; }

    public string AppRole => new NpgsqlConnectionStringBuilder(ConnectionString).Username
                             ?? throw new InvalidOperationException("The application connection string names no user.");

    /// <summary>The same database as <paramref name="appConnectionString"/>, reached with the owner's credentials.</summary>
    public string AsOwner(string appConnectionString)
    {
        var owner = new NpgsqlConnectionStringBuilder(MigrationConnectionString);
        return new NpgsqlConnectionStringBuilder(appConnectionString) { Username = owner.Username, Password = owner.Password }.ConnectionString;
    }
}
