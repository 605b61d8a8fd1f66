using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Approvals;
using ErpSaaS.Features;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Approvals;

/// <summary>The inbox with its badge, deciding from it, the flows page, delegation, the API, and other companies' requests.</summary>
public sealed class ApprovalPagesTests(ApprovalsWebFixture fixture) : IClassFixture<ApprovalsWebFixture>
{
    private async Task<ErpBrowser> SignedInAsync(string slug, string userName, string language = "en")
    {
        var browser = fixture.Web.TenantBrowser(slug, language);
        await browser.SignInAsync(userName, Given.Password);
        return browser;
    }

    [Fact]
    public async Task An_approver_sees_the_count_in_the_top_bar_and_approves_from_the_inbox()
    {
        var (slug, tenant) = await fixture.CompanyAsync();
        var order = await fixture.SubmitAsync(tenant, "PO-1001");
        using var accountant = await SignedInAsync(slug, "accountant");

        var inbox = await accountant.GetAsync("/app/approvals");

        inbox.StatusCode.ShouldBe(HttpStatusCode.OK);
        inbox.Document.QuerySelector("#approvals-badge .badge")!.TextContent.Trim().ShouldBe("1");
        var row = inbox.Document.QuerySelector("#approvals tbody tr[data-request]")!;
        row.TextContent.ShouldContain("PO-1001");
        row.TextContent.ShouldContain("Finance check");
        row.TextContent.ShouldContain(T("ApprovalDocumentType:PurchaseOrder"));

        var approved = await accountant.SubmitAsync(inbox, "#approvals form", new Dictionary<string, string?> { ["comment"] = "Looks right" },
            submitSelector: "button[formaction*='Approve']");

        approved.Alerts.ShouldContain(T("Approvals:Approved"));
        approved.Document.QuerySelector("#approvals-badge .badge").ShouldBeNull();
        approved.Text.ShouldContain(T("Approvals:NothingPending"));
        fixture.Outcomes.ShouldContain((order, true, "Looks right"));
        var decided = await accountant.GetAsync("/app/approvals/decided");
        decided.Document.QuerySelector("#decisions tbody")!.TextContent.ShouldContain("PO-1001");
        decided.Text.ShouldContain("Looks right");
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_next_to_the_comment_and_the_request_stays()
    {
        var (slug, tenant) = await fixture.CompanyAsync();
        var order = await fixture.SubmitAsync(tenant, "PO-1002");
        await fixture.AsAsync(tenant, "accountant", async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>();
            var user = (await users.FindByNameAsync("accountant"))!;
            user.UpdateProfile("会计", "zh-Hans", "Asia/Shanghai");
            return (await users.UpdateAsync(user)).Succeeded;
        });
        using var accountant = await SignedInAsync(slug, "accountant", "zh-Hans");
        var inbox = await accountant.GetAsync("/app/approvals");
        inbox.Text.ShouldContain(T("Approvals:PendingForMe", "zh-Hans"));

        var refused = await accountant.SubmitAsync(inbox, "#approvals form", new Dictionary<string, string?> { ["comment"] = " " },
            submitSelector: "button[formaction*='Reject']");

        refused.Text.ShouldContain(T("Error:Approvals:ReasonRequired", "zh-Hans"));
        refused.Document.QuerySelector("#approvals tbody tr[data-request]")!.TextContent.ShouldContain("PO-1002");
        fixture.Outcomes.ShouldNotContain(o => o.DocumentId == order);

        var rejected = await accountant.SubmitAsync(refused, "#approvals form", new Dictionary<string, string?> { ["comment"] = "价格太高" },
            submitSelector: "button[formaction*='Reject']");
        rejected.Alerts.ShouldContain(T("Approvals:Rejected", "zh-Hans"));
        fixture.Outcomes.ShouldContain((order, false, "价格太高"));
    }

