using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace ErpSaaS.Web.Administration;

/// <summary>Links of a list page that keep the current filter and change only paging, sorting or the handler.</summary>
public static class ListLinks
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query.Remove("handler");
        foreach (var (key, value) in changes)
        {
            query.Remove(key);
            if (value is not null) query[key] = value;
        }
        return request.PathBase + request.Path + QueryString.Create(query.Where(p => !StringValues.IsNullOrEmpty(p.Value)));
    }

    public static string Page(HttpRequest request, int page) => With(request, ("Page", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Every row of the current filter as a CSV file (the page's Export handler).</summary>
    public static string Export(HttpRequest request) => Export(request, ErpSaaS.ImportExport.SpreadsheetFormat.Csv);

    /// <summary>Every row of the current filter as a CSV or Excel file (the page's Export handler).</summary>
    public static string Export(HttpRequest request, ErpSaaS.ImportExport.SpreadsheetFormat format) =>
        With(request, ("Page", null), ("handler", "Export"),
            (ErpSaaS.Web.ImportExport.ListExport.FormatParameter, format == ErpSaaS.ImportExport.SpreadsheetFormat.Xlsx ? "xlsx" : null));

    public static (string Href, bool? Descending) Sort(HttpRequest request, string key)
    {
        var current = request.Query["Sort"].ToString();
        var descending = string.Equals(request.Query["Desc"], "true", StringComparison.OrdinalIgnoreCase);
        var active = string.Equals(current, key, StringComparison.OrdinalIgnoreCase);
        var href = With(request, ("Sort", key), ("Desc", active && !descending ? "true" : null), ("Page", null));
        return (href, active ? descending : null);
    }
}

/// <summary><c>&lt;sort-link key="userName"&gt;Name&lt;/sort-link&gt;</c>: a column header that sorts the list server-side.</summary>
[HtmlTargetElement("sort-link")]
public sealed class SortLinkTagHelper : TagHelper
{
    public string Key { get; set; } = string.Empty;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (href, descending) = ListLinks.Sort(ViewContext.HttpContext.Request, Key);
        output.TagName = "a";
        output.Attributes.SetAttribute("href", href);
        output.Attributes.SetAttribute("class", "text-reset text-nowrap");
        if (descending is { } desc)
        {
            output.Attributes.SetAttribute("aria-sort", desc ? "descending" : "ascending");
            output.PostContent.SetHtmlContent(desc ? " &#9660;" : " &#9650;");
        }
    }
}

/// <summary><c>&lt;list-pager page="..." page-count="..." total="..."/&gt;</c>: Bootstrap pagination keeping the filter.</summary>
[HtmlTargetElement("list-pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ListPagerTagHelper(IStringLocalizer localizer) : TagHelper
{
    public int Page { get; set; }
    public int PageCount { get; set; }
    public int Total { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var request = ViewContext.HttpContext.Request;
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "d-flex align-items-center justify-content-between mt-3");
        output.Attributes.SetAttribute("aria-label", localizer["List:Pages"].Value);
        var html = new System.Text.StringBuilder();
        html.Append("<span class=\"text-secondary\">").Append(System.Net.WebUtility.HtmlEncode(localizer["List:Total", Total].Value)).Append("</span>");
        html.Append("<ul class=\"pagination m-0\">");
        void Item(int page, string text, bool enabled, bool active = false) =>
            html.Append("<li class=\"page-item").Append(enabled ? string.Empty : " disabled").Append(active ? " active" : string.Empty).Append("\">")
                .Append("<a class=\"page-link\" href=\"").Append(System.Net.WebUtility.HtmlEncode(ListLinks.Page(request, page))).Append("\">")
                .Append(System.Net.WebUtility.HtmlEncode(text)).Append("</a></li>");
        Item(Page - 1, localizer["List:Previous"].Value, Page > 1);
        for (var page = Math.Max(1, Page - 2); page <= Math.Min(PageCount, Page + 2); page++)
        {
            Item(page, page.ToString(CultureInfo.CurrentCulture), true, page == Page);
        }
        Item(Page + 1, localizer["List:Next"].Value, Page < PageCount);
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
