using System.Net;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Signup;

/// <summary>Sign-ups per address: the app's own limit (5 posts in 10 minutes), on a web app of its own.</summary>
public sealed class SignupRateLimitTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    [Fact]
    public async Task The_sixth_sign_up_post_from_one_address_within_the_window_answers_429_with_the_localized_message()
    {
        using var browser = fixture.Web.Browser();
        var form = await browser.GetAsync("/signup");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await browser.SubmitAsync(form, "#signup-form", new Dictionary<string, string?> { ["Input.CompanyName"] = "" })).StatusCode);
        }

        var refused = await browser.SubmitAsync(form, "#signup-form", new Dictionary<string, string?> { ["Input.CompanyName"] = "" });
        using var chinese = fixture.Web.Browser(language: "zh-CN");
        var refusedInChinese = await chinese.SubmitAsync(form, "#signup-form");

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Document.QuerySelector("#signup-too-many")!.TextContent.ShouldBe(T("Signup:TooMany"));
        refusedInChinese.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refusedInChinese.Document.QuerySelector("#signup-too-many")!.TextContent.ShouldBe(T("Signup:TooMany", "zh-Hans"));
        (await browser.GetAsync("/signup")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
