namespace ErpSaaS.Common;

/// <summary>Seeds data after migrations; must be safe to run again (insert what is missing, keep the rest).</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken = default);
}
