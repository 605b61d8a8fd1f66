using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Catalog;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91310115MA1FL2K3A0", true)]
    [InlineData("91350100M000100Y44", false)]  // wrong check character
    [InlineData("91350100M000100Y4", false)]   // 17 characters
    [InlineData("91350100I000100Y43", false)]  // I is not in the code alphabet
    [InlineData("91350100m000100y43", false)]  // stored upper case; lower case is not the code
    [InlineData(null, false)]
    public void The_check_character_is_the_modulo_31_sum_of_the_weighted_characters(string? code, bool valid) =>
        UnifiedSocialCreditCode.IsValid(code).ShouldBe(valid);
}

public sealed class CustomerRulesTests
{
    private static Customer NewCustomer() => new("c-1", "华东电子", "CNY");

    [Fact]
    public void Making_another_contact_primary_takes_the_flag_from_the_previous_one()
    {
        var customer = NewCustomer();
        var liu = customer.AddContact("刘", null, null, null);
        var qian = customer.AddContact("钱", null, null, null);

        customer.UpdateContact(qian.Id, "钱芳", "021-6888 1234", null, "财务", isPrimary: true);

        customer.Contacts.Select(c => (c.Name, c.IsPrimary)).ShouldBe([("刘", false), ("钱芳", true)]);
        liu.IsPrimary.ShouldBeFalse();
    }

    [Fact]
    public void Updating_a_contact_without_the_primary_flag_keeps_who_is_primary()
    {
        var customer = NewCustomer();
        var liu = customer.AddContact("刘", null, null, null);
        customer.AddContact("钱", null, null, null);

        customer.UpdateContact(liu.Id, "刘建国", null, null, null, isPrimary: false);

        liu.IsPrimary.ShouldBeTrue();
    }

    [Fact]
    public void Removing_the_last_contact_leaves_no_primary_and_an_unknown_contact_is_not_found()
    {
        var customer = NewCustomer();
        var only = customer.AddContact("刘", null, null, null);

        customer.RemoveContact(only.Id);

        customer.Contacts.ShouldBeEmpty();
        Should.Throw<EntityNotFoundException>(() => customer.RemoveContact(only.Id));
    }

    [Fact]
    public void Removing_the_default_shipping_address_makes_the_next_one_default_and_leaves_billing_alone()
    {
        var customer = NewCustomer();
        var billing = customer.AddAddress(PartnerAddressKind.Billing, "世纪大道 88 号");
        var dock3 = customer.AddAddress(PartnerAddressKind.Shipping, "3 号库");
        var dock5 = customer.AddAddress(PartnerAddressKind.Shipping, "5 号库");

        customer.RemoveAddress(dock3.Id);

        (billing.IsDefault, dock5.IsDefault).ShouldBe((true, true));
        customer.DefaultAddress(PartnerAddressKind.Shipping).ShouldBe(dock5);
    }

    [Fact]
    public void A_credit_limit_keeps_cents_and_refuses_fractions_of_a_cent_and_negatives()
    {
        var customer = NewCustomer();

        customer.ChangeCreditTerms(1234.56m, 30);

        (customer.CreditLimit, customer.PaymentTermsDays).ShouldBe((1234.56m, 30));
        Should.Throw<BusinessException>(() => customer.ChangeCreditTerms(0.001m, 30)).Field.ShouldBe(nameof(Customer.CreditLimit));
        Should.Throw<BusinessException>(() => customer.ChangeCreditTerms(-1m, 30)).Code.ShouldBe(PartnerErrorCodes.CreditLimitInvalid);
        Should.Throw<BusinessException>(() => customer.ChangeCreditTerms(0m, -1)).Field.ShouldBe(nameof(Customer.PaymentTermsDays));
    }

    [Fact]
    public void Changing_the_currency_drops_a_price_list_of_the_old_currency()
    {
        var customer = NewCustomer();
        customer.AssignPriceList(Guid.CreateVersion7());

        customer.ChangeCurrency("usd");

        (customer.CurrencyCode, customer.PriceListId).ShouldBe(("USD", (Guid?)null));
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 21 6888-1234")]
    [InlineData("(0512) 6555 7788 ext 12")]
    [InlineData("021-50800000转8012")]
    public void Usual_ways_of_writing_a_phone_number_are_accepted(string phone) =>
        NewCustomer().AddContact("刘", phone, null, null).Phone.ShouldBe(phone);
}

public sealed class PriceListRulesTests
{
    private static readonly Guid Widget = Guid.CreateVersion7();
    private static readonly Guid Gadget = Guid.CreateVersion7();

    private static PriceList NewList()
    {
        var list = new PriceList("2026", "CNY");
        list.ChangeValidity(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        list.AddLine(Widget, 0m, 100m);
        list.AddLine(Widget, 100m, 95.5m);
        list.AddLine(Widget, 500m, 90.125m);
        list.AddLine(Gadget, 10m, 8m);
        return list;
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(100, 95.5)]
    [InlineData(499.9999, 95.5)]
    [InlineData(500, 90.125)]
    public void The_highest_break_not_above_the_quantity_prices_it(decimal quantity, decimal price) =>
        NewList().LineFor(Widget, quantity)!.UnitPrice.ShouldBe(price);

    [Fact]
    public void Below_a_products_first_break_the_list_has_no_price()
    {
        NewList().LineFor(Gadget, 9.9999m).ShouldBeNull();
        NewList().LineFor(Guid.CreateVersion7(), 1000m).ShouldBeNull();
    }

    [Fact]
    public void A_list_applies_on_both_ends_of_its_validity_and_only_while_active()
    {
        var list = NewList();

        (list.AppliesOn(new DateOnly(2026, 1, 1)), list.AppliesOn(new DateOnly(2026, 12, 31)), list.AppliesOn(new DateOnly(2027, 1, 1)))
            .ShouldBe((true, true, false));
        list.Deactivate();
        list.AppliesOn(new DateOnly(2026, 6, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Moving_a_line_onto_another_lines_break_is_refused()
    {
        var list = NewList();
        var line = list.LineFor(Widget, 100m)!;

        var refused = Should.Throw<BusinessException>(() => list.UpdateLine(line.Id, 500m, 94m));

        (refused.Field, refused.Code).ShouldBe(("MinimumQuantity", PartnerErrorCodes.PriceListLineDuplicate));
        (line.MinimumQuantity, line.UnitPrice).ShouldBe((100m, 95.5m));
    }
}

public sealed class CurrencyRulesTests
{
    [Theory]
    [InlineData(2, 710.835, 710.84)]
    [InlineData(2, -710.835, -710.84)]
    [InlineData(0, 1234.5, 1235)]
    [InlineData(0, 1234.49, 1234)]
    public void Amounts_are_rounded_half_away_from_zero_to_the_currencys_places(int places, decimal amount, decimal rounded) =>
        new Currency("XXX", "Test", null, places).Round(amount).ShouldBe(rounded);

    [Fact]
    public void A_currency_without_a_symbol_shows_its_code()
    {
        var currency = new Currency(" gbp ", "英镑", " ", 2);

        (currency.Code, currency.Symbol).ShouldBe(("GBP", "GBP"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7.1)]
    [InlineData(0.00000000001)]
    public void A_rate_is_above_zero_with_at_most_ten_decimals(decimal rate) =>
        Should.Throw<BusinessException>(() => new ExchangeRate("USD", "CNY", new DateOnly(2026, 11, 1), rate)).Code
            .ShouldBe(PartnerErrorCodes.ExchangeRateMustBePositive);
}
