using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Billing;

/// <summary>
/// The operator's plans editor. Everything is checked before anything changes; saving the plan drops the cached feature
/// sets (<see cref="FeatureCacheInvalidator"/>), so tenants on the plan get the new values at once.
/// </summary>
public sealed class PlanAdminAppService(IPermissionChecker permissions, IPlanRepository plans, IUnitOfWork unitOfWork) : IPlanAdminAppService
{
    public async Task<IReadOnlyList<PlanListItemDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        return (await plans.GetAllAsync(cancellationToken))
            .Select(p => new PlanListItemDto(p.Id, p.Code, p.NameEn, p.NameZh, p.MonthlyPrice, p.YearlyPrice, p.Currency, p.IsVisible, p.IsTrial, p.SortOrder))
            .ToList();
    }

    public async Task<(string Code, PlanEditInput Input)> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        var plan = await plans.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Plan), id);
        return (plan.Code, new PlanEditInput
        {
            NameEn = plan.NameEn, NameZh = plan.NameZh, MonthlyPrice = plan.MonthlyPrice, YearlyPrice = plan.YearlyPrice,
            StripeMonthlyPriceId = plan.StripeMonthlyPriceId, StripeYearlyPriceId = plan.StripeYearlyPriceId,
            IsVisible = plan.IsVisible, SortOrder = plan.SortOrder,
            Features = FeatureDefinitions.All.ToDictionary(d => d.Name, d => (string?)(plan.FindFeature(d.Name) ?? d.DefaultValue), StringComparer.Ordinal),
        });
    }

    public async Task UpdateAsync(Guid id, PlanEditInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.Billing, cancellationToken);
        var features = Validate(input);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var plan = await plans.FindAsync(id, ct) ?? throw new EntityNotFoundException(nameof(Plan), id);
            plan.Edit(input.NameEn!, input.NameZh!, input.MonthlyPrice, input.YearlyPrice, input.StripeMonthlyPriceId, input.StripeYearlyPriceId,
                input.IsVisible, input.SortOrder);
            foreach (var (name, value) in features) plan.SetFeature(name, value);
            return true;
        }, cancellationToken);
    }

    /// <summary>Every feature's normalized value; throws for the first wrong field, before anything is changed.</summary>
    private static List<(string Name, string Value)> Validate(PlanEditInput input)
    {
        if (string.IsNullOrWhiteSpace(input.NameEn)) throw BusinessException.ForField(nameof(input.NameEn), BillingErrorCodes.PlanNameRequired);
        if (string.IsNullOrWhiteSpace(input.NameZh)) throw BusinessException.ForField(nameof(input.NameZh), BillingErrorCodes.PlanNameRequired);
        if (input.NameEn.Trim().Length > Plan.MaxNameLength || input.NameZh.Trim().Length > Plan.MaxNameLength)
        {
            throw BusinessException.ForField(input.NameEn.Trim().Length > Plan.MaxNameLength ? nameof(input.NameEn) : nameof(input.NameZh),
                BillingErrorCodes.PlanNameRequired);
        }
        if (input.MonthlyPrice < 0) throw BusinessException.ForField(nameof(input.MonthlyPrice), BillingErrorCodes.PriceNegative);
        if (input.YearlyPrice < 0) throw BusinessException.ForField(nameof(input.YearlyPrice), BillingErrorCodes.PriceNegative);
        var values = new List<(string, string)>();
        foreach (var definition in FeatureDefinitions.All)
        {
            var raw = input.Features.GetValueOrDefault(definition.Name)?.Trim();
            var field = $"{nameof(input.Features)}[{definition.Name}]";
            if (definition.Type == FeatureValueType.Boolean)
            {
                values.Add((definition.Name, bool.TryParse(raw, out var on) && on ? "true" : "false"));
            }
            else if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                values.Add((definition.Name, limit.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                throw BusinessException.ForField(field, BillingErrorCodes.FeatureLimitInvalid);
            }
        }
        return values;
    }
}
