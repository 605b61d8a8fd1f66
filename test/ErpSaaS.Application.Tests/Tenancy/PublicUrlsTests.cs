using ErpSaaS.Tenancy;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Tenancy;

public sealed class PublicUrlsTests
{
    [Fact]
    public void A_company_link_takes_the_scheme_and_port_of_the_configured_base_and_the_company_subdomain()
    {
        var urls = new PublicUrls("http://localhost:5000", domain: null);

        urls.Domain.ShouldBe("localhost");
        urls.TenantSite("demo", "/account/reset-password?userId=1&code=x").ShouldBe("http://demo.localhost:5000/account/reset-password?userId=1&code=x");
        urls.MainSite("/signup").ShouldBe("http://localhost:5000/signup");
        urls.SiteOf(null, "/").ShouldBe("http://localhost:5000/");
        urls.SiteOf("demo", "app/billing").ShouldBe("http://demo.localhost:5000/app/billing");
    }

    [Fact]
    public void A_default_port_is_left_out_and_a_path_base_is_kept()
    {
        var urls = new PublicUrls("https://ERP.example.com:443/erp/", domain: null);

        urls.Domain.ShouldBe("erp.example.com");
        urls.TenantSite("acme", "/app/billing").ShouldBe("https://acme.erp.example.com/erp/app/billing");
    }

    [Fact]
    public void Without_a_base_the_domain_is_served_over_https_on_the_default_port()
    {
        new PublicUrls(null, "erp.example.com").TenantSite("acme", "/").ShouldBe("https://acme.erp.example.com/");
        new PublicUrls(" ", null).TenantSite("acme", "/").ShouldBe("https://acme.localhost/");
    }

    [Fact]
    public void A_domain_that_agrees_with_the_base_is_accepted()
    {
        new PublicUrls("http://localhost:5000", "localhost").TenantSite("demo", "/").ShouldBe("http://demo.localhost:5000/");
    }

    [Theory]
    [InlineData("http://localhost:5000", "erp.example.com")]
    [InlineData("localhost:5000", null)]
    [InlineData("ftp://localhost", null)]
    [InlineData("http://127.0.0.1:5000", null)]
    [InlineData("http://localhost:5000/?a=1", null)]
    [InlineData("http://user:secret@localhost:5000", null)]
    public void A_base_that_cannot_make_company_links_is_refused_at_start_up(string baseUrl, string? domain)
    {
        var error = Should.Throw<InvalidOperationException>(() => new PublicUrls(baseUrl, domain));

        error.Message.ShouldContain(PublicUrls.BaseUrlKey);
        error.Message.ShouldNotContain("secret");
    }
}
