using System.Security.Cryptography;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Signup;

/// <summary>
/// The sample data every installation has: a few colleagues in the seeded roles (without a usable password:
/// the admin can reset or deactivate them) and the company's address and phone.
/// </summary>
public sealed class CompanySampleData(TenantProvisioner provisioner, ISettingStore settings) : ISampleDataContributor
{
    public int Order => 0;

    public async Task ContributeAsync(SampleDataContext context, CancellationToken cancellationToken)
    {
        var chinese = context.Language.StartsWith("zh", StringComparison.Ordinal);
        (string UserName, string Name, string Role)[] colleagues = chinese
            ? [("sample.buyer", "李采购", StaticRoles.Purchaser), ("sample.sales", "张销售", StaticRoles.Salesperson), ("sample.keeper", "赵库管", StaticRoles.WarehouseKeeper)]
            : [("sample.buyer", "Bella Buyer", StaticRoles.Purchaser), ("sample.sales", "Sam Sales", StaticRoles.Salesperson), ("sample.keeper", "Kim Keeper", StaticRoles.WarehouseKeeper)];
        foreach (var (userName, name, role) in colleagues)
        {
            await provisioner.EnsureUserAsync(context.Tenant.Id,
                new TenantAdminAccount(userName, $"{userName}@example.com", name, UnguessablePassword(), context.Language), [role]);
        }
        await settings.SetAsync(ErpSettings.CompanyAddress, chinese ? "上海市浦东新区张江路 100 号" : "100 Zhangjiang Road, Pudong, Shanghai", cancellationToken);
        await settings.SetAsync(ErpSettings.CompanyPhone, "021-5080 0000", cancellationToken);
    }

    // Satisfies the password policy (upper, lower, digit) and is never shown to anyone.
    private static string UnguessablePassword() => "Sx1" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
