using System.Text.Json;
using ErpSaaS.Emailing;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Outbox;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory.Alerts;

/// <summary>The daily digest: once a day, only with alerts, to the users who hold "Inventory", each in their language.</summary>
public sealed class StockAlertDigestTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private Task<int> SendAsync(AlertCompany company) =>
        fixture.InScopeAsync(company.Tenant, sp => sp.GetRequiredService<StockAlertDigestMailer>().SendAsync());

    private Task<List<EmailMessage>> MailsAsync(AlertCompany company) =>
        fixture.InScopeAsync(company.Tenant, async sp => (await sp.GetRequiredService<ErpDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type == EmailMessage.OutboxType).Select(m => m.Payload).ToListAsync())
            .Select(payload => JsonSerializer.Deserialize<EmailMessage>(payload, OutboxJson.Options)!)
            .OrderBy(m => m.To, StringComparer.Ordinal)
            .ToList());

    private async Task<AlertCompany> CompanyWithKeeperAsync()
    {
        var company = await AlertCompany.CreateAsync(fixture);
        var keeper = await fixture.Given.User(company.Tenant, "keeper", StaticRoles.WarehouseKeeper);
        await fixture.Given.User(company.Tenant, "accountant", StaticRoles.Accountant); // no "Inventory": no digest
        await fixture.InScopeAsync(company.Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(keeper.ToString()))!;
            user.UpdateProfile("老王", "zh-Hans", "Asia/Shanghai");
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        });
        return company;
    }

    [Fact]
    public async Task The_digest_goes_once_a_day_to_inventory_users_in_their_language_and_only_when_there_are_alerts()
    {
        var acme = await CompanyWithKeeperAsync();
        var start = fixture.Clock.GetUtcNow();
        try
        {
            (await SendAsync(acme)).ShouldBe(0);
            await acme.AddProductAsync("BOLT", safetyStock: 100m);
            await acme.AddProductAsync("NUT", safetyStock: 10m, reorderPoint: 5m);

            (await SendAsync(acme)).ShouldBe(2);
            (await SendAsync(acme)).ShouldBe(0);

            var mails = await MailsAsync(acme);
            mails.Select(m => m.To.Split('@')[0]).ShouldBe(["admin", "keeper"]); // not the accountant, who has no "Inventory"
            var (english, chinese) = (mails[0], mails[1]);
            english.Subject.ShouldEndWith("3 stock alerts on 2026-11-02");
            var englishText = english.TextBody!;
            englishText.ShouldContain("Below safety stock: 2");
            englishText.ShouldContain("At or below reorder point: 1");
            englishText.ShouldContain("BOLT BOLT name · 0 PCS / 100");
            englishText.ShouldContain("/app/inventory/alerts");
            chinese.Subject.ShouldEndWith("2026-11-02 有 3 条库存预警");
            var chineseText = chinese.TextBody!;
            chineseText.ShouldContain("低于安全库存: 2");
            chineseText.ShouldContain("老王，您好：");

            fixture.Clock.Set(start.AddDays(1));
            (await SendAsync(acme)).ShouldBe(2);
            (await SendAsync(acme)).ShouldBe(0);
            (await MailsAsync(acme)).Count.ShouldBe(4);
            (await MailsAsync(acme)).ShouldContain(m => m.Subject.EndsWith("3 stock alerts on 2026-11-03", StringComparison.Ordinal));
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    [Fact]
    public async Task Each_company_gets_a_digest_of_its_own_alerts_only()
    {
        var acme = await CompanyWithKeeperAsync();
        await acme.AddProductAsync("ACME-SECRET", safetyStock: 1m);
        var globex = await AlertCompany.CreateAsync(fixture);

        (await SendAsync(globex)).ShouldBe(0);
        (await MailsAsync(globex)).ShouldBeEmpty();

        await globex.AddProductAsync("GLOBEX-1", safetyStock: 1m);
        (await SendAsync(globex)).ShouldBe(1);
        (await SendAsync(acme)).ShouldBe(2);

        var globexMail = (await MailsAsync(globex)).ShouldHaveSingleItem();
        var globexText = globexMail.TextBody!;
        globexText.ShouldContain("GLOBEX-1");
        globexText.ShouldNotContain("ACME-SECRET");
        (await MailsAsync(acme)).ShouldAllBe(m => !m.TextBody!.Contains("GLOBEX-1"));
    }
}
