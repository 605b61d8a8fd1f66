using ErpSaaS.Settings;

namespace ErpSaaS.Sales;

/// <summary>The company's sales settings (tenant settings with defaults).</summary>
public static class SalesSettings
{
    /// <summary>The highest line discount (%) a salesperson may give; an order above it goes to discount approval.</summary>
    public const string DiscountLimitPercent = "Sales.DiscountLimitPercent";

    /// <summary>
    /// What a short order raises for the buyers: nothing, a "raise purchase requisition" button on the order
    /// (Suggestion), or a draft requisition at once (Automatic), one per short order line.
    /// </summary>
    public const string ShortageAction = "Sales.ShortageAction";

    /// <summary>
    /// Whether an order short on stock may be confirmed with a back order (Allowed, the default): every line reserves
    /// what is available and the rest waits for stock; NotAllowed keeps confirmation all or nothing.
    /// </summary>
    public const string BackOrders = "Sales.BackOrders";

    public const string BackOrdersAllowed = "Allowed";
    public const string BackOrdersNotAllowed = "NotAllowed";

    public const string Section = "Sales";

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(DiscountLimitPercent, "10", ["0", "5", "10", "15", "20", "30", "50", "100"], Section),
        new(ShortageAction, nameof(Sales.ShortageAction.Suggestion), [nameof(Sales.ShortageAction.None), nameof(Sales.ShortageAction.Suggestion), nameof(Sales.ShortageAction.Automatic)], Section),
        new(BackOrders, BackOrdersAllowed, [BackOrdersAllowed, BackOrdersNotAllowed], Section),
    ];
}
