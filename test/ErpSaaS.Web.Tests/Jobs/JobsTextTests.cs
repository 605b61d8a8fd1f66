using ErpSaaS.Localization;
using ErpSaaS.Outbox;
using Quartz;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Jobs;

public sealed class JobsTextTests
{
    private static readonly string[] Prefixes = ["Jobs:", "Outbox:", "Mailbox:"];

    [Fact]
    public void The_operator_pages_text_exists_in_every_language()
    {
        var keysByCulture = ErpLocalizationResources.SupportedCultures.ToDictionary(
            c => c, c => ErpLocalizationResources.For(c).Keys.Where(k => Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Order().ToList());

        keysByCulture["en"].ShouldNotBeEmpty();
        foreach (var (culture, keys) in keysByCulture)
        {
            keys.ShouldBe(keysByCulture["en"], $"{culture} and en differ");
        }
    }

    [Fact]
    public void Every_trigger_and_outbox_state_has_a_label()
    {
        var english = ErpLocalizationResources.For("en");

        Enum.GetValues<TriggerState>().ShouldAllBe(s => english.ContainsKey("Jobs:State:" + s));
        Enum.GetValues<OutboxMessageState>().ShouldAllBe(s => english.ContainsKey("Outbox:State:" + s));
    }
}
