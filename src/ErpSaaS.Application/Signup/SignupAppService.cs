using System.Diagnostics;
using System.Net.Mail;
using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Localization;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace ErpSaaS.Signup;

/// <summary>
/// A new company signs itself up: checks the form, then in ONE transaction creates the tenant on the trial plan, its
/// subscription, roles, settings, admin and default warehouse, the sample data it asked for, queues the e-mail confirmation, and issues
/// the one-time code that signs the admin in on the company's subdomain. Anonymous by design (rate-limited in the web).
/// Always in the shared database: host and company rows in one transaction (nothing half-created), and no database is
/// created for an anonymous visitor; the operator may move the company to a database of its own later.
/// </summary>
public sealed class SignupAppService(
    IPlanRepository plans, ITenantRepository tenants, TenantManager tenantManager, TenantProvisioner provisioner,
    IBillingRepository billing, UserManager<AppUser> users, AccountEmails accountEmails, AccountLinks links,
    WelcomeSignInTokens welcome, WarehouseManager warehouses, CatalogStarterData catalogStarterData, IEnumerable<ISampleDataContributor> sampleData, ICurrentTenant currentTenant,
    IUnitOfWork unitOfWork, TimeProvider clock, ILogger<SignupAppService> logger) : ISignupAppService
{
    public async Task<IReadOnlyList<PricingPlanDto>> GetPricingAsync(CancellationToken cancellationToken = default)
    {
        using var host = currentTenant.Change(null);
        return (await plans.GetAllAsync(cancellationToken))
            .Where(p => p.IsVisible)
            .OrderBy(p => p.SortOrder)
            .Select(p => new PricingPlanDto(p.Code, p.NameEn, p.NameZh, p.MonthlyPrice, p.YearlyPrice, p.Currency, p.IsTrial,
                FeatureDefinitions.All.Select(d => new PricingFeatureDto(d.Name, d.DisplayKey, d.Type, p.FindFeature(d.Name) ?? d.DefaultValue)).ToList()))
            .ToList();
    }

    public async Task<SlugAvailability> CheckSlugAsync(string? slug, CancellationToken cancellationToken = default)
    {
        string normalized;
        try
        {
            normalized = Tenant.NormalizeSlug(slug);
        }
        catch (BusinessException error)
        {
            return error.Code == ErrorCodes.TenantSlugReserved ? SlugAvailability.Reserved : SlugAvailability.Invalid;
        }
        using var host = currentTenant.Change(null);
        return await tenants.SlugExistsAsync(normalized, cancellationToken) ? SlugAvailability.Taken : SlugAvailability.Available;
    }

    public async Task<SignupResult> SignUpAsync(SignupInput input, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (input.CompanyName?.Trim() is not { Length: > 0 and <= TenantConsts.MaxNameLength })
        {
            throw BusinessException.ForField(nameof(SignupInput.CompanyName), ErrorCodes.TenantNameRequired, TenantConsts.MaxNameLength);
        }
        var email = CheckEmail(input.Email);
        var displayName = input.DisplayName?.Trim() is { Length: > 0 and <= SignupConsts.MaxDisplayNameLength } name
            ? name : throw BusinessException.ForField(nameof(SignupInput.DisplayName), SignupErrorCodes.DisplayNameRequired, SignupConsts.MaxDisplayNameLength);
        var language = ErpLocalizationResources.SupportedCultures.FirstOrDefault(c => c == input.Language)
                       ?? throw BusinessException.ForField(nameof(SignupInput.Language), SignupErrorCodes.LanguageNotSupported, input.Language);
        await CheckPasswordAsync(email, input.Password);

        using var host = currentTenant.Change(null);
        var result = await unitOfWork.InTransactionAsync(async ct =>
        {
            var trialPlan = await plans.FindByCodeAsync(PlanCodes.Trial, ct) ?? throw new BusinessException(SignupErrorCodes.TrialPlanMissing);
            var tenant = await tenantManager.CreateAsync(input.CompanyName, input.Slug, trialPlan.Id, trial: true, ct);
            billing.Add(Subscription.For(tenant, BillingInterval.Monthly, PaymentProvider.None, clock.GetUtcNow()));
            var admin = await provisioner.ProvisionAsync(tenant, new TenantAdminAccount(email, email, displayName, input.Password, language), ct);
            using (currentTenant.Change(tenant.Id))
            {
                // The address is the user's own word until the link in the mail proves it.
                admin.EmailConfirmed = false;
                await users.UpdateAsync(admin);
                // Every company starts with one (default) warehouse, sample data or not.
                await warehouses.CreateDefaultAsync(language, ct);
                await catalogStarterData.CreateAsync(language, ct);
                if (input.LoadSampleData)
                {
                    var context = new SampleDataContext(tenant, admin, language);
                    foreach (var contributor in sampleData.OrderBy(c => c.Order))
                    {
                        await contributor.ContributeAsync(context, ct);
                    }
                }
                var link = await links.EmailConfirmationAsync(admin, tenant.Slug, ct);
                await accountEmails.QueueAsync(admin, "Email:ConfirmEmail", link, ct, tenant.Name);
                var welcomeCode = await welcome.IssueAsync(admin);
                return new SignupResult(tenant.Id, tenant.Slug, admin.Id, welcomeCode);
            }
        }, cancellationToken);
        logger.LogInformation("Signed up company {Slug} ({TenantId}) in {ElapsedMs} ms", result.Slug, result.TenantId,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static string CheckEmail(string? value)
    {
        var email = value?.Trim() ?? string.Empty;
        // The address is also the admin's user name: it must be one Identity accepts.
        if (email.Length > SignupConsts.MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            || !email.All(c => char.IsAsciiLetterOrDigit(c) || "-._@+".Contains(c, StringComparison.Ordinal)))
        {
            throw BusinessException.ForField(nameof(SignupInput.Email), SignupErrorCodes.EmailInvalid);
        }
        return email;
    }

    private async Task CheckPasswordAsync(string email, string? password)
    {
        var probe = new AppUser(null, email, email, email, ErpLocalizationResources.DefaultCulture, "Asia/Shanghai", clock.GetUtcNow());
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password ?? string.Empty);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0)
        {
            throw BusinessException.ForField(nameof(SignupInput.Password), SignupErrorCodes.PasswordRejected, string.Join(" ", errors));
        }
    }
}
