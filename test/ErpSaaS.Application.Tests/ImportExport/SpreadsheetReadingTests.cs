using System.Text;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Spreadsheets;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.ImportExport;

public sealed class SpreadsheetReadingTests
{
    private const string ChineseCsv = "物料编码,物料名称,基本单位,单位换算\r\nSKU-1,蓝牙耳机,PCS,\"BOX=12;PACK=6\"\r\n\r\nSKU-2,\"充电线, 1米\",PCS,\r\n";

    static SpreadsheetReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static SpreadsheetTable Read(SpreadsheetFormat format, byte[] content) => SpreadsheetReader.Read(format, content, 100);

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public void A_csv_saved_by_excel_reads_the_same_in_utf8_with_or_without_bom_and_in_gb18030(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(ChineseCsv),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ChineseCsv)],
            _ => Encoding.GetEncoding(54936).GetBytes(ChineseCsv),
        };

        var table = Read(SpreadsheetReader.DetectFormat("物料.csv", bytes), bytes);

        table.Headers.ShouldBe(["物料编码", "物料名称", "基本单位", "单位换算"]);
        table.Rows.Select(r => r.RowNumber).ShouldBe([2, 4]); // the blank line 3 counts, as in Excel
        table.Rows[0].Cells.ShouldBe(["SKU-1", "蓝牙耳机", "PCS", "BOX=12;PACK=6"]);
        table.Rows[1].Cell(1).ShouldBe("充电线, 1米");
    }

    [Fact]
    public void A_semicolon_separated_csv_is_read_by_its_separator()
    {
        var table = Read(SpreadsheetFormat.Csv, Encoding.UTF8.GetBytes("code;name\nA-1;Widget\n"));

        table.Rows.Single().Cells.ShouldBe(["A-1", "Widget"]);
    }

    [Fact]
    public void An_excel_workbook_reads_shared_strings_numbers_as_shown_and_dates_without_phonetic_guides()
    {
        var bytes = ExcelStyleWorkbook.Build(
            ["物料编码", "物料名称", "销售价", "条码", "生效日期"],
            ["SKU-1", "蓝牙耳机", new ExcelStyleWorkbook.RawCell("<v>1.1000000000000001</v>"), 6901234567892d, new DateTime(2026, 11, 2)],
            [null, null, null, null, null],
            ["SKU-2", "充电线", 0.30000000000000004, new ExcelStyleWorkbook.RawCell("<v>6.9012345678920E+12</v>"), null]);

        var table = Read(SpreadsheetReader.DetectFormat("products.xlsx", bytes), bytes);

        table.Headers.ShouldBe(["物料编码", "物料名称", "销售价", "条码", "生效日期"]);
        table.Rows.Select(r => r.RowNumber).ShouldBe([2, 4]);
        table.Rows[0].Cells.ShouldBe(["SKU-1", "蓝牙耳机", "1.1", "6901234567892", "2026-11-02"]);
        table.Rows[1].Cells.Take(4).ShouldBe(["SKU-2", "充电线", "0.3", "6901234567892"]);
    }

    [Fact]
    public void What_the_app_exports_as_xlsx_reads_back_cell_for_cell()
    {
        var sheet = new SpreadsheetSheet("Warehouses", ["Code", "Name", "Count", "Opened", "Active"],
            [["WH01", "主仓库", 12.5m, new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero), true], ["=HYPERLINK(\"x\")", " spaced ", -5, null, false]]);

        var table = Read(SpreadsheetFormat.Xlsx, XlsxWriter.Write(sheet));

        table.Headers.ShouldBe(["Code", "Name", "Count", "Opened", "Active"]);
        table.Rows[0].Cells.ShouldBe(["WH01", "主仓库", "12.5", "2026-11-02 08:30:00", "TRUE"]);
        table.Rows[1].Cells.ShouldBe(["=HYPERLINK(\"x\")", " spaced ", "-5", "", "FALSE"]);
    }

    [Theory]
    [InlineData("products.xls", "PK\u0003\u0004", ImportExportErrorCodes.FileTypeNotSupported)]
    [InlineData("products.xlsx", "not a zip", ImportExportErrorCodes.FileUnreadable)]
    [InlineData("products.xlsx", "PK\u0003\u0004 broken", ImportExportErrorCodes.FileUnreadable)]
    [InlineData("products.csv", "code,name\r\n\r\n", ImportExportErrorCodes.FileEmpty)]
    public void A_file_that_cannot_be_imported_says_why_next_to_the_file_field(string fileName, string content, string expected)
    {
        var bytes = Encoding.Latin1.GetBytes(content);

        var error = Should.Throw<BusinessException>(() => Read(SpreadsheetReader.DetectFormat(fileName, bytes), bytes));

        (error.Field, error.Code).ShouldBe((SpreadsheetReader.FileField, expected));
    }

    [Fact]
    public void More_rows_than_allowed_are_refused_before_the_rest_is_read()
    {
        var csv = "code,name\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"A-{i},Item {i}\n"));

        var error = Should.Throw<BusinessException>(() => SpreadsheetReader.Read(SpreadsheetFormat.Csv, Encoding.UTF8.GetBytes(csv), 10));

        (error.Code, error.Args[0]).ShouldBe((ImportExportErrorCodes.TooManyRows, (object?)10));
    }

    [Fact]
    public void Headers_match_by_canonical_key_or_by_their_text_in_either_language_and_a_missing_required_one_is_named()
    {
        ImportColumn[] columns = [new("code", "ImportExport:Products:Code", Required: true), new("base_unit", "ImportExport:Products:BaseUnit", Required: true)];
        var table = new SpreadsheetTable(["Code*", "备注", "基本单位"], [new SpreadsheetRow(2, ["A-1", "x", "PCS"])]);

        var sheet = ImportSheet.Map(table, columns);
        var missing = Should.Throw<BusinessException>(() => ImportSheet.Map(new SpreadsheetTable(["base_unit"], table.Rows), columns));

        sheet.Cell(table.Rows[0], "code").ShouldBe("A-1");
        sheet.Cell(table.Rows[0], "base_unit").ShouldBe("PCS");
        sheet.IgnoredHeaders.ShouldBe(["备注"]);
        (missing.Field, missing.Code).ShouldBe((SpreadsheetReader.FileField, ImportExportErrorCodes.ColumnMissing));
    }
}
