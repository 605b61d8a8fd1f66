using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Settings;

public sealed class SettingsTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;

    public async Task InitializeAsync()
    {
        _acme = await fixture.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await fixture.Given.User(_acme, "admin", StaticRoles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<T> AsAdmin<T>(Func<ISettingsAppService, Task<T>> work) =>
        fixture.AsUserAsync(_acme, _admin, sp => work(sp.GetRequiredService<ISettingsAppService>()));

    private Task AsAdmin(Func<ISettingsAppService, Task> work) =>
        fixture.AsUserAsync(_acme, _admin, sp => work(sp.GetRequiredService<ISettingsAppService>()));

    [Fact]
    public async Task The_company_profile_regional_defaults_and_number_patterns_are_saved_together()
    {
        var settings = await AsAdmin(s => s.GetAsync());
        settings.CompanyName = "Acme Trading";
        settings.Phone = "021-1234 5678";
        settings.BaseCurrency = "USD";
        settings.TimeZone = "Asia/Tokyo";
        settings.DefaultLanguage = "en";
        settings.NumberPatterns[DocumentTypes.PurchaseOrder] = "ACME-PO-{yy}{MM}-{00000}";

        await AsAdmin(s => s.UpdateAsync(settings));
        var saved = await AsAdmin(s => s.GetAsync());

        (saved.CompanyName, saved.Phone, saved.BaseCurrency, saved.TimeZone, saved.DefaultLanguage)
            .ShouldBe(("Acme Trading", "021-1234 5678", "USD", "Asia/Tokyo", "en"));
        saved.NumberPatterns[DocumentTypes.PurchaseOrder].ShouldBe("ACME-PO-{yy}{MM}-{00000}");
        saved.NumberPatterns[DocumentTypes.SalesInvoice].ShouldBe(DocumentTypes.DefaultPatterns[DocumentTypes.SalesInvoice]);
    }

    [Fact]
    public async Task A_number_pattern_without_a_counter_is_refused_on_its_field_and_nothing_is_saved()
    {
        var settings = await AsAdmin(s => s.GetAsync());
        settings.CompanyName = "Changed first";
        settings.NumberPatterns[DocumentTypes.SalesOrder] = "SO-{yyyyMM}";

        var error = await Should.ThrowAsync<BusinessException>(() => AsAdmin(s => s.UpdateAsync(settings)));

        error.Code.ShouldBe(ErrorCodes.NumberPatternInvalid);
        error.Field.ShouldBe("NumberPatterns[SalesOrder]");
        (await AsAdmin(s => s.GetAsync())).CompanyName.ShouldNotBe("Changed first");
    }

    [Theory]
    [InlineData(nameof(TenantSettingsDto.BaseCurrency), "XYZ")]
    [InlineData(nameof(TenantSettingsDto.TimeZone), "Mars/Olympus")]
    [InlineData(nameof(TenantSettingsDto.DefaultLanguage), "fr")]
    [InlineData(nameof(TenantSettingsDto.CompanyName), " ")]
    public async Task A_value_outside_the_allowed_ones_is_a_field_error(string field, string value)
    {
        var settings = await AsAdmin(s => s.GetAsync());
        typeof(TenantSettingsDto).GetProperty(field)!.SetValue(settings, value);

        var error = await Should.ThrowAsync<BusinessException>(() => AsAdmin(s => s.UpdateAsync(settings)));

        error.Code.ShouldBe(ErrorCodes.SettingValueInvalid);
        error.Field.ShouldBe(field);
    }

    [Fact]
    public async Task A_viewer_can_neither_read_nor_change_settings()
    {
        var viewer = await fixture.Given.User(_acme, "viewer");

        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(_acme, viewer, sp => sp.GetRequiredService<ISettingsAppService>().GetAsync()));
        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(_acme, viewer, sp => sp.GetRequiredService<ISettingsAppService>().UpdateAsync(new TenantSettingsDto())));
    }
}
