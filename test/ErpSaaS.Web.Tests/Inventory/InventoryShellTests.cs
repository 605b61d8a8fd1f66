using ErpSaaS.BackgroundJobs;
using ErpSaaS.Catalog;
using ErpSaaS.Inventory;
using ErpSaaS.Localization;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Inventory;
using ErpSaaS.Web.Jobs;
using ErpSaaS.Web.Menu;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Inventory;

public sealed class InventoryShellTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public void Every_inventory_menu_entry_setting_choice_figure_kind_and_source_has_text_in_both_languages()
    {
        var menu = new MenuDefinition();
        new InventoryMenuContributor().Contribute(menu);
        var keys = menu.Items.Select(i => i.TextKey).Concat(menu.Groups.Select(g => g.TextKey)).ToList();
        foreach (var definition in SettingDefinitions.All.Where(d => d.Section is not null))
        {
            keys.Add($"Settings:Section:{definition.Section}");
            keys.Add($"Setting:{definition.Name}");
            keys.AddRange(definition.AllowedValues!.Select(value => $"Setting:{definition.Name}:{value}"));
        }
        keys.AddRange(Enum.GetNames<StockDifferenceKind>().Select(kind => $"Inventory:DifferenceKind:{kind}"));
        keys.AddRange(Enum.GetNames<ValuationMethod>().Select(method => $"Inventory:Valuation:{method}"));
        keys.AddRange(typeof(StockSourceTypes).GetFields().Select(f => $"Inventory:Source:{f.GetRawConstantValue()}"));

        keys.Where(key => !ErpLocalizationResources.For("en").ContainsKey(key) || !ErpLocalizationResources.For("zh-Hans").ContainsKey(key)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_nightly_stock_check_is_scheduled_at_half_past_two_utc_beside_the_platforms_jobs()
    {
        var configuration = ErpTestFixture.TestConfiguration(fixture.DatabaseName);
        await using var services = ErpTestFixture.BuildServices(configuration, configure: s => s.AddErpJobs(configuration).AddErpInventoryWeb(configuration));
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            await scheduler.Start();

            var trigger = (await scheduler.GetTrigger(new TriggerKey(StockVerificationNightlyJob.Name, ErpScheduler.HostGroup))).ShouldBeAssignableTo<ICronTrigger>()!;

            trigger.CronExpressionString.ShouldBe(StockVerificationNightlyJob.Schedule);
            trigger.NextFireTimeUtc.ShouldNotBeNull().UtcDateTime.TimeOfDay.ShouldBe(new TimeSpan(2, 30, 0));
            trigger.TimeZone.ShouldBe(TimeZoneInfo.Utc);
            (await scheduler.GetTrigger(new TriggerKey(OutboxDispatchJob.Name, ErpScheduler.HostGroup))).ShouldNotBeNull();
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }
}
