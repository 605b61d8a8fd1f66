namespace ErpSaaS.Tenancy;

/// <summary>
/// Master data a module gives every new company while it is provisioned, sample data or not (the currencies it trades in).
/// Runs inside the provisioning transaction with the new tenant current; must keep what the company already has.
/// Register with <c>services.AddScoped&lt;ITenantDefaultsContributor, T&gt;()</c>.
/// </summary>
public interface ITenantDefaultsContributor
{
    Task ContributeAsync(Tenant tenant, string language, CancellationToken cancellationToken);
}
