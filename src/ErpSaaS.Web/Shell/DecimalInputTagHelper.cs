using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ErpSaaS.Web.Shell;

/// <summary>
/// A bound decimal field shows its number as people write it: a quantity or price stored with 4 or more decimals as
/// 20 or 2.5, not 20.0000 or 2.5000; money (2 decimals) keeps its cents, 8.90. What a user typed and posted back (an
/// attempted value) is shown as typed. Runs after the framework's input tag helper, which writes the value first.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
public sealed class DecimalInputTagHelper : TagHelper
{
    private const int MoneyScale = 2;

    // After InputTagHelper (order 0 by default).
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (For.Model is not decimal number || number.Scale <= MoneyScale) return;
        if (context.AllAttributes.ContainsName("asp-format") || context.AllAttributes.ContainsName("value")) return;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null) return;
        // Invariant: number inputs need a point, and both languages the app speaks write one.
        output.Attributes.SetAttribute("value", number.ToString("0.############", CultureInfo.InvariantCulture));
    }
}
