using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Numbering;

public sealed class DocumentNumberGeneratorTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    // The fixture's clock reads 2026-11-02 01:00 UTC: 09:00 in the default tenant time zone, Asia/Shanghai.

    [Fact]
    public async Task Fifty_concurrent_units_of_work_get_unique_gap_free_numbers()
    {
        var tenant = await NewTenantAsync();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => TakeAsync(tenant))));

        numbers.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, 50).Select(n => $"PO-202611-{n:0000}"));
    }

    [Fact]
    public async Task A_rolled_back_document_gives_its_number_back()
    {
        var tenant = await NewTenantAsync();
        (await TakeAsync(tenant)).ShouldBe("PO-202611-0001");

        string? rolledBack = null;
        await Should.ThrowAsync<InvalidOperationException>(() => fixture.InScopeAsync(tenant, sp =>
            sp.GetRequiredService<IUnitOfWork>().InTransactionAsync<bool>(async ct =>
            {
                rolledBack = await sp.GetRequiredService<IDocumentNumberGenerator>().NextAsync(DocumentTypes.PurchaseOrder, ct);
                throw new InvalidOperationException("the document failed to save");
            })));

        rolledBack.ShouldBe("PO-202611-0002");
        (await TakeAsync(tenant)).ShouldBe("PO-202611-0002");
    }

    [Fact]
    public async Task Two_tenants_count_independently()
    {
        var acme = await NewTenantAsync();
        var globex = await NewTenantAsync();

        await TakeAsync(acme);
        await TakeAsync(acme);
        var globexFirst = await TakeAsync(globex);
        var acmeThird = await TakeAsync(acme);

        globexFirst.ShouldBe("PO-202611-0001");
        acmeThird.ShouldBe("PO-202611-0003");
    }

    [Fact]
    public async Task Each_document_type_has_its_own_counter_and_default_pattern()
    {
        var tenant = await NewTenantAsync();

        await TakeAsync(tenant, DocumentTypes.PurchaseOrder);
        var invoice = await TakeAsync(tenant, DocumentTypes.SalesInvoice);

        invoice.ShouldBe("SI-2026-000001");
    }

    [Fact]
    public async Task The_counter_restarts_when_the_tenants_local_month_changes()
    {
        var shanghai = await NewTenantAsync();
        var utc = await NewTenantAsync();
        await fixture.InScopeAsync(utc, async sp =>
        {
            await sp.GetRequiredService<ISettingStore>().SetAsync(ErpSettings.TimeZone, "UTC");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        var start = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.Set(new DateTimeOffset(2026, 11, 30, 15, 59, 59, TimeSpan.Zero));
            (await TakeAsync(shanghai)).ShouldBe("PO-202611-0001");
            (await TakeAsync(shanghai)).ShouldBe("PO-202611-0002");

            fixture.Clock.Advance(TimeSpan.FromSeconds(1)); // midnight, December 1st, in Shanghai; still November in UTC

            (await TakeAsync(shanghai)).ShouldBe("PO-202612-0001");
            (await TakeAsync(utc)).ShouldBe("PO-202611-0001");
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    [Fact]
    public async Task The_tenants_own_pattern_is_used()
    {
        var tenant = await NewTenantAsync();
        await SetPatternAsync(tenant, "采购{yy}{MM}{dd}/{000}");

        var numbers = new[] { await TakeAsync(tenant), await TakeAsync(tenant) };

        numbers.ShouldBe(["采购261102/001", "采购261102/002"]);
    }

    [Fact]
    public async Task A_stored_pattern_without_a_counter_is_refused_when_numbering()
    {
        var tenant = await NewTenantAsync();
        await SetPatternAsync(tenant, "PO-{yyyyMM}");

        var error = await Should.ThrowAsync<BusinessException>(() => TakeAsync(tenant));

        error.Code.ShouldBe(ErrorCodes.NumberPatternInvalid);
    }

    [Fact]
    public async Task A_number_taken_outside_a_transaction_is_refused()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => fixture.InScopeAsync(tenant, sp =>
            sp.GetRequiredService<IDocumentNumberGenerator>().NextAsync(DocumentTypes.PurchaseOrder)));
    }

    private Task<Guid> NewTenantAsync() => fixture.Given.Tenant("num-" + Guid.NewGuid().ToString("N")[..8]);

    private Task<string> TakeAsync(Guid tenant, string documentType = DocumentTypes.PurchaseOrder) =>
        fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct =>
            sp.GetRequiredService<IDocumentNumberGenerator>().NextAsync(documentType, ct)));

    private Task SetPatternAsync(Guid tenant, string pattern) =>
        fixture.InScopeAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<ISettingStore>().SetAsync(SettingDefinitions.NumberPatternSetting(DocumentTypes.PurchaseOrder), pattern);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
}
