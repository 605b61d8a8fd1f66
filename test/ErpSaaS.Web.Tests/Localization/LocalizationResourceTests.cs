using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Localization;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Identity;
using ErpSaaS.Web.Localization;
using ErpSaaS.Web.Menu;
using Microsoft.AspNetCore.Identity;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Localization;

public sealed partial class LocalizationResourceTests
{
    private static readonly IReadOnlyDictionary<string, string> English = ErpLocalizationResources.For("en");
    private static readonly IReadOnlyDictionary<string, string> Chinese = ErpLocalizationResources.For("zh-Hans");

    private static void ShouldHaveText(string key)
    {
        English.ContainsKey(key).ShouldBeTrue($"no English text for {key}");
        Chinese.ContainsKey(key).ShouldBeTrue($"no Chinese text for {key}");
    }

    [Fact]
    public void Every_text_exists_in_both_languages_and_none_is_empty()
    {
        English.Keys.Except(Chinese.Keys).ShouldBeEmpty("keys with English text only");
        Chinese.Keys.Except(English.Keys).ShouldBeEmpty("keys with Chinese text only");
        English.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ShouldBeEmpty();
        Chinese.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ShouldBeEmpty();
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders_in_each_text()
    {
        var mismatched = English.Keys.Intersect(Chinese.Keys)
            .Where(key => !Placeholders(English[key]).SetEquals(Placeholders(Chinese[key])))
            .ToList();

        mismatched.ShouldBeEmpty();
    }

    [Fact]
    public void The_chinese_texts_are_chinese()
    {
        // Names of products and brands may stay Latin, and a language is named in itself (an endonym) in every
        // UI so a reader can find their own; everything else is translated, not copied.
        var untranslated = Chinese.Where(p => p.Value == English[p.Key] && !p.Value.All(c => c < 128 && !char.IsLower(c))
                                              && p.Key != "Shell:AppName" && !p.Key.StartsWith("Settings:Language:", StringComparison.Ordinal))
            .Select(p => p.Key).ToList();

        untranslated.ShouldBeEmpty();
    }

    [Fact]
    public void Every_error_code_has_a_message()
    {
        // ErrorCodes and each module's *ErrorCodes class in the same namespace.
        var codes = typeof(ErrorCodes).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ErrorCodes).Namespace && t.Name.EndsWith(nameof(ErrorCodes), StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        codes.ShouldNotBeEmpty();
        foreach (var code in codes) ShouldHaveText("Error:" + code);
    }

    [Fact]
    public void Every_identity_error_is_translated_by_the_describer()
    {
        var describerMethods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError))
            .ToList();

        describerMethods.ShouldNotBeEmpty();
        foreach (var method in describerMethods)
        {
            var overridden = typeof(ErpIdentityErrorDescriber).GetMethod(method.Name, [.. method.GetParameters().Select(p => p.ParameterType)])!;
            overridden.DeclaringType.ShouldBe(typeof(ErpIdentityErrorDescriber), $"{method.Name} is not translated");
            ShouldHaveText("IdentityError:" + method.Name);
        }
    }

    [Fact]
    public void Every_feature_tenant_status_time_zone_and_menu_entry_has_a_name()
    {
        foreach (var feature in FeatureDefinitions.All) ShouldHaveText(feature.DisplayKey);
        foreach (var status in Enum.GetNames<TenantStatus>()) ShouldHaveText("TenantStatus:" + status);
        foreach (var zone in SettingDefinitions.TimeZones) ShouldHaveText("TimeZone:" + zone);
        var menu = new MenuDefinition();
        new FoundationMenuContributor().Contribute(menu);
        foreach (var key in menu.Items.Select(i => i.TextKey).Concat(menu.Groups.Select(g => g.TextKey))) ShouldHaveText(key);
    }

    [Fact]
    public void Every_validation_attribute_message_has_a_text()
    {
        ValidationAttribute[] attributes =
        [
            new RequiredAttribute(), new StringLengthAttribute(10), new StringLengthAttribute(10) { MinimumLength = 2 }, new MaxLengthAttribute(3),
            new MinLengthAttribute(1), new RangeAttribute(1, 2), new EmailAddressAttribute(), new CompareAttribute("Other"),
            new RegularExpressionAttribute("x"), new PhoneAttribute(), new UrlAttribute(),
        ];

        foreach (var attribute in attributes)
        {
            var key = LocalizedValidationMetadataProvider.KeyFor(attribute);
            key.ShouldNotBeNull(attribute.GetType().Name);
            ShouldHaveText(key);
        }
    }

    [Fact]
    public void Every_text_key_written_literally_in_the_web_project_exists()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ErpSaaS.Web");
        var used = Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Where(key => !key.EndsWith(':'))
            .Distinct()
            .ToList();

        used.Count.ShouldBeGreaterThan(50);
        used.Where(key => !English.ContainsKey(key) || !Chinese.ContainsKey(key)).ShouldBeEmpty();
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    // L["Key"], localizer["Key"], Flash("Key"), [Display(Name = "Key")], Text("Key") and menu text keys: "Module:Name".
    [GeneratedRegex("""(?:\[|Flash\(|Name = |MenuItem\(|MenuGroup\([^,]+, )"(?<key>[A-Z][A-Za-z]+:[A-Za-z0-9:.]+)""")]
    private static partial Regex LiteralKey();
}
