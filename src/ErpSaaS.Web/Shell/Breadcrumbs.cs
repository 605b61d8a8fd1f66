using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ErpSaaS.Web.Shell;

/// <summary>One step of the trail above a page's title; the last step (the page itself) usually has no link.</summary>
public sealed record Breadcrumb(string Text, string? Url = null);

/// <summary>
/// The trail the layout draws under the top bar, after "Home":
/// <c>@{ ViewData.SetBreadcrumbs(new(L["Menu:Group:Administration"]), new(L["Menu:Users"], "/app/identity/users"), new(user.Name)); }</c>
/// </summary>
public static class Breadcrumbs
{
    public const string ViewDataKey = "Breadcrumbs";

    public static void SetBreadcrumbs(this ViewDataDictionary viewData, params Breadcrumb[] trail) => viewData[ViewDataKey] = trail;

    public static IReadOnlyList<Breadcrumb> GetBreadcrumbs(this ViewDataDictionary viewData) =>
        viewData[ViewDataKey] as IReadOnlyList<Breadcrumb> ?? [];
}
