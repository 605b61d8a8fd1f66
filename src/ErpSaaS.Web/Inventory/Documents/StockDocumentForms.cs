namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>How the document forms handle their line rows: a few empty rows to type into, ignored when left empty.</summary>
public static class StockDocumentForms
{
    public const int BlankRows = 3;
    public const int MoreRows = 5;

    /// <summary>The rows the user filled, in order: their positions are what error messages ("Lines[2].Quantity") point at.</summary>
    public static List<T> Filled<T>(List<T> lines, Func<T, bool> isBlank) => [.. lines.Where(l => !isBlank(l))];

    /// <summary>The filled rows and some empty ones after them.</summary>
    public static List<T> WithBlankRows<T>(IEnumerable<T> lines, int blank = BlankRows) where T : new() =>
        [.. lines, .. Enumerable.Range(0, blank).Select(_ => new T())];
}
