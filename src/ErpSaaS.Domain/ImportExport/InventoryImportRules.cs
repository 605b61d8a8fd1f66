using ErpSaaS.Inventory.Documents;

namespace ErpSaaS.ImportExport;

/// <summary>The opening balance's own rules for one imported line, asked without creating a document.</summary>
public static class InventoryImportRules
{
    /// <summary>Throws what a line with these details would (the field named "Lines[0].Quantity" and so on).</summary>
    public static void CheckOpeningLine(OpeningLineDetails details, DateOnly today) => _ = new OpeningBalanceLine(Guid.Empty, 0, details, today);
}
