using System.Globalization;
using ErpSaaS.Localization;
using Microsoft.Extensions.Localization;

namespace ErpSaaS.Web.Localization;

/// <summary>
/// UI text from <see cref="ErpLocalizationResources"/> in the request's UI culture. A key without text shows
/// as itself (so a page never breaks) and, in Development, is logged so it gets written.
/// </summary>
public sealed class ErpStringLocalizer(ILogger<ErpStringLocalizer> logger, IHostEnvironment environment) : IStringLocalizer
{
    public LocalizedString this[string name] => Localize(name, CultureInfo.CurrentUICulture, null);

    public LocalizedString this[string name, params object[] arguments] => Localize(name, CultureInfo.CurrentUICulture, arguments);

    /// <summary>Text in a given culture, whatever the request's (e-mails go out in the recipient's language).</summary>
    public string Get(string name, string culture, params object?[] arguments) =>
        Localize(name, CultureInfo.GetCultureInfo(ErpLocalizationResources.ResolveCulture(culture)), arguments).Value;

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        ErpLocalizationResources.For(ErpLocalizationResources.ResolveCulture(CultureInfo.CurrentUICulture.Name))
            .Select(p => new LocalizedString(p.Key, p.Value));

    private LocalizedString Localize(string name, CultureInfo culture, object?[]? arguments)
    {
        var text = ErpLocalizationResources.Find(name, culture);
        if (environment.IsDevelopment()
            && !ErpLocalizationResources.For(ErpLocalizationResources.ResolveCulture(culture.Name)).ContainsKey(name))
        {
            logger.LogWarning("No {Culture} text for localization key {Key}", culture.Name, name);
        }
        return text is null
            ? new LocalizedString(name, name, resourceNotFound: true)
            : new LocalizedString(name, Format(text, culture, arguments));
    }

    private static string Format(string text, CultureInfo culture, object?[]? arguments)
    {
        if (arguments is not { Length: > 0 }) return text;
        try
        {
            return string.Format(culture, text, arguments);
        }
        catch (FormatException)
        {
            return text;
        }
    }
}

/// <summary>The typed localizer pages and services ask for: the same texts, whatever the type.</summary>
public sealed class ErpStringLocalizer<T>(ErpStringLocalizer inner) : IStringLocalizer<T>
{
    public LocalizedString this[string name] => inner[name];
    public LocalizedString this[string name, params object[] arguments] => inner[name, arguments];
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}

/// <summary>One set of texts for the whole app, so data annotations and view localizers all read it.</summary>
public sealed class ErpStringLocalizerFactory(ErpStringLocalizer localizer) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => localizer;
    public IStringLocalizer Create(string baseName, string location) => localizer;
}
