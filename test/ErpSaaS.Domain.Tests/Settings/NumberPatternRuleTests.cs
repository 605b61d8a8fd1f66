using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;
using ErpSaaS.Settings;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Settings;

public sealed class NumberPatternRuleTests
{
    [Theory]
    [InlineData("PO-{yyyyMM}-{0000}")]
    [InlineData("{0}")]
    [InlineData("INV/{yyyy}/{MM}/{dd}/{000000}")]
    [InlineData("{yyyyMMdd}{000}")]
    public void Accepts_patterns_with_exactly_one_counter_and_known_date_tokens(string pattern) =>
        NumberPatternRule.IsValid(pattern).ShouldBeTrue();

    [Theory]
    [InlineData("PO-{yyyyMM}")]
    [InlineData("PO-{0000}-{00}")]
    [InlineData("PO-{week}-{0000}")]
    [InlineData("PO-{0000")]
    [InlineData("PO-0000}")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_patterns_without_a_single_counter_or_with_stray_braces(string? pattern) =>
        NumberPatternRule.IsValid(pattern).ShouldBeFalse();

    [Fact]
    public void Every_default_pattern_is_valid() =>
        DocumentTypes.DefaultPatterns.Values.ShouldAllBe(p => NumberPatternRule.IsValid(p));

    [Fact]
    public void An_invalid_pattern_is_a_field_error_naming_the_pattern()
    {
        var error = Should.Throw<BusinessException>(() => NumberPatternRule.Validate("NumberPatterns[SalesOrder]", "SO-{yyyy}"));

        (error.Code, error.Field, error.Args[0]).ShouldBe((ErrorCodes.NumberPatternInvalid, "NumberPatterns[SalesOrder]", (object?)"SO-{yyyy}"));
    }
}