    [Fact]
    public async Task Admins_add_steps_on_the_flows_page_and_the_starter_plan_refuses_a_second_one_keeping_the_input()
    {
        var (slug, _) = await fixture.CompanyAsync(PlanCodes.Starter, withFlow: false);
        using var admin = await SignedInAsync(slug, "admin");
        using var buyer = await SignedInAsync(slug, "buyer");

        (await buyer.GetAsync("/app/approvals/flows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var flows = await admin.GetAsync("/app/approvals/flows");
        flows.Text.ShouldContain(T("Approvals:OneStepPlanNotice"));
        var form = await admin.GetAsync("/app/approvals/flows/step?type=PurchaseOrder");
        var saved = await admin.SubmitAsync(form, "#step-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Boss", ["Input.ApproverKind"] = "SubmitterManager", ["Input.ConditionKind"] = "AmountAtLeast", ["Input.ConditionNumber"] = "50000",
            ["Input.SlaHours"] = "8",
        });
        saved.Alerts.ShouldContain(T("Approvals:FlowSaved"));
        saved.Document.QuerySelector("#flow-PurchaseOrder")!.TextContent.ShouldContain("Boss");
        saved.Document.QuerySelector("#flow-PurchaseOrder")!.TextContent.ShouldContain(T("ApproverKind:SubmitterManager"));

        var second = await admin.GetAsync("/app/approvals/flows/step?type=PurchaseOrder");
        var refused = await admin.SubmitAsync(second, "#step-form", new Dictionary<string, string?> { ["Input.Name"] = "Second", ["Input.ApproverKind"] = "SubmitterManager" });

        refused.Alerts.ShouldContain(T("Error:Approvals:OneStepOnly"));
        refused.ValueOf("Input.Name").ShouldBe("Second");
        var missingName = await admin.SubmitAsync(await admin.GetAsync("/app/approvals/flows/step?type=SalesDiscount"), "#step-form",
            new Dictionary<string, string?> { ["Input.Name"] = "", ["Input.ApproverKind"] = "Role", ["Input.SlaHours"] = "12" });
        missingName.FieldError("Input.Name").ShouldBe(T("Error:Approvals:StepNameRequired"));
        missingName.ValueOf("Input.SlaHours").ShouldBe("12");
    }

    [Fact]
    public async Task A_delegate_set_on_the_delegation_page_decides_for_the_absent_approver()
    {
        var (slug, tenant) = await fixture.CompanyAsync();
        await fixture.Given.User(tenant, "deputy");
        await fixture.SubmitAsync(tenant, "PO-1003");
        using var accountant = await SignedInAsync(slug, "accountant");
        using var deputy = await SignedInAsync(slug, "deputy");
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime.AddHours(8)); // the company is in Shanghai
        var page = await accountant.GetAsync("/app/approvals/delegations");
        var deputyId = page.Document.QuerySelectorAll("select[name='Input.DelegateId'] option").Single(o => o.TextContent == "deputy").GetAttribute("value");

        var backwards = await accountant.SubmitAsync(page, "#delegation-form", new Dictionary<string, string?>
        {
            ["Input.DelegateId"] = deputyId, ["Input.AbsentFrom"] = today.ToString("yyyy-MM-dd"), ["Input.AbsentTo"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        backwards.FieldError("Input.AbsentTo").ShouldBe(T("Error:Approvals:AbsenceDatesInvalid"));
        backwards.ValueOf("Input.DelegateId").ShouldBe(deputyId);
        var saved = await accountant.SubmitAsync(backwards, "#delegation-form", new Dictionary<string, string?>
        {
            ["Input.AbsentFrom"] = today.AddDays(-1).ToString("yyyy-MM-dd"), ["Input.AbsentTo"] = today.AddDays(1).ToString("yyyy-MM-dd"),
        });
        saved.Alerts.ShouldContain(T("Approvals:DelegationSaved"));

        var inbox = await deputy.GetAsync("/app/approvals");
        inbox.Document.QuerySelector("#approvals tbody")!.TextContent.ShouldContain(T("Approvals:ForAbsent", "en", "accountant"));
        var approved = await deputy.SubmitAsync(inbox, "#approvals form", submitSelector: "button[formaction*='Approve']");
        approved.Alerts.ShouldContain(T("Approvals:Approved"));
        (await deputy.GetAsync("/app/approvals/decided")).Text.ShouldContain(T("Approvals:ForAbsent", "en", "accountant"));
    }

    [Fact]
    public async Task The_api_lists_the_inbox_and_decides_with_problem_details_for_a_missing_reason()
    {
        var (slug, tenant) = await fixture.CompanyAsync();
        var order = await fixture.SubmitAsync(tenant, "PO-1004");
        using var accountant = await SignedInAsync(slug, "accountant");

        var (listed, inbox) = await SendAsync(accountant, HttpMethod.Get, "/api/v1/approvals/inbox");
        listed.ShouldBe(HttpStatusCode.OK);
        inbox.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var requestId = inbox.GetProperty("items")[0].GetProperty("requestId").GetGuid();

        var (refused, problem) = await SendAsync(accountant, HttpMethod.Post, $"/api/v1/approvals/{requestId}/reject", new { comment = "" });
        refused.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(ErpSaaS.Errors.ApprovalErrorCodes.ReasonRequired);
        problem.GetProperty("errors").GetProperty("comment")[0].GetString().ShouldBe(T("Error:Approvals:ReasonRequired"));

        var (approved, _) = await SendAsync(accountant, HttpMethod.Post, $"/api/v1/approvals/{requestId}/approve", new { comment = "ok" });
        approved.ShouldBe(HttpStatusCode.NoContent);
        fixture.Outcomes.ShouldContain((order, true, "ok"));
        var (again, _) = await SendAsync(accountant, HttpMethod.Post, $"/api/v1/approvals/{requestId}/approve", new { });
        again.ShouldBe(HttpStatusCode.BadRequest);
        var (_, decided) = await SendAsync(accountant, HttpMethod.Get, "/api/v1/approvals/decided");
        decided.GetProperty("items")[0].GetProperty("documentNumber").GetString().ShouldBe("PO-1004");
    }

    [Fact]
    public async Task Another_companys_requests_are_not_found_in_pages_or_the_api()
    {
        var (_, acme) = await fixture.CompanyAsync();
        var order = await fixture.SubmitAsync(acme, "PO-1005");
        var requestId = (await fixture.AsAsync(acme, "accountant", sp =>
            sp.GetRequiredService<IApprovalInboxAppService>().GetPendingAsync(new ApprovalInboxQuery()))).Items.Single().RequestId;
        var (otherSlug, _) = await fixture.CompanyAsync();
        using var other = await SignedInAsync(otherSlug, "accountant");

        var inbox = await other.GetAsync("/app/approvals");
        inbox.Text.ShouldNotContain("PO-1005");
        var (_, list) = await SendAsync(other, HttpMethod.Get, "/api/v1/approvals/inbox");
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await SendAsync(other, HttpMethod.Post, $"/api/v1/approvals/{requestId}/approve", new { })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(other, HttpMethod.Post, $"/api/v1/approvals/{requestId}/reject", new { comment = "no" })).Status.ShouldBe(HttpStatusCode.NotFound);
        var page = await other.SubmitAsync(inbox, "form[method='get']", submitSelector: null);
        var posted = await PostFormAsync(other, page, "/app/approvals?handler=Approve", requestId);
        posted.ShouldBe(HttpStatusCode.NotFound);
        fixture.Outcomes.ShouldNotContain(o => o.DocumentId == order);
        (await fixture.AsAsync(acme, "accountant", sp => sp.GetRequiredService<IApprovalInboxAppService>().CountPendingAsync())).ShouldBe(1);
    }

    private static async Task<HttpStatusCode> PostFormAsync(ErpBrowser browser, ErpPage page, string url, Guid requestId)
    {
        var token = page.Document.QuerySelector("meta[name='request-verification-token']")!.GetAttribute("content")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["requestId"] = requestId.ToString(), ["__RequestVerificationToken"] = token });
        using var response = await browser.Client.PostAsync(new Uri(url, UriKind.Relative), content);
        return response.StatusCode;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(ErpBrowser browser, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await browser.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, json.RootElement.Clone());
    }
}
