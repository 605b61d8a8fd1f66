using System.IO.Compression;
using System.Security;
using System.Text;

namespace ErpSaaS.Application.Tests.ImportExport;

/// <summary>
/// Builds an .xlsx package the way Excel itself writes one (shared strings, a styles part with a built-in date format,
/// numbers in full double precision, a phonetic guide run), independently of the app's own writer, so reading it
/// tests the reader against Excel's habits rather than against our writer's.
/// </summary>
public static class ExcelStyleWorkbook
{
    /// <summary>A cell body exactly as Excel stored it ("&lt;v&gt;1.1000000000000001&lt;/v&gt;").</summary>
    public sealed record RawCell(string Xml);

    /// <summary>Cells: string → shared string; double → number; DateTime → date serial with style 1 (numFmtId 14).</summary>
    public static byte[] Build(params object?[][] rows)
    {
        var shared = new List<string>();
        var sheet = new StringBuilder();
        sheet.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\" spans=\"1:{rows[r].Length}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = (char)('A' + c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        var index = shared.IndexOf(text);
                        if (index < 0) { shared.Add(text); index = shared.Count - 1; }
                        sheet.Append($"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>");
                        break;
                    case double number:
                        sheet.Append($"<c r=\"{reference}\"><v>{number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    case DateTime date:
                        sheet.Append($"<c r=\"{reference}\" s=\"1\"><v>{date.ToOADate().ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    case RawCell raw:
                        sheet.Append($"<c r=\"{reference}\">{raw.Xml}</c>");
                        break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");

        var strings = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{shared.Count}\" uniqueCount=\"{shared.Count}\">");
        foreach (var text in shared)
        {
            // Excel keeps the pinyin a Chinese IME typed as a phonetic run; it is not part of the text.
            strings.Append($"<si><t>{SecurityElement.Escape(text)}</t><rPh sb=\"0\" eb=\"1\"><t>pinyin</t></rPh></si>");
        }
        strings.Append("</sst>");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
            Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"物料\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Add(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            Add(zip, "xl/sharedStrings.xml", strings.ToString());
            Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
