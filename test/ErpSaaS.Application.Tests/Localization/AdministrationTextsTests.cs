using System.Globalization;
using System.Text.RegularExpressions;
using ErpSaaS.Features;
using ErpSaaS.Localization;
using ErpSaaS.Numbering;
using ErpSaaS.Permissions;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Localization;

public sealed partial class AdministrationTextsTests
{
    private static readonly string[] PageFolders = ["Pages/App", "Pages/Host", "Pages/Administration", "Administration"];

    public static TheoryData<string> Cultures => new(ErpLocalizationResources.SupportedCultures);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_feature_permission_group_role_and_document_type_has_its_text(string culture)
    {
        var keys = FeatureDefinitions.All.Select(f => f.DisplayKey)
            .Concat(ErpPermissions.All.Select(p => p.DisplayKey))
            .Concat(ErpPermissions.All.Select(p => $"PermissionGroup:{p.Group}").Distinct())
            .Concat(StaticRoles.TenantRoleGrants.Keys.Append(StaticRoles.Operator).Select(r => $"Role:{r}"))
            .Concat(DocumentTypes.DefaultPatterns.Keys.Select(t => $"DocumentType:{t}"))
            .Concat(FeatureDefinitions.All.Where(f => f.Type == FeatureValueType.Number).Select(f => $"FeatureLimit:{f.Name}"));

        keys.Where(key => !ErpLocalizationResources.For(culture).ContainsKey(key)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_text_the_administration_pages_ask_for_exists(string culture)
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ErpSaaS.Web");
        var sources = PageFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(web, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal));
        var keys = sources.SelectMany(file => StaticKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(key => !key.StartsWith("Error:", StringComparison.Ordinal))
            .Distinct().ToList();

        keys.Count.ShouldBeGreaterThan(100);
        keys.Where(key => !ErpLocalizationResources.For(culture).ContainsKey(key)).ShouldBeEmpty();
    }

    [Fact]
    public void Chinese_and_English_have_the_same_keys_and_the_same_placeholders()
    {
        var english = ErpLocalizationResources.For("en");
        var chinese = ErpLocalizationResources.For("zh-Hans");

        english.Keys.Except(chinese.Keys).ShouldBeEmpty();
        chinese.Keys.Except(english.Keys).ShouldBeEmpty();
        english.Where(p => Placeholders(p.Value) != Placeholders(chinese[p.Key])).Select(p => p.Key).ShouldBeEmpty();
    }

    [Fact]
    public void The_invitation_mail_reads_in_chinese_for_chinese_tenants() =>
        ErpLocalizationResources.Find("Email:Invitation:Subject", CultureInfo.GetCultureInfo("zh-Hans")).ShouldNotBe(ErpLocalizationResources.Find("Email:Invitation:Subject", CultureInfo.GetCultureInfo("en")));

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ErpSaaS.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("ErpSaaS.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""L\["([^"{}]+)"[\],]""")]
    private static partial Regex StaticKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
