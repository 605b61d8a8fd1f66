using ErpSaaS.Tenancy;

namespace ErpSaaS.Web.Pages.Host;

internal static class TenantNames
{
    /// <summary>How operator lists name the tenants their rows belong to: by slug (host rows have no tenant).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> SlugsAsync(this ITenantStore tenants, IEnumerable<Guid?> tenantIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in tenantIds.OfType<Guid>().Distinct())
        {
            names[id] = (await tenants.FindAsync(id, cancellationToken))?.Slug ?? id.ToString();
        }
        return names;
    }
}
