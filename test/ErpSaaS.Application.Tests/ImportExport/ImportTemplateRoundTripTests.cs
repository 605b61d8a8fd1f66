using System.Globalization;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Catalog;
using ErpSaaS.ImportExport.Inventory;
using ErpSaaS.ImportExport.Spreadsheets;
using ErpSaaS.Localization;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.ImportExport;

public sealed class ImportTemplateRoundTripTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    public static TheoryData<string> NewKinds =>
    [
        CustomerImportKind.KindName, SupplierImportKind.KindName, SupplierProductImportKind.KindName, PriceListImportKind.KindName,
        OpeningStockImportKind.KindName,
    ];

    [Theory]
    [MemberData(nameof(NewKinds))]
    public async Task Every_kind_has_its_title_and_each_columns_header_and_hint_in_both_languages(string kind)
    {
        var acme = await fixture.CompanyAsync("imp-texts");
        var dto = await fixture.As(acme, imports => imports.GetKindAsync(kind));

        var keys = new[] { dto.TitleKey, dto.DescriptionKey }.Concat(dto.Columns.SelectMany(c => new[] { c.HeaderKey, c.HintKey }).OfType<string>()).ToList();
        foreach (var culture in ErpLocalizationResources.SupportedCultures)
        {
            keys.Where(key => ErpLocalizationResources.Find(key, CultureInfo.GetCultureInfo(culture)) is null).ShouldBeEmpty($"texts missing in {culture}");
            dto.Columns.Select(c => ErpLocalizationResources.Find(c.HeaderKey, CultureInfo.GetCultureInfo(culture))).Distinct().Count()
                .ShouldBe(dto.Columns.Count, $"two columns share a header in {culture}");
        }
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public async Task The_xlsx_templates_of_customers_and_suppliers_uploaded_as_downloaded_preview_their_example_row_without_errors(string language)
    {
        var acme = await fixture.CompanyAsync("imp-tpl-" + language);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            foreach (var kind in new[] { CustomerImportKind.KindName, SupplierImportKind.KindName })
            {
                var template = await fixture.As(acme, imports => imports.GetTemplateAsync(kind, SpreadsheetFormat.Xlsx));
                var table = SpreadsheetReader.Read(SpreadsheetFormat.Xlsx, template.Content, 10);
                var columns = (await fixture.As(acme, imports => imports.GetKindAsync(kind))).Columns;

                table.Headers.ShouldBe(columns.Select(c => ErpLocalizationResources.Find(c.HeaderKey, CultureInfo.CurrentUICulture) + (c.Required ? "*" : "")));
                var id = await fixture.As(acme, imports => imports.UploadAsync(new ImportUploadInput(kind, template.FileName, template.Content, false)));
                var job = await fixture.JobAsync(acme, id);
                var rows = await fixture.RowsAsync(acme, id);
                rows.SelectMany(r => r.Errors).Select(e => $"{e.Column}:{e.Code}").ShouldBeEmpty();
                (job.Status, job.CreateCount).ShouldBe((ImportJobStatus.Ready, 1));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
