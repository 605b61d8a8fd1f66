using System.Globalization;

namespace ErpSaaS.Web.Pages.App.Inventory;

/// <summary>How stock figures read on the pages: quantities without trailing zeros, money with two decimals.</summary>
public static class StockFormat
{
    public static string Quantity(decimal quantity) => quantity.ToString("#,0.####", CultureInfo.CurrentCulture);

    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.CurrentCulture);

    public static string UnitCost(decimal cost) => cost.ToString("#,0.00####", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
