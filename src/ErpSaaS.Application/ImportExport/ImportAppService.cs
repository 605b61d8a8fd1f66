using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Localization;
using ErpSaaS.Permissions;
using Microsoft.Extensions.Options;

namespace ErpSaaS.ImportExport;

public sealed class ImportAppService(
    IPermissionChecker permissions, IFeatureChecker features, ImportKindRegistry kinds, IImportJobRepository jobs, IImportJobQueries queries,
    ImportRunner runner, IImportScheduler scheduler, IUnitOfWork unitOfWork, ICurrentUser currentUser, IOptions<ImportExportOptions> options,
    TimeProvider clock) : IImportAppService
{
    private ImportExportOptions Options => options.Value;

    public async Task<IReadOnlyList<ImportKindDto>> GetKindsAsync(CancellationToken cancellationToken = default) =>
        (await UsableKindsAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<ImportKindDto> GetKindAsync(string kind, CancellationToken cancellationToken = default) =>
        ToDto(await AuthorizeAsync(kind, cancellationToken));

    public async Task<ImportFileDto> GetTemplateAsync(string kind, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var importKind = await AuthorizeAsync(kind, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string Text(string key) => ErpLocalizationResources.Find(key, culture) ?? key;
        var headers = importKind.Columns.Select(c => ImportSheet.HeaderText(c, culture) + (c.Required ? "*" : string.Empty)).ToList();
        var example = importKind.Columns.Select(c => (object?)(c.ExampleKey is { } key ? Text(key) : c.Example)).ToList();
        var data = new SpreadsheetSheet(Text(importKind.TitleKey), headers, [example]);
        var fileName = $"{importKind.Name}-template.{(format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv")}";
        if (format == SpreadsheetFormat.Csv) return new ImportFileDto(fileName, "text/csv; charset=utf-8", CsvSheetWriter.Write(data));
        // A second sheet says what each column takes; imports read the first sheet only.
        var hints = new SpreadsheetSheet(Text("ImportExport:Template:HintsSheet"),
            [Text("ImportExport:Template:Column"), Text("ImportExport:Template:Required"), Text("ImportExport:Template:Hint")],
            importKind.Columns.Select(c => (IReadOnlyList<object?>)[ImportSheet.HeaderText(c, culture), Text(c.Required ? "ImportExport:Yes" : "ImportExport:No"),
                c.HintKey is { } hint ? Text(hint) : string.Empty]).ToList());
        return new ImportFileDto(fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxWriter.Write(data, hints));
    }

    public async Task<Guid> UploadAsync(ImportUploadInput input, CancellationToken cancellationToken = default)
    {
        var kind = await AuthorizeAsync(input.Kind, cancellationToken);
        if (input.Content is not { Length: > 0 } content) throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.FileRequired);
        if (content.Length > Options.MaxFileBytes)
        {
            throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.FileTooLarge, Math.Max(1, Options.MaxFileBytes / (1024 * 1024)));
        }
        var fileName = Path.GetFileName(input.FileName ?? string.Empty);
        var format = SpreadsheetReader.DetectFormat(fileName, content);
        var sheet = ImportSheet.Map(SpreadsheetReader.Read(format, content, Options.MaxRows), kind.Columns);
        var now = clock.GetUtcNow();
        var job = ImportJob.Upload(kind.Name, fileName, format, content, input.UpdateExisting && kind.CanUpdateExisting, sheet.Rows.Count,
            currentUser.Id, currentUser.UserName, now);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            // Uploads nobody imported are not kept past their time; each new upload clears the company's old ones.
            await jobs.DeleteExpiredAsync(now, ct);
            jobs.Add(job);
            return true;
        }, cancellationToken);
        await RunAsync(job.Id, ImportStage.Validate, sheet.Rows.Count, cancellationToken);
        return job.Id;
    }

    public async Task<ImportJobDto> GetJobAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var job = await queries.FindAsync(id, clock.GetUtcNow(), cancellationToken) ?? throw new EntityNotFoundException(nameof(ImportJob), id);
        await AuthorizeAsync(job.Kind, cancellationToken);
        return job;
    }

    public async Task<PagedResult<ImportRowDto>> GetRowsAsync(Guid id, ImportRowQuery query, CancellationToken cancellationToken = default)
    {
        var job = await GetJobAsync(id, cancellationToken);
        query.ClampForScreen();
        return await queries.GetRowsAsync(job.Id, query, cancellationToken);
    }

    public async Task<ImportDocumentDto?> GetDocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var job = await GetJobAsync(id, cancellationToken);
        return job.Status == ImportJobStatus.Committed && kinds.Get(job.Kind) is IImportKindWithDocument withDocument
            ? await withDocument.FindDocumentAsync(job.Id, cancellationToken)
            : null;
    }

    public async Task CommitAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetJobAsync(id, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var job = await jobs.FindAsync(id, ct) ?? throw new EntityNotFoundException(nameof(ImportJob), id);
            job.StartCommit(clock.GetUtcNow());
            return true;
        }, cancellationToken);
        await RunAsync(id, ImportStage.Commit, snapshot.TotalRows, cancellationToken);
    }

    public async Task<PagedResult<ImportJobDto>> GetJobsAsync(ImportJobListQuery query, CancellationToken cancellationToken = default)
    {
        var usable = await UsableKindsAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, usable.Select(k => k.Name).ToList(), clock.GetUtcNow(), cancellationToken);
    }

    private Task RunAsync(Guid jobId, ImportStage stage, int rows, CancellationToken cancellationToken) =>
        rows > Options.BackgroundThresholdRows ? scheduler.ScheduleAsync(jobId, stage, cancellationToken) : runner.RunAsync(jobId, stage, cancellationToken);

    /// <summary>The kind (404 when unknown), after checking the user's permission and the plan's feature for it.</summary>
    private async Task<IImportKind> AuthorizeAsync(string kind, CancellationToken cancellationToken)
    {
        var importKind = kinds.Get(kind);
        await permissions.CheckAsync(importKind.Permission, cancellationToken);
        await features.CheckEnabledAsync(importKind.Feature, cancellationToken);
        return importKind;
    }

    private async Task<List<IImportKind>> UsableKindsAsync(CancellationToken cancellationToken)
    {
        var usable = new List<IImportKind>();
        foreach (var kind in kinds.All)
        {
            if (await permissions.IsGrantedAsync(kind.Permission, cancellationToken) && await features.IsEnabledAsync(kind.Feature, cancellationToken)) usable.Add(kind);
        }
        return usable;
    }

    private static ImportKindDto ToDto(IImportKind kind) =>
        new(kind.Name, kind.TitleKey, kind.DescriptionKey, kind.CanUpdateExisting, kind.Columns.Select(c => c.ToDto()).ToList());
}
