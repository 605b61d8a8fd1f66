using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an .xlsx package (SpreadsheetML) as Excel, WPS and LibreOffice write it: shared or
/// inline strings, numbers, booleans, and dates (numbers in a date format). Numbers are read as Excel shows them, to
/// 15 significant digits, so a price typed as 1.1 is not read back as 1.1000000000000001. The package is read with
/// limits (uncompressed size, rows, columns) so a crafted file cannot exhaust memory.
/// </summary>
internal static class XlsxSheetReader
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const long MaxUncompressedBytes = 256L * 1024 * 1024;
    private const int MaxColumns = 256;

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    public static IEnumerable<SpreadsheetRow> Read(byte[] content, int maxRows)
    {
        Package package;
        try
        {
            package = Package.Open(content);
        }
        catch (Exception error) when (error is InvalidDataException or XmlException or InvalidOperationException or IOException or FormatException)
        {
            throw Unreadable();
        }
        return package.Rows(maxRows);
    }

    private static BusinessException Unreadable() => BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.FileUnreadable);

    private sealed class Package
    {
        private readonly ZipArchive _zip;
        private long _budget = MaxUncompressedBytes;

        private Package(ZipArchive zip) => _zip = zip;

        private string SheetPath { get; set; } = null!;
        private IReadOnlyList<string> SharedStrings { get; set; } = [];
        private HashSet<int> DateStyles { get; set; } = [];
        private bool Uses1904Dates { get; set; }

        public static Package Open(byte[] content)
        {
            var package = new Package(new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read));
            var workbookPath = package.RelationshipTargets("_rels/.rels", string.Empty).GetValueOrDefault("officeDocument") ?? "xl/workbook.xml";
            var workbookDirectory = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : string.Empty;
            var relationships = package.RelationshipsById(workbookDirectory + "_rels/" + Path.GetFileName(workbookPath) + ".rels", workbookDirectory);
            var firstSheetId = package.FirstSheetRelationshipId(workbookPath);
            package.SheetPath = firstSheetId is not null && relationships.TryGetValue(firstSheetId, out var sheet) ? sheet.Target
                : throw new InvalidDataException("The workbook names no worksheet.");
            foreach (var (type, target) in relationships.Values)
            {
                if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) package.SharedStrings = package.ReadSharedStrings(target);
                else if (type.EndsWith("/styles", StringComparison.Ordinal)) package.DateStyles = package.ReadDateStyles(target);
            }
            return package;
        }

        public IEnumerable<SpreadsheetRow> Rows(int maxRows)
        {
            using var reader = OpenXml(SheetPath) ?? throw Unreadable();
            var nextRow = 1;
            var rowsRead = 0;
            while (true)
            {
                bool found;
                try
                {
                    found = reader.ReadToFollowing("row", MainNamespace);
                }
                catch (Exception error) when (error is XmlException or InvalidDataException)
                {
                    throw Unreadable();
                }
                if (!found) yield break;
                if (++rowsRead > maxRows + 1_000) throw BusinessException.ForField(SpreadsheetReader.FileField, ImportExportErrorCodes.TooManyRows, maxRows);
                var rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
                nextRow = rowNumber + 1;
                SpreadsheetRow row;
                try
                {
                    row = new SpreadsheetRow(rowNumber, ReadCells(reader));
                }
                catch (Exception error) when (error is XmlException or InvalidDataException or FormatException or OverflowException or ArgumentException)
                {
                    throw Unreadable();
                }
                yield return row;
            }
        }

        private List<string> ReadCells(XmlReader reader)
        {
            var cells = new List<string>();
            if (reader.IsEmptyElement) return cells;
            var depth = reader.Depth;
            var nextColumn = 0;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    var column = reader.GetAttribute("r") is { } reference ? ColumnIndex(reference) : nextColumn;
                    nextColumn = column + 1;
                    if (column >= MaxColumns) throw new FormatException("Too many columns.");
                    var type = reader.GetAttribute("t");
                    var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    var value = ReadCell(reader, type, style);
                    while (cells.Count <= column) cells.Add(string.Empty);
                    cells[column] = value;
                }
                reader.Read();
            }
            return cells;
        }

        /// <summary>Reads one &lt;c&gt; and stops on its end tag (the caller moves on).</summary>
        private string ReadCell(XmlReader reader, string? type, int style)
        {
            if (reader.IsEmptyElement) return string.Empty;
            var depth = reader.Depth;
            string? raw = null;
            var inline = new StringBuilder();
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "v":
                            raw = reader.ReadElementContentAsString();
                            continue;
                        case "t" when type == "inlineStr":
                            inline.Append(reader.ReadElementContentAsString());
                            continue;
                        case "rPh": // phonetic guides (pinyin, furigana) are not the text
                            reader.Skip();
                            continue;
                    }
                }
                reader.Read();
            }
            return type switch
            {
                "inlineStr" => inline.ToString(),
                "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < SharedStrings.Count
                    ? SharedStrings[index] : throw new FormatException("Unknown shared string."),
                "b" => raw == "1" ? "TRUE" : "FALSE",
                "str" or "e" => raw ?? string.Empty,
                "d" => raw is null ? string.Empty : DateText(DateTime.Parse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
                _ when raw is null => string.Empty,
                _ when DateStyles.Contains(style) => DateText(DateTime.FromOADate(double.Parse(raw, CultureInfo.InvariantCulture) + (Uses1904Dates ? 1462 : 0))),
                _ => NumberText(raw),
            };
        }

        private static string DateText(DateTime value) =>
            value.TimeOfDay == TimeSpan.Zero
                ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static string NumberText(string raw)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
            var shown = number.ToString("G15", CultureInfo.InvariantCulture);
            return decimal.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                ? exact.ToString(CultureInfo.InvariantCulture)
                : shown;
        }

        /// <summary>"BC12" → 54 (zero-based column of the cell reference).</summary>
        private static int ColumnIndex(string reference)
        {
            var index = 0;
            foreach (var c in reference)
            {
                if (c is < 'A' or > 'Z') break;
                index = index * 26 + (c - 'A' + 1);
                if (index > MaxColumns) throw new FormatException("Column out of range.");
            }
            return index - 1;
        }

        private List<string> ReadSharedStrings(string path)
        {
            var strings = new List<string>();
            using var reader = OpenXml(path);
            if (reader is null) return strings;
            while (reader.ReadToFollowing("si", MainNamespace))
            {
                var text = new StringBuilder();
                if (!reader.IsEmptyElement)
                {
                    var depth = reader.Depth;
                    reader.Read();
                    while (!reader.EOF && reader.Depth > depth)
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
                        {
                            reader.Skip();
                            continue;
                        }
                        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
                        {
                            text.Append(reader.ReadElementContentAsString());
                            continue;
                        }
                        reader.Read();
                    }
                }
                strings.Add(text.ToString());
            }
            return strings;
        }

        /// <summary>The cell formats (cellXfs indexes) that show numbers as dates or times.</summary>
        private HashSet<int> ReadDateStyles(string path)
        {
            using var reader = OpenXml(path);
            var dates = new HashSet<int>();
            if (reader is null) return dates;
            var customDateFormats = new HashSet<int>();
            var index = -1;
            var inCellXfs = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                                       && IsDateFormat(reader.GetAttribute("formatCode") ?? string.Empty):
                        customDateFormats.Add(id);
                        break;
                    case "cellXfs":
                        inCellXfs = !reader.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs:
                        index++;
                        var format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                        if (IsBuiltInDateFormat(format) || customDateFormats.Contains(format)) dates.Add(index);
                        break;
                }
            }
            return dates;
        }

        // 14–22 everywhere; 27–36 and 50–58 are the East Asian built-in date formats (年月日, 平成, 民國).
        private static bool IsBuiltInDateFormat(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

        /// <summary>A custom format is a date when, outside quoted text, escapes and [colour]/[$-locale] brackets, it has y, m, d, h or s.</summary>
        internal static bool IsDateFormat(string formatCode)
        {
            var inQuotes = false;
            var inBrackets = false;
            for (var i = 0; i < formatCode.Length; i++)
            {
                var c = formatCode[i];
                if (inQuotes) { inQuotes = c != '"'; continue; }
                if (inBrackets) { inBrackets = c != ']'; continue; }
                switch (char.ToLowerInvariant(c))
                {
                    case '"': inQuotes = true; break;
                    case '[': inBrackets = true; break;
                    case '\\': i++; break;
                    case ';': return false; // the positive section decided: no date part before it
                    case 'y' or 'm' or 'd' or 'h' or 's': return !formatCode.StartsWith("General", StringComparison.OrdinalIgnoreCase);
                }
            }
            return false;
        }

        private string? FirstSheetRelationshipId(string workbookPath)
        {
            using var reader = OpenXml(workbookPath) ?? throw new InvalidDataException("No workbook part.");
            string? first = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "workbookPr") Uses1904Dates = reader.GetAttribute("date1904") is "1" or "true";
                if (reader.LocalName == "sheet" && first is null) first = reader.GetAttribute("id", RelationshipNamespace);
            }
            return first;
        }

        private Dictionary<string, string> RelationshipTargets(string path, string baseDirectory) =>
            RelationshipsById(path, baseDirectory).Values
                .GroupBy(r => r.Type[(r.Type.LastIndexOf('/') + 1)..], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Target, StringComparer.Ordinal);

        private Dictionary<string, (string Type, string Target)> RelationshipsById(string path, string baseDirectory)
        {
            var relationships = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
            using var reader = OpenXml(path);
            if (reader is null) return relationships;
            while (reader.ReadToFollowing("Relationship", PackageRelationshipNamespace))
            {
                var target = reader.GetAttribute("Target") ?? string.Empty;
                var resolved = target.StartsWith('/') ? target.TrimStart('/') : baseDirectory + target;
                relationships[reader.GetAttribute("Id") ?? string.Empty] = (reader.GetAttribute("Type") ?? string.Empty, Normalize(resolved));
            }
            return relationships;
        }

        /// <summary>Resolves "xl/worksheets/../sharedStrings.xml" to "xl/sharedStrings.xml".</summary>
        private static string Normalize(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Split('/'))
            {
                if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
                else if (part is not ("." or "")) parts.Add(part);
            }
            return string.Join('/', parts);
        }

        private XmlReader? OpenXml(string path)
        {
            var entry = _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
            if (entry is null) return null;
            return XmlReader.Create(new BudgetStream(entry.Open(), this), XmlSettings);
        }

        /// <summary>Counts uncompressed bytes against the package's budget: a zip bomb ends as an unreadable file.</summary>
        private sealed class BudgetStream(Stream inner, Package package) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = inner.Read(buffer, offset, count);
                package._budget -= read;
                if (package._budget < 0) throw new InvalidDataException("The package is larger than allowed when uncompressed.");
                return read;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
