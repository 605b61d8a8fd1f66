using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Health;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Health;

public sealed class HealthTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    [Fact]
    public void The_web_app_under_test_uses_the_test_classs_own_database()
    {
        var database = fixture.Web.Services.GetRequiredService<ErpDatabaseOptions>();

        database.ConnectionString.ShouldContain(fixture.DatabaseName);
    }

    [Fact]
    public async Task Health_answers_healthy_when_the_database_is_reachable()
    {
        using var browser = fixture.Web.Browser();

        var page = await browser.GetAsync("/health");

        page.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        page.Content.ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_when_the_database_does_not_exist()
    {
        var check = new DatabaseHealthCheck(new ErpDatabaseOptions
        {
            ConnectionString = TestDatabase.AppConnectionString("erpsaas_t_missing_database") + ";Timeout=5",
            MigrationConnectionString = fixture.OwnerConnectionString,
        });

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.ShouldBe(HealthStatus.Unhealthy);
    }
}
