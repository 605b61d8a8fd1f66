using ErpSaaS.Common;

namespace ErpSaaS.ImportExport;

/// <summary>Read side of the current tenant's import jobs and their preview rows (projections, paging in SQL).</summary>
public interface IImportJobQueries
{
    Task<ImportJobDto?> FindAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<PagedResult<ImportRowDto>> GetRowsAsync(Guid jobId, ImportRowQuery query, CancellationToken cancellationToken = default);

    /// <summary>Jobs of the given kinds, newest first.</summary>
    Task<PagedResult<ImportJobDto>> GetListAsync(ImportJobListQuery query, IReadOnlyCollection<string> kinds, DateTimeOffset now, CancellationToken cancellationToken = default);
}
