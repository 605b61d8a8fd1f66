using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Imports;

/// <summary>
/// Upload a file of one import kind (and download its template). The file is checked at once for small files, or in
/// the background for large ones; either way the next page is the job's preview.
/// </summary>
// Requests may be larger than the allowed file so that a too-large file gets a message next to the field, not a bare 413.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class UploadModel(IImportAppService imports) : ErpPageModel
{
    private const int MaxRequestBytes = 64 * 1024 * 1024;

    public ImportKindDto Kind { get; private set; } = null!;

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public async Task OnGetAsync(string kind, CancellationToken cancellationToken) =>
        Kind = await imports.GetKindAsync(kind, cancellationToken);

    public async Task<IActionResult> OnGetTemplateAsync(string kind, string? format, CancellationToken cancellationToken)
    {
        var file = await imports.GetTemplateAsync(kind, ListExport.ParseFormat(format), cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken cancellationToken)
    {
        Kind = await imports.GetKindAsync(kind, cancellationToken);
        var content = await ReadAsync(Input.File, cancellationToken);
        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await imports.UploadAsync(
                new ImportUploadInput(Kind.Name, Input.File?.FileName, content, Input.UpdateExisting), cancellationToken)))
        {
            return Page();
        }
        return Redirect($"/app/imports/{Kind.Name}/{id}");
    }

    /// <summary>The uploaded bytes; a file above the request limit never gets here (the server refuses it first).</summary>
    private static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return null;
        using var buffer = new MemoryStream((int)Math.Min(file.Length, MaxRequestBytes));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public sealed class UploadInput
    {
        public IFormFile? File { get; set; }
        public bool UpdateExisting { get; set; }
    }

    public static string FileField => ErpPageModel.FieldKey(InputPrefix, SpreadsheetReader.FileField);
}
