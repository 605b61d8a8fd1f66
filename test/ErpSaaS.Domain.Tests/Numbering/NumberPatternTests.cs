using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Numbering;

public sealed class NumberPatternTests
{
    private static readonly DateTime March5 = new(2026, 3, 5, 14, 30, 0);

    [Theory]
    [InlineData("PO-{yyyyMM}-{0000}", 7, "PO-202603-0007")]
    [InlineData("SI-{yyyy}-{000000}", 42, "SI-2026-000042")]
    [InlineData("{yy}{MM}{dd}{000}", 1, "260305001")]
    [InlineData("GR{yyyyMMdd}-{0}", 12, "GR20260305-12")]
    [InlineData("N-{00}", 123, "N-123")]
    public void Formats_date_tokens_and_the_zero_padded_counter(string pattern, long counter, string expected)
    {
        NumberPattern.Parse(pattern).Format(March5, counter).ShouldBe(expected);
    }

    [Theory]
    [InlineData("PO-{yyyyMM}-{0000}", "2026M03")]
    [InlineData("SI-{yyyy}-{000000}", "2026")]
    [InlineData("{yy}{MM}{dd}{000}", "2026M03D05")]
    [InlineData("GR{yyyyMMdd}-{0}", "2026M03D05")]
    [InlineData("M{MM}-{000}", "M03")]
    [InlineData("N-{00}", NumberPattern.NoPeriod)]
    public void The_period_key_follows_the_date_parts_the_pattern_shows(string pattern, string expected)
    {
        NumberPattern.Parse(pattern).PeriodKey(March5).ShouldBe(expected);
    }

    [Theory]
    [InlineData("PO-{yyyyMM}")]
    [InlineData("PO-{0000}-{000}")]
    [InlineData("PO-{yyyyMM}-{0000")]
    [InlineData("PO-}{0000}")]
    [InlineData("PO-{HH}-{0000}")]
    [InlineData("PO-{}-{0000}")]
    [InlineData("PO-{0000000000000}")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData(null)]
    public void A_pattern_without_exactly_one_counter_or_with_an_unknown_token_is_refused(string? pattern)
    {
        NumberPattern.IsValid(pattern).ShouldBeFalse();
        Should.Throw<BusinessException>(() => NumberPattern.Parse(pattern)).Code.ShouldBe(ErrorCodes.NumberPatternInvalid);
    }

    [Fact]
    public void A_pattern_longer_than_the_limit_is_refused()
    {
        NumberPattern.IsValid(new string('A', NumberPattern.MaxLength - 6) + "{0000}").ShouldBeTrue();
        NumberPattern.IsValid(new string('A', NumberPattern.MaxLength - 5) + "{0000}").ShouldBeFalse();
    }

    [Fact]
    public void Every_default_pattern_is_valid()
    {
        DocumentTypes.DefaultPatterns.Values.ShouldAllBe(p => NumberPattern.IsValid(p));
    }
}
