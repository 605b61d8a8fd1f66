using System.Net;
using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Billing;

public sealed class BillingPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;
    private Guid _operator;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Starter);
        _admin = await factory.Data.Given.User(_acme, "boss", StaticRoles.Admin);
        _operator = await factory.Data.Given.Operator();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_billing_page_shows_usage_bars_and_compares_the_plans_one_can_buy()
    {
        var page = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(_acme, _admin).GetAsync("/app/billing"));

        page.QuerySelector("#usage .usage-row")!.TextContent.ShouldContain(T("Billing:Usage:Users"));
        page.QuerySelector("#usage .progress")!.GetAttribute("aria-valuenow").ShouldBe("67");
        page.QuerySelectorAll("#usage .usage-row").Select(row => row.TextContent).ShouldContain(text => text.Contains(T("Billing:Usage:SalesOrdersThisMonth")));
        page.QuerySelectorAll("#plan-comparison thead th").Skip(1).Select(th => string.Join(' ', th.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            .ShouldBe(["Starter " + T("Billing:ThisPlan"), "Standard", "Professional"]);
        page.QuerySelector("#pay-bank-transfer").ShouldNotBeNull();
        page.QuerySelector("#pay-card").ShouldBeNull();
    }

    [Fact]
    public async Task Paying_by_bank_transfer_shows_the_reference_and_a_pending_order_that_can_be_cancelled()
    {
        var client = factory.ClientFor(_acme, _admin);
        var professional = await factory.Data.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Professional))!.Id);

        var paid = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(client, "/app/billing", "/app/billing?handler=BankTransfer",
            ("Input.PlanId", professional.ToString()), ("Input.Interval", nameof(BillingInterval.Monthly))));
        var reference = paid.QuerySelector("#transfer-instructions .transfer-reference")!.TextContent;
        var pending = paid.QuerySelector("#pending-transfers")!.TextContent;
        var form = paid.QuerySelector("#pending-transfers form")!.GetAttribute("action")!;
        var cancelled = await AdminPagesFactory.PostFormAsync(client, "/app/billing", form);
        var after = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/billing"));

        reference.ShouldStartWith("ERP-");
        pending.ShouldContain(reference);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.QuerySelector("#pending-transfers").ShouldBeNull();
    }

    [Fact]
    public async Task A_read_only_company_still_opens_its_billing_page()
    {
        await factory.Data.InScopeAsync(null, async sp =>
        {
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                (await sp.GetRequiredService<ITenantRepository>().FindAsync(_acme, ct))!.ChangeStatus(TenantStatus.ReadOnly);
                return true;
            });
        });
        factory.Services.GetRequiredService<ITenantStore>().Invalidate(_acme);

        var response = await factory.ClientFor(_acme, _admin).GetAsync("/app/billing");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AdminPagesFactory.HtmlAsync(response)).QuerySelector("#read-only-notice").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_operator_marks_a_transfer_paid_and_a_wrong_field_is_named()
    {
        var professional = await factory.Data.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Professional))!.Id);
        var order = await factory.Data.AsUserAsync(_acme, _admin, sp => sp.GetRequiredService<IBillingAppService>().StartBankTransferAsync(professional, BillingInterval.Monthly));
        var client = factory.ClientFor(null, _operator);

        var refused = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(client, "/host/billing/payments", "/host/billing/payments?handler=MarkPaid",
            ("Input.OrderId", order.OrderId.ToString()), ("Input.Amount", "2499"), ("Input.PaidOn", "2026-11-02"), ("Input.BankReference", "")));
        var confirmed = await AdminPagesFactory.PostFormAsync(client, "/host/billing/payments", "/host/billing/payments?handler=MarkPaid",
            ("Input.OrderId", order.OrderId.ToString()), ("Input.Amount", "2499"), ("Input.PaidOn", "2026-11-02"), ("Input.BankReference", "ICBC-1"));

        refused.QuerySelector($"#mark-paid-{order.OrderId} [data-valmsg-for='Input.BankReference']")!.TextContent.ShouldBe(T("Error:Billing:BankReferenceRequired"));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tenant = await factory.Data.InScopeAsync(null, async sp => (await sp.GetRequiredService<ITenantRepository>().FindAsync(_acme))!);
        (tenant.Status, tenant.PlanId).ShouldBe((TenantStatus.Active, professional));
    }

    [Fact]
    public async Task The_operators_tenant_page_shows_the_subscription_and_usage()
    {
        var page = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(null, _operator).GetAsync($"/host/tenants/{_acme}"));

        page.QuerySelector("#tenant-billing")!.TextContent.ShouldContain(T("Billing:Provider:BankTransfer"));
        page.QuerySelector("#tenant-billing .usage-row")!.TextContent.ShouldContain(T("Billing:Usage:Users"));
    }

    [Fact]
    public async Task The_operator_sees_the_billing_figures_with_mrr_and_a_twelve_week_chart()
    {
        var page = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(null, _operator).GetAsync("/host/billing"));

        page.QuerySelector("#mrr")!.TextContent.ShouldStartWith("¥");
        page.QuerySelector("#conversion")!.TextContent.ShouldEndWith("%");
        page.QuerySelectorAll("#weekly-chart g").Length.ShouldBe(12);
        page.QuerySelector("[data-status='Active']")!.TextContent.Trim().ShouldNotBe("0", "the acme company of this class is active");
    }

    [Fact]
    public async Task A_company_admin_cannot_open_the_operators_payments()
    {
        var response = await factory.ClientFor(_acme, _admin).GetAsync("/host/billing/payments");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
