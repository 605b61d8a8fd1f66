using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ErpSaaS.Web.Validation;

/// <summary>
/// Shows a field error on a list's search box, a plain <c>&lt;input name="Search"&gt;</c> (list filters are written
/// without asp-for): the input marked invalid and the message right after it, like the validation message of a bound field.
/// </summary>
[HtmlTargetElement("input", Attributes = "[name=" + SearchField + "]")]
public sealed class SearchFieldErrorTagHelper(HtmlEncoder encoder) : TagHelper
{
    public const string SearchField = "Search";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.AllAttributes.ContainsName("asp-for")) return;
        const string name = SearchField;
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0) return;
        output.AddClass("is-invalid", encoder);
        output.PostElement.AppendHtml($"<div class=\"invalid-feedback d-block\" data-valmsg-for=\"{encoder.Encode(name)}\">{encoder.Encode(entry.Errors[0].ErrorMessage)}</div>");
    }
}
