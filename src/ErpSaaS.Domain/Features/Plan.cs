using ErpSaaS.Common;
using ErpSaaS.Features;

namespace ErpSaaS.Features;

/// <summary>What a tenant buys (an edition): prices and the feature values it switches on.</summary>
public sealed class Plan : AggregateRoot
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 64;

    private readonly List<PlanFeatureValue> _featureValues = [];

    private Plan() { }

    public Plan(string code, string nameEn, string nameZh, decimal monthlyPrice, decimal yearlyPrice, int sortOrder, bool isTrial = false)
    {
        Code = code;
        NameEn = nameEn;
        NameZh = nameZh;
        MonthlyPrice = monthlyPrice;
        YearlyPrice = yearlyPrice;
        SortOrder = sortOrder;
        IsTrial = isTrial;
        IsVisible = true;
    }

    public string Code { get; private set; } = null!;
    public string NameEn { get; private set; } = null!;
    public string NameZh { get; private set; } = null!;
    public decimal MonthlyPrice { get; private set; }
    public decimal YearlyPrice { get; private set; }
    public string Currency { get; private set; } = "CNY";
    public int SortOrder { get; private set; }
    public bool IsVisible { get; private set; }
    public bool IsTrial { get; private set; }
    public string? StripeMonthlyPriceId { get; private set; }
    public string? StripeYearlyPriceId { get; private set; }
    public IReadOnlyCollection<PlanFeatureValue> FeatureValues => _featureValues.AsReadOnly();

    public decimal PriceFor(Billing.BillingInterval interval) => interval == Billing.BillingInterval.Yearly ? YearlyPrice : MonthlyPrice;

    public string? StripePriceFor(Billing.BillingInterval interval) =>
        interval == Billing.BillingInterval.Yearly ? StripeYearlyPriceId : StripeMonthlyPriceId;

    /// <summary>The operator's plan editor: names, prices, Stripe price ids, visibility on the pricing page, order.</summary>
    public void Edit(string nameEn, string nameZh, decimal monthlyPrice, decimal yearlyPrice, string? stripeMonthlyPriceId,
        string? stripeYearlyPriceId, bool isVisible, int sortOrder)
    {
        if (monthlyPrice < 0) throw BusinessException.ForField(nameof(MonthlyPrice), Errors.ErrorCodes.AmountMustBePositive);
        if (yearlyPrice < 0) throw BusinessException.ForField(nameof(YearlyPrice), Errors.ErrorCodes.AmountMustBePositive);
        NameEn = nameEn.Trim();
        NameZh = nameZh.Trim();
        MonthlyPrice = monthlyPrice;
        YearlyPrice = yearlyPrice;
        StripeMonthlyPriceId = string.IsNullOrWhiteSpace(stripeMonthlyPriceId) ? null : stripeMonthlyPriceId.Trim();
        StripeYearlyPriceId = string.IsNullOrWhiteSpace(stripeYearlyPriceId) ? null : stripeYearlyPriceId.Trim();
        IsVisible = isVisible;
        SortOrder = sortOrder;
    }

    public string DisplayName(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;

    public void SetFeature(string name, string value)
    {
        var definition = FeatureDefinitions.Get(name);
        if (!definition.IsValid(value))
        {
            throw BusinessException.ForField(name, Errors.ErrorCodes.SettingValueInvalid, name, value);
        }
        var existing = _featureValues.FirstOrDefault(v => v.Name == name);
        if (existing is null)
        {
            _featureValues.Add(new PlanFeatureValue(Id, name, value));
        }
        else
        {
            existing.Change(value);
        }
    }

    public string? FindFeature(string name) => _featureValues.FirstOrDefault(v => v.Name == name)?.Value;
}

public sealed class PlanFeatureValue : Entity
{
    private PlanFeatureValue() { }

    internal PlanFeatureValue(Guid planId, string name, string value)
    {
        PlanId = planId;
        Name = name;
        Value = value;
    }

    public Guid PlanId { get; private set; }
    public string Name { get; private set; } = null!;
    public string Value { get; private set; } = null!;

    internal void Change(string value) => Value = value;
}

/// <summary>The operator's per-tenant exception to its plan (a bigger user limit, a module on trial).</summary>
public sealed class TenantFeatureOverride : Entity
{
    private TenantFeatureOverride() { }

    public TenantFeatureOverride(Guid tenantId, string name, string value)
    {
        TenantId = tenantId;
        Name = name;
        Value = value;
    }

    // Deliberately not IMultiTenant: only the host writes overrides; tenants read them through the feature store.
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = null!;
    public string Value { get; private set; } = null!;

    public void Change(string value) => Value = value;
}
