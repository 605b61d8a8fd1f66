using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Tenancy;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Tenancy;

public sealed class TenantSlugTests
{
    [Theory]
    [InlineData(" Acme ", "acme")]
    [InlineData("star-electronics", "star-electronics")]
    [InlineData("abc123", "abc123")]
    public void A_valid_slug_is_trimmed_and_lowered(string input, string expected) => Tenant.NormalizeSlug(input).ShouldBe(expected);

    [Theory]
    [InlineData("ab")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("ac me")]
    [InlineData("acme.co")]
    [InlineData("星辰")]
    public void A_malformed_slug_is_refused(string input) =>
        Should.Throw<BusinessException>(() => Tenant.NormalizeSlug(input)).Code.ShouldBe(ErrorCodes.TenantSlugInvalid);

    [Theory]
    [InlineData("www")]
    [InlineData("admin")]
    [InlineData("API")]
    public void A_reserved_slug_is_refused(string input)
    {
        var error = Should.Throw<BusinessException>(() => Tenant.NormalizeSlug(input));
        error.Code.ShouldBe(ErrorCodes.TenantSlugReserved);
        error.Field.ShouldBe(nameof(Tenant.Slug));
    }
}
