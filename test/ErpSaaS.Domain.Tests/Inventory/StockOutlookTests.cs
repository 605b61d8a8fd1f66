using ErpSaaS.Inventory;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Inventory;

public sealed class StockOutlookTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly Guid Product = Guid.NewGuid();

    // 10 on hand, 4 reserved for the 5th and 3 undated; 6 due from a supplier on the 10th and 2 overdue since the 1st.
    private static readonly StockOutlook Outlook = new(
        new StockLevel(Product, null, 10m, 7m, 8m, 0m), Today,
        [(new DateOnly(2026, 11, 5), 4m), (null, 3m)],
        [(new DateOnly(2026, 11, 10), 6m), (new DateOnly(2026, 11, 1), 2m)]);

    [Fact]
    public void What_can_be_promised_by_a_date_never_breaks_a_later_promise()
    {
        // Today: 10 − 3 (undated) + 2 (overdue supply, counted today) = 9, but the 5th takes 4 more: 5 at most.
        Outlook.AvailableBy(Today).ShouldBe(5m);
        Outlook.AvailableBy(new DateOnly(2026, 11, 5)).ShouldBe(5m);
        Outlook.AvailableBy(new DateOnly(2026, 11, 10)).ShouldBe(11m);
    }

    [Fact]
    public void A_short_line_is_covered_on_the_first_supply_day_that_brings_enough_or_never()
    {
        Outlook.CoveredOn(needed: 3m, availableNow: 3m, ownReservation: 0m, Today).ShouldBe(Today);
        Outlook.CoveredOn(needed: 8m, availableNow: 3m, ownReservation: 0m, Today).ShouldBe(new DateOnly(2026, 11, 10));
        Outlook.CoveredOn(needed: 12m, availableNow: 3m, ownReservation: 0m, Today).ShouldBeNull();
        // What the line holds already counts for it.
        Outlook.CoveredOn(needed: 12m, availableNow: 3m, ownReservation: 1m, Today).ShouldBe(new DateOnly(2026, 11, 10));
    }
}
