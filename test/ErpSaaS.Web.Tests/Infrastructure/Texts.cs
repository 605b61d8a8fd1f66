using System.Globalization;
using ErpSaaS.Localization;

namespace ErpSaaS.Web.Tests.Infrastructure;

/// <summary>The app's own UI text, so tests assert what the user reads without copying the wording.</summary>
public static class Texts
{
    public static string T(string key, string culture = "en", params object[] arguments)
    {
        var text = ErpLocalizationResources.Find(key, CultureInfo.GetCultureInfo(culture))
                   ?? throw new InvalidOperationException($"No text for {key}");
        return arguments.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(culture), text, arguments);
    }
}
