using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Identity;

public sealed class ProfileAppServiceTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private Guid _tenantId;
    private Guid _userId;

    public async Task InitializeAsync()
    {
        _tenantId = await fixture.Given.Tenant("profile-" + Guid.NewGuid().ToString("N")[..8]);
        _userId = await fixture.Given.User(_tenantId, "lina");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<T> AsUserAsync<T>(Func<IProfileAppService, Task<T>> work) => fixture.InScopeAsync(_tenantId, sp =>
    {
        sp.GetRequiredService<ICurrentUser>().Change(_userId, "lina");
        return work(sp.GetRequiredService<IProfileAppService>());
    });

    private static UpdateProfileInput Input(string displayName = "Li Na", string language = "zh-Hans", string timeZone = "Asia/Shanghai") =>
        new() { DisplayName = displayName, Language = language, TimeZone = timeZone };

    [Fact]
    public async Task Updating_saves_the_trimmed_name_the_language_and_the_time_zone()
    {
        await AsUserAsync(profiles => profiles.UpdateAsync(Input("  Li Na  ", "en", "Europe/Berlin")));

        var profile = await AsUserAsync(profiles => profiles.GetAsync());
        (profile.DisplayName, profile.Language, profile.TimeZone).ShouldBe(("Li Na", "en", "Europe/Berlin"));
    }

    [Theory]
    [InlineData(" ", "zh-Hans", "Asia/Shanghai", nameof(UpdateProfileInput.DisplayName), ErrorCodes.ValueRequired)]
    [InlineData("Li Na", "fr", "Asia/Shanghai", nameof(UpdateProfileInput.Language), ErrorCodes.ValueNotAllowed)]
    [InlineData("Li Na", "en", "Mars/Olympus_Mons", nameof(UpdateProfileInput.TimeZone), ErrorCodes.ValueNotAllowed)]
    public async Task A_bad_value_is_refused_naming_its_field(string displayName, string language, string timeZone, string field, string code)
    {
        var error = await Should.ThrowAsync<BusinessException>(() => AsUserAsync(profiles => profiles.UpdateAsync(Input(displayName, language, timeZone))));

        error.Field.ShouldBe(field);
        error.Code.ShouldBe(code);
        (await AsUserAsync(profiles => profiles.GetAsync())).DisplayName.ShouldBe("lina");
    }

    [Fact]
    public async Task A_name_longer_than_a_user_name_may_be_is_refused_with_the_limit()
    {
        var error = await Should.ThrowAsync<BusinessException>(() =>
            AsUserAsync(profiles => profiles.UpdateAsync(Input(new string('x', AppUser.MaxNameLength + 1)))));

        error.Code.ShouldBe(ErrorCodes.ValueTooLong);
        error.Args.ShouldBe([AppUser.MaxNameLength]);
    }

    [Fact]
    public async Task Without_a_signed_in_user_there_is_no_profile()
    {
        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.InScopeAsync(_tenantId, sp => sp.GetRequiredService<IProfileAppService>().GetAsync()));
    }
}
