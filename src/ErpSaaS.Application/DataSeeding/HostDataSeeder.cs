using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;

namespace ErpSaaS.DataSeeding;

/// <summary>Plans with their feature values (DOMAIN.md "Plans") and the platform operator's account.</summary>
public sealed class HostDataSeeder(IPlanRepository plans, TenantProvisioner provisioner, IUnitOfWork unitOfWork, ICurrentTenant currentTenant) : IDataSeeder
{
    public const string OperatorUserName = "admin";
    public const string OperatorPassword = "Admin123!";

    private static readonly (string Code, string En, string Zh, decimal Monthly, decimal Yearly, bool Trial, Dictionary<string, string> Features)[] Defaults =
    [
        (PlanCodes.Trial, "Trial", "试用版", 0m, 0m, true, Values(multiWarehouse: true, approvals: true, multiStep: true, production: true, finance: true, api: false, users: 5, warehouses: 3)),
        (PlanCodes.Starter, "Starter", "入门版", 299m, 2990m, false, Values(multiWarehouse: false, approvals: true, multiStep: false, production: false, finance: false, api: false, users: 3, warehouses: 1)),
        (PlanCodes.Standard, "Standard", "标准版", 899m, 8990m, false, Values(multiWarehouse: true, approvals: true, multiStep: true, production: false, finance: true, api: true, users: 20, warehouses: 5)),
        (PlanCodes.Professional, "Professional", "专业版", 2499m, 24990m, false, Values(multiWarehouse: true, approvals: true, multiStep: true, production: true, finance: true, api: true, users: 100, warehouses: 50)),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        using var host = currentTenant.Change(null);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            for (var i = 0; i < Defaults.Length; i++)
            {
                var d = Defaults[i];
                if (await plans.FindByCodeAsync(d.Code, ct) is not null) continue;
                var plan = new Plan(d.Code, d.En, d.Zh, d.Monthly, d.Yearly, (i + 1) * 10, d.Trial);
                foreach (var (name, value) in d.Features) plan.SetFeature(name, value);
                plans.Add(plan);
            }
            await provisioner.ProvisionHostAsync(new TenantAdminAccount(OperatorUserName, "operator@erpsaas.local", "Platform operator", OperatorPassword, "zh-Hans"));
            return true;
        }, cancellationToken);
    }

    private static Dictionary<string, string> Values(bool multiWarehouse, bool approvals, bool multiStep, bool production, bool finance, bool api, int users, int warehouses) => new()
    {
        [ErpFeatures.Trading] = "true",
        [ErpFeatures.MultiWarehouse] = Bool(multiWarehouse),
        [ErpFeatures.ApprovalFlows] = Bool(approvals),
        [ErpFeatures.ApprovalFlowsMultiStep] = Bool(multiStep),
        [ErpFeatures.Production] = Bool(production),
        [ErpFeatures.Finance] = Bool(finance),
        [ErpFeatures.ApiAccess] = Bool(api),
        [ErpFeatures.MaxUsers] = users.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [ErpFeatures.MaxWarehouses] = warehouses.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Bool(bool value) => value ? "true" : "false";
}
