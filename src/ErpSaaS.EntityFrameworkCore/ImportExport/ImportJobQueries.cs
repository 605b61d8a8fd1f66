using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.ImportExport;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.ImportExport;

internal sealed class ImportJobQueries(ErpDbContext db) : IImportJobQueries
{
    public async Task<ImportJobDto?> FindAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(WithoutFile).ToListAsync(cancellationToken)).Select(j => ToDto(j, now)).FirstOrDefault();

    public async Task<PagedResult<ImportRowDto>> GetRowsAsync(Guid jobId, ImportRowQuery query, CancellationToken cancellationToken = default)
    {
        var rows = db.ImportJobRows.AsNoTracking().Where(r => r.ImportJobId == jobId);
        if (query.ErrorsOnly) rows = rows.Where(r => r.Action == ImportRowAction.Error);
        var page = await rows.OrderBy(r => r.RowNumber).ThenBy(r => r.Id).ToPageAsync(query, r => r, cancellationToken);
        return new PagedResult<ImportRowDto>(
            page.Items.Select(r => new ImportRowDto(r.RowNumber, r.Action, r.Key, r.Label, r.Errors.Select(e => new ImportErrorDto(e.Column, e.Code, e.Args)).ToList())).ToList(),
            page.TotalCount, page.Page, page.PageSize);
    }

    public async Task<PagedResult<ImportJobDto>> GetListAsync(ImportJobListQuery query, IReadOnlyCollection<string> kinds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var jobs = db.ImportJobs.AsNoTracking().Where(j => kinds.Contains(j.Kind));
        if (!string.IsNullOrWhiteSpace(query.Kind)) jobs = jobs.Where(j => j.Kind == query.Kind);
        var page = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).ToPageAsync(query, WithoutFile, cancellationToken);
        return new PagedResult<ImportJobDto>(page.Items.Select(j => ToDto(j, now)).ToList(), page.TotalCount, page.Page, page.PageSize);
    }

    // Everything but the file itself, which a page never needs.
    private static readonly System.Linq.Expressions.Expression<Func<ImportJob, JobRow>> WithoutFile = j => new JobRow(j.Id, j.Kind, j.FileName, j.Format, j.Status, j.UpdateExisting, j.TotalRows, j.ProcessedRows,
            j.CreateCount, j.UpdateCount, j.ErrorRowCount, j.FailedRowNumber, j.FailureCode, j.FailureArgs, j.CreatedByName, j.CreatedAt, j.CompletedAt, j.ExpiresAt);

    private static ImportJobDto ToDto(JobRow j, DateTimeOffset now) =>
        new(j.Id, j.Kind, j.FileName, j.Format, j.Status, j.UpdateExisting, j.TotalRows, j.ProcessedRows, j.CreateCount, j.UpdateCount, j.ErrorRowCount,
            j.FailedRowNumber, j.FailureCode is null ? null : new ImportErrorDto(null, j.FailureCode, j.FailureArgs), j.CreatedByName, j.CreatedAt,
            j.CompletedAt, j.ExpiresAt, now >= j.ExpiresAt && j.Status != ImportJobStatus.Committed);

    private sealed record JobRow(
        Guid Id, string Kind, string FileName, SpreadsheetFormat Format, ImportJobStatus Status, bool UpdateExisting, int TotalRows, int ProcessedRows,
        int CreateCount, int UpdateCount, int ErrorRowCount, int? FailedRowNumber, string? FailureCode, string[] FailureArgs, string? CreatedByName,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset ExpiresAt);
}

internal sealed class CatalogImportQueries(ErpDbContext db) : ErpSaaS.ImportExport.Catalog.ICatalogImportQueries
{
    public async Task<IReadOnlySet<string>> GetActiveUnitCodesAsync(CancellationToken cancellationToken) =>
        (await db.UnitsOfMeasure.AsNoTracking().Where(u => u.IsActive).Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ErpSaaS.ImportExport.Catalog.CategoryReference>> GetCategoriesAsync(CancellationToken cancellationToken) =>
        await db.ProductCategories.AsNoTracking()
            .Select(c => new ErpSaaS.ImportExport.Catalog.CategoryReference(c.Id, c.Code, c.ParentId, c.IsActive)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ErpSaaS.ImportExport.Catalog.CatalogCodeReference>> GetTaxRatesAsync(CancellationToken cancellationToken) =>
        await db.TaxRates.AsNoTracking()
            .Select(t => new ErpSaaS.ImportExport.Catalog.CatalogCodeReference(t.Id, t.Code, t.IsActive, t.IsDefault)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ErpSaaS.ImportExport.Catalog.CatalogCodeReference>> GetWarehousesAsync(CancellationToken cancellationToken) =>
        await db.Warehouses.AsNoTracking()
            .Select(w => new ErpSaaS.ImportExport.Catalog.CatalogCodeReference(w.Id, w.Code, w.IsActive, w.IsDefault)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, ErpSaaS.ImportExport.Catalog.ExistingProduct>> GetProductsAsync(
        IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => codes.Contains(p.Code))
            .Select(p => new ErpSaaS.ImportExport.Catalog.ExistingProduct(p.Id, p.Code, p.BaseUnit, p.Type, p.ValuationMethod, p.IsBatchTracked, p.IsActive))
            .ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ErpSaaS.ImportExport.Catalog.BarcodeOwner>> GetBarcodeOwnersAsync(
        IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken) =>
        await db.ProductBarcodes.AsNoTracking().Where(b => barcodes.Contains(b.Code))
            .Join(db.Products.IgnoreAutoIncludes(), b => b.ProductId, p => p.Id, (b, p) => new { b.Code, p.Id, ProductCode = p.Code })
            .ToDictionaryAsync(x => x.Code, x => new ErpSaaS.ImportExport.Catalog.BarcodeOwner(x.Id, x.ProductCode), StringComparer.Ordinal, cancellationToken);
}
