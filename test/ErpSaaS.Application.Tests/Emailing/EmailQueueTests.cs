using System.Text;
using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Outbox;
using ErpSaaS.Emailing;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Emailing;

/// <summary>The application with its development mailbox in a directory of its own.</summary>
public sealed class MailboxFixture : ErpTestFixture
{
    public string MailboxDirectory { get; } = Path.Combine(Path.GetTempPath(), "erpsaas-mailbox-" + Guid.NewGuid().ToString("N")[..8]);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailboxDirectory)) Directory.Delete(MailboxDirectory, recursive: true);
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<EmailOptions>(o => o.PickupDirectory = MailboxDirectory);
}

public sealed class EmailQueueTests(MailboxFixture fixture) : IClassFixture<MailboxFixture>
{
    private DevMailbox Mailbox => fixture.Services.GetRequiredService<DevMailbox>();

    [Fact]
    public async Task A_queued_mail_is_written_to_the_mailbox_once_the_outbox_is_dispatched()
    {
        var tenant = await NewTenantAsync();
        await QueueAsync(tenant, "lily@example.test", "重置密码 Reset your password",
            "<p>Click <a href=\"http://acme.localhost:5000/account/reset?code=abc\">here</a></p>", "Open http://acme.localhost:5000/account/reset?code=abc");

        (await Mailbox.ListForTenantAsync(tenant)).ShouldBeEmpty();
        await DispatchAllDueAsync(fixture.Services);

        var mail = (await Mailbox.ListForTenantAsync(tenant)).ShouldHaveSingleItem();
        mail.To.ShouldBe("lily@example.test");
        mail.Subject.ShouldBe("重置密码 Reset your password");
        mail.Html.ShouldContain("href=\"http://acme.localhost:5000/account/reset?code=abc\"");
        mail.Text.ShouldBe("Open http://acme.localhost:5000/account/reset?code=abc");
        mail.SentAt.ShouldBe(fixture.Clock.GetUtcNow());
        mail.TenantId.ShouldBe(tenant);
        (await Mailbox.FindAsync(mail.Id)).ShouldBe(mail);

        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.MailboxDirectory, $"{mail.Id:N}.json")));
        file.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "to", "subject", "html", "text", "sentAt", "tenantId"], ignoreOrder: true);
        file.RootElement.GetProperty("tenantId").GetGuid().ShouldBe(tenant);
    }

    [Fact]
    public async Task A_rolled_back_change_sends_no_mail()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => fixture.InScopeAsync(tenant, sp =>
            sp.GetRequiredService<IUnitOfWork>().InTransactionAsync<bool>(async ct =>
            {
                await sp.GetRequiredService<IEmailQueue>().QueueAsync("lily@example.test", "Invitation", "<p>Join</p>", cancellationToken: ct);
                throw new InvalidOperationException("the invitation could not be saved");
            })));
        await DispatchAllDueAsync(fixture.Services);

        (await Mailbox.ListForTenantAsync(tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_mailbox_lists_mail_newest_first_for_the_operator_and_per_tenant()
    {
        var acme = await NewTenantAsync();
        var globex = await NewTenantAsync();
        await QueueAsync(acme, "first@acme.test", "First", "<p>1</p>");
        await DispatchAllDueAsync(fixture.Services);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await QueueAsync(globex, "second@globex.test", "Second", "<p>2</p>");
        await DispatchAllDueAsync(fixture.Services);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await QueueAsync(acme, "third@acme.test", "Third", "<p>3</p>");
        await DispatchAllDueAsync(fixture.Services);

        var all = (await Mailbox.ListAllAsync()).Where(m => m.TenantId == acme || m.TenantId == globex).Select(m => m.Subject);
        var acmeOnly = (await Mailbox.ListForTenantAsync(acme)).Select(m => m.Subject);

        all.ShouldBe(["Third", "Second", "First"]);
        acmeOnly.ShouldBe(["Third", "First"]);
    }

    [Fact]
    public async Task A_malformed_address_is_refused_when_queueing()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() =>
            fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IEmailQueue>().QueueAsync("not an address", "Hello", "<p>Hi</p>")));
    }

    [Fact]
    public async Task Without_a_pickup_directory_the_mail_is_sent_by_smtp()
    {
        var tenant = await NewTenantAsync();
        await using var smtp = new SmtpTestServer();
        await using var smtpNode = ErpTestFixture.BuildServices(ErpTestFixture.TestConfiguration(fixture.DatabaseName), fixture.Clock, services =>
            services.Configure<EmailOptions>(o =>
            {
                o.PickupDirectory = null;
                o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "noreply@erpsaas.test", EnableSsl = false };
            }));
        await QueueAsync(tenant, "lily@example.test", "邀请 Invitation", "<p>Join <b>acme</b></p>", "Join acme");

        await DispatchAllDueAsync(smtpNode);

        var received = smtp.Received.ShouldHaveSingleItem();
        received.From.ShouldBe("noreply@erpsaas.test");
        received.To.ShouldBe(["lily@example.test"]);
        received.Data.ShouldContain("multipart/alternative");
        var parts = DecodedParts(received.Data);
        parts.ShouldContain("Join acme");
        parts.ShouldContain("<p>Join <b>acme</b></p>");
        (await Mailbox.ListForTenantAsync(tenant)).ShouldBeEmpty();
    }

    private Task<Guid> NewTenantAsync() => fixture.Given.Tenant("mail-" + Guid.NewGuid().ToString("N")[..8]);

    private Task QueueAsync(Guid tenant, string to, string subject, string html, string? text = null) =>
        fixture.InScopeAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<IEmailQueue>().QueueAsync(to, subject, html, text);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

    private static Task DispatchAllDueAsync(IServiceProvider services) => services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

    // The bodies of the MIME parts, base64-decoded where the sender encoded them so.
    private static List<string> DecodedParts(string data)
    {
        var parts = new List<string>();
        foreach (var part in data.Split("\r\n--", StringSplitOptions.RemoveEmptyEntries))
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0) continue;
            var (headers, body) = (part[..split], part[(split + 4)..].Trim());
            parts.Add(headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)))
                : body);
        }
        return parts;
    }
}
