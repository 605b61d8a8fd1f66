using ErpSaaS.ImportExport;
using Microsoft.Extensions.Localization;

namespace ErpSaaS.Web.Pages.App.Imports;

/// <summary>How the import pages word a kind's columns and a stored error (code and arguments) in the reader's language.</summary>
public static class ImportTexts
{
    public static string Error(IStringLocalizer localizer, ImportErrorDto error) =>
        localizer["Error:" + error.Code, [.. error.Args]].Value;

    public static string Column(IStringLocalizer localizer, ImportKindDto kind, string? columnKey) =>
        kind.Columns.FirstOrDefault(c => c.Key == columnKey) is { } column ? localizer[column.HeaderKey].Value : string.Empty;
}
