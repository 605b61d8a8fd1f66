using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ErpSaaS.Localization;

/// <summary>
/// UI text for every supported culture, read once from the JSON files embedded under Localization/{culture}/.
/// Each module keeps its own file (Localization/en/Identity.json, Localization/zh-Hans/Identity.json ...),
/// so modules never edit each other's text.
/// </summary>
public static class ErpLocalizationResources
{
    public const string DefaultCulture = "zh-Hans";
    public static readonly IReadOnlyList<string> SupportedCultures = ["zh-Hans", "en"];

    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Texts = new(Load);

    public static IReadOnlyDictionary<string, string> For(string culture) =>
        Texts.Value.TryGetValue(culture, out var texts) ? texts : FrozenDictionary<string, string>.Empty;

    /// <summary>Finds the text for a key in the given culture, falling back to its parents, then English.</summary>
    public static string? Find(string key, CultureInfo culture)
    {
        for (var current = culture; !string.IsNullOrEmpty(current.Name); current = current.Parent)
        {
            if (Texts.Value.TryGetValue(current.Name, out var texts) && texts.TryGetValue(key, out var text))
            {
                return text;
            }
            if (current.Name.StartsWith("zh", StringComparison.Ordinal)
                && Texts.Value["zh-Hans"].TryGetValue(key, out var chinese))
            {
                return chinese;
            }
        }
        return Texts.Value["en"].TryGetValue(key, out var english) ? english : null;
    }

    public static string ResolveCulture(string? requested) =>
        SupportedCultures.FirstOrDefault(c => string.Equals(c, requested, StringComparison.OrdinalIgnoreCase))
        ?? (requested?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "zh-Hans"
            : requested?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : DefaultCulture);

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(ErpLocalizationResources).Assembly;
        var byCulture = SupportedCultures.ToDictionary(c => c, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Localization/", StringComparison.Ordinal)))
        {
            var culture = name.Split('/')[1];
            if (!byCulture.TryGetValue(culture, out var texts))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                       ?? throw new InvalidOperationException($"Empty localization file {name}");
            foreach (var (key, text) in file)
            {
                if (!texts.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"Localization key '{key}' is defined twice for {culture} (in {name}).");
                }
            }
        }
        return byCulture.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
