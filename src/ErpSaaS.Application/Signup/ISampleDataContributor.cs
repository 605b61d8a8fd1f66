using ErpSaaS.Identity;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Signup;

/// <summary>What a sample-data contributor works with: the new company, its admin and the language it chose.</summary>
public sealed record SampleDataContext(Tenant Tenant, AppUser Admin, string Language);

/// <summary>
/// Adds a module's sample data to a company that asked for it at sign-up (register with
/// <c>services.AddScoped&lt;ISampleDataContributor, T&gt;()</c>). Runs inside the sign-up transaction with the new tenant
/// as the current tenant, in <see cref="Order"/>: master data (catalog) before what uses it (stock, orders).
/// </summary>
public interface ISampleDataContributor
{
    int Order { get; }

    Task ContributeAsync(SampleDataContext context, CancellationToken cancellationToken);
}
