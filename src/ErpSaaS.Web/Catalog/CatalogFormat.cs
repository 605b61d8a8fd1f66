using System.Globalization;
using ErpSaaS.Catalog;

namespace ErpSaaS.Web.Catalog;

/// <summary>How catalog values read on pages: categories indented by depth, numbers without trailing zeros.</summary>
public static class CategoryOptions
{
    /// <summary>"电阻" two levels down reads "　　└ RES 电阻", so a select list shows the tree.</summary>
    public static string Indented(ProductCategoryDto category) =>
        (category.Depth == 0 ? string.Empty : new string('\u3000', category.Depth - 1) + "└ ") + category.Code + " " + category.Name;
}

public static class CatalogNumbers
{
    /// <summary>A quantity, factor or price as typed (12, 0.5, 0.0035), never "12.000000".</summary>
    public static string Plain(decimal value) => value.ToString("0.######", CultureInfo.CurrentCulture);

    public static string Plain(decimal? value) => value is { } number ? Plain(number) : string.Empty;

    /// <summary>A rate kept as a fraction shown in percent: 0.13 → "13 %", 0.095 → "9.5 %".</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.CurrentCulture) + " %";
}
