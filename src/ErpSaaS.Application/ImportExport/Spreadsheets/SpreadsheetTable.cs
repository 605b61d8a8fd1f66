namespace ErpSaaS.ImportExport.Spreadsheets;

/// <summary>One data row of an uploaded sheet: its row number as the spreadsheet shows it, and its cells as text.</summary>
public sealed record SpreadsheetRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : string.Empty;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A sheet as an import reads it: the header row (the first row with any text) and the non-blank rows below it.
/// Cells are text in invariant form whatever the format: numbers "12.5", dates "2026-11-02" (with " 08:30:00" when
/// they have a time), booleans "TRUE"/"FALSE". Import kinds parse the text, so a CSV and an .xlsx read alike.
/// </summary>
public sealed record SpreadsheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SpreadsheetRow> Rows);
