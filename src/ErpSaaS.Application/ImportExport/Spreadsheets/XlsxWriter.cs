using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>
/// Writes sheets as an .xlsx package (SpreadsheetML, the parts Excel needs and nothing else): the header row bold,
/// frozen and filterable, columns as wide as their longest text (Chinese characters count double), numbers as numbers,
/// dates as dates in a yyyy-mm-dd format. Text is written as text, never as a formula; text that a user could turn
/// into one by editing the cell (starting with =, +, -, @) carries Excel's quote prefix, so it stays text.
/// </summary>
public static class XlsxWriter
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int MaxCellText = 32_767;
    private const double MaxColumnWidth = 60;

    // Indexes into styles.xml's cellXfs.
    private const int HeaderStyle = 1;
    private const int DateTimeStyle = 2;
    private const int DateStyle = 3;
    private const int GuardedTextStyle = 4;

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static byte[] Write(params IReadOnlyList<SpreadsheetSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        var names = UniqueSheetNames(sheets);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WritePart(zip, "[Content_Types].xml", xml => ContentTypes(xml, sheets.Count));
            WritePart(zip, "_rels/.rels", xml => Relationships(xml, [("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]));
            WritePart(zip, "xl/workbook.xml", xml => Workbook(xml, sheets, names));
            WritePart(zip, "xl/_rels/workbook.xml.rels", xml => Relationships(xml,
                [.. sheets.Select((_, i) => ($"rId{i + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i + 1}.xml")),
                 ($"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")]));
            WritePart(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                WritePart(zip, $"xl/worksheets/sheet{i + 1}.xml", xml => Worksheet(xml, sheet));
            }
        }
        return buffer.ToArray();
    }

    private static void WritePart(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter xml, int sheetCount)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", ns);
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= sheetCount; i++) Override($"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        xml.WriteEndElement();

        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        void Override(string part, string type)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void Relationships(XmlWriter xml, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        xml.WriteStartElement("Relationships", PackageRelationshipNamespace);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", PackageRelationshipNamespace);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Workbook(XmlWriter xml, IReadOnlyList<SpreadsheetSheet> sheets, IReadOnlyList<string> names)
    {
        xml.WriteStartElement("workbook", MainNamespace);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipNamespace);
        xml.WriteStartElement("bookViews", MainNamespace);
        xml.WriteStartElement("workbookView", MainNamespace);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheets", MainNamespace);
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("sheet", MainNamespace);
            xml.WriteAttributeString("name", names[i]);
            xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("id", RelationshipNamespace, $"rId{i + 1}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        // Excel keeps an autofilter's range in this hidden name; without it some versions "repair" the file.
        xml.WriteStartElement("definedNames", MainNamespace);
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("definedName", MainNamespace);
            xml.WriteAttributeString("name", "_xlnm._FilterDatabase");
            xml.WriteAttributeString("localSheetId", i.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("hidden", "1");
            xml.WriteString($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!{FilterRange(sheets[i], absolute: true)}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", MainNamespace);
        xml.WriteStartElement("numFmts", MainNamespace);
        xml.WriteAttributeString("count", "2");
        NumberFormat(164, "yyyy-mm-dd hh:mm:ss");
        NumberFormat(165, "yyyy-mm-dd");
        xml.WriteEndElement();
        xml.WriteStartElement("fonts", MainNamespace);
        xml.WriteAttributeString("count", "2");
        Font(bold: false);
        Font(bold: true);
        xml.WriteEndElement();
        xml.WriteRaw("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                     + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                     + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        xml.WriteStartElement("cellXfs", MainNamespace);
        xml.WriteAttributeString("count", "5");
        CellFormat(0, 0);
        CellFormat(0, 1);
        CellFormat(164, 0);
        CellFormat(165, 0);
        CellFormat(0, 0, quotePrefix: true);
        xml.WriteEndElement();
        xml.WriteRaw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        xml.WriteEndElement();

        void NumberFormat(int id, string code)
        {
            xml.WriteStartElement("numFmt", MainNamespace);
            xml.WriteAttributeString("numFmtId", id.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("formatCode", code);
            xml.WriteEndElement();
        }

        void Font(bool bold)
        {
            xml.WriteStartElement("font", MainNamespace);
            if (bold) xml.WriteElementString("b", MainNamespace, string.Empty);
            xml.WriteStartElement("sz", MainNamespace);
            xml.WriteAttributeString("val", "11");
            xml.WriteEndElement();
            xml.WriteStartElement("name", MainNamespace);
            xml.WriteAttributeString("val", "Calibri");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        void CellFormat(int numberFormat, int font, bool quotePrefix = false)
        {
            xml.WriteStartElement("xf", MainNamespace);
            xml.WriteAttributeString("numFmtId", numberFormat.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("fontId", font.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("fillId", "0");
            xml.WriteAttributeString("borderId", "0");
            xml.WriteAttributeString("xfId", "0");
            if (numberFormat != 0) xml.WriteAttributeString("applyNumberFormat", "1");
            if (font != 0) xml.WriteAttributeString("applyFont", "1");
            if (quotePrefix) xml.WriteAttributeString("quotePrefix", "1");
            xml.WriteEndElement();
        }
    }

    private static void Worksheet(XmlWriter xml, SpreadsheetSheet sheet)
    {
        var columnCount = Math.Max(1, Math.Max(sheet.Headers.Count, sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count)));
        xml.WriteStartElement("worksheet", MainNamespace);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipNamespace);
        xml.WriteStartElement("dimension", MainNamespace);
        xml.WriteAttributeString("ref", FilterRange(sheet, absolute: false));
        xml.WriteEndElement();
        xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                     + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
        xml.WriteStartElement("cols", MainNamespace);
        for (var column = 0; column < columnCount; column++)
        {
            var width = Math.Min(MaxColumnWidth, 2 + Math.Max(DisplayWidth(column < sheet.Headers.Count ? sheet.Headers[column] : string.Empty),
                sheet.Rows.Select(r => column < r.Count ? DisplayWidth(r[column]) : 0).DefaultIfEmpty(0).Max()));
            xml.WriteStartElement("col", MainNamespace);
            xml.WriteAttributeString("min", (column + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("max", (column + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("width", width.ToString("0.##", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", MainNamespace);
        WriteRow(xml, 1, sheet.Headers.Cast<object?>().ToList(), header: true);
        for (var i = 0; i < sheet.Rows.Count; i++) WriteRow(xml, i + 2, sheet.Rows[i], header: false);
        xml.WriteEndElement();
        xml.WriteStartElement("autoFilter", MainNamespace);
        xml.WriteAttributeString("ref", FilterRange(sheet, absolute: false));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, int rowNumber, IReadOnlyList<object?> cells, bool header)
    {
        xml.WriteStartElement("row", MainNamespace);
        xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
        for (var column = 0; column < cells.Count; column++)
        {
            var value = cells[column];
            if (value is null || value is string { Length: 0 }) continue;
            xml.WriteStartElement("c", MainNamespace);
            xml.WriteAttributeString("r", ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture));
            switch (value)
            {
                case var number when SpreadsheetCells.IsNumber(number) && !header:
                    xml.WriteElementString("v", MainNamespace, SpreadsheetCells.NumberText(number));
                    break;
                case DateTimeOffset time when !header:
                    DateCell(time.UtcDateTime, DateTimeStyle);
                    break;
                case DateTime time when !header:
                    DateCell(time, time.TimeOfDay == TimeSpan.Zero ? DateStyle : DateTimeStyle);
                    break;
                case DateOnly date when !header:
                    DateCell(date.ToDateTime(TimeOnly.MinValue), DateStyle);
                    break;
                case bool flag when !header:
                    xml.WriteAttributeString("t", "b");
                    xml.WriteElementString("v", MainNamespace, flag ? "1" : "0");
                    break;
                default:
                    var text = CleanText(SpreadsheetCells.Text(value));
                    if (header) xml.WriteAttributeString("s", HeaderStyle.ToString(CultureInfo.InvariantCulture));
                    else if (SpreadsheetCells.LooksLikeFormula(text)) xml.WriteAttributeString("s", GuardedTextStyle.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", MainNamespace);
                    xml.WriteStartElement("t", MainNamespace);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(text);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        void DateCell(DateTime time, int style)
        {
            xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("v", MainNamespace, time.ToOADate().ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Characters XML cannot hold are dropped; Excel keeps at most 32,767 per cell.</summary>
    private static string CleanText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar) && text.Length <= MaxCellText) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length && clean.Length < MaxCellText; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) clean.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) clean.Append(text[i]).Append(text[++i]);
        }
        return clean.ToString();
    }

    private static double DisplayWidth(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateTimeOffset or DateTime => "yyyy-mm-dd hh:mm:ss",
            DateOnly => "yyyy-mm-dd",
            _ when SpreadsheetCells.IsNumber(value) => SpreadsheetCells.NumberText(value),
            _ => SpreadsheetCells.Text(value),
        };
        var longestLine = text.Split('\n').Max(line => line.Sum(c => c >= 0x1100 ? 2 : 1));
        return longestLine * 1.1;
    }

    private static string FilterRange(SpreadsheetSheet sheet, bool absolute)
    {
        var lastColumn = ColumnName(Math.Max(1, Math.Max(sheet.Headers.Count, sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count))) - 1);
        var lastRow = (sheet.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);
        return absolute ? $"$A$1:${lastColumn}${lastRow}" : $"A1:{lastColumn}{lastRow}";
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    private static List<string> UniqueSheetNames(IReadOnlyList<SpreadsheetSheet> sheets)
    {
        var names = new List<string>();
        foreach (var sheet in sheets)
        {
            var name = new string(sheet.Name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim('\'').Trim();
            if (name.Length == 0) name = "Sheet" + (names.Count + 1).ToString(CultureInfo.InvariantCulture);
            if (name.Length > 31) name = name[..31];
            var unique = name;
            for (var n = 2; names.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
            {
                var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
                unique = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
            }
            names.Add(unique);
        }
        return names;
    }
}
