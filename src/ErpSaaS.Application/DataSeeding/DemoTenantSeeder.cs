using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;

namespace ErpSaaS.DataSeeding;

/// <summary>
/// The demo tenant "demo" (a small electronics trader) with an admin, a few colleagues in the seeded roles, company
/// settings, three warehouses (main, a second one, quarantine), an electronics catalog, customers and suppliers with
/// their prices, and posted opening stock, so a visitor can sign in and sell, buy and look around at once.
/// </summary>
public sealed class DemoTenantSeeder(
    ITenantRepository tenants, IPlanRepository plans, TenantManager tenantManager, TenantProvisioner provisioner,
    ISettingStore settings, WarehouseManager warehouses, CatalogStarterData catalogStarterData, ProductSampleData productSampleData, PartnersSampleData partnersSampleData,
    OpeningStockSampleData openingStock, IBillingRepository billing, TimeProvider clock, IUnitOfWork unitOfWork, ICurrentTenant currentTenant, ICurrentUser currentUser) : IDataSeeder
{
    public const string Slug = "demo";
    public const string AdminUserName = "admin";
    public const string Password = "Demo123!";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        using var host = currentTenant.Change(null);
        if (await tenants.FindBySlugAsync(Slug, cancellationToken) is not null) return;
        var company = await unitOfWork.InTransactionAsync(async ct =>
        {
            var plan = await plans.FindByCodeAsync(PlanCodes.Professional, ct) ?? throw new InvalidOperationException("Plans are not seeded.");
            var tenant = await tenantManager.CreateAsync("星辰电子贸易有限公司", Slug, plan.Id, trial: false, ct);
            billing.Add(Subscription.For(tenant, BillingInterval.Yearly, PaymentProvider.BankTransfer, clock.GetUtcNow()));
            var admin = await provisioner.ProvisionAsync(tenant, new TenantAdminAccount(AdminUserName, "admin@demo.erpsaas.local", "王经理", Password, "zh-Hans"), ct);
            using (currentTenant.Change(tenant.Id))
            {
                await provisioner.EnsureUserAsync(tenant.Id, new("buyer", "buyer@demo.erpsaas.local", "李采购", Password, "zh-Hans"), [StaticRoles.Purchaser]);
                await provisioner.EnsureUserAsync(tenant.Id, new("sales", "sales@demo.erpsaas.local", "张销售", Password, "zh-Hans"), [StaticRoles.Salesperson]);
                await provisioner.EnsureUserAsync(tenant.Id, new("keeper", "keeper@demo.erpsaas.local", "赵库管", Password, "zh-Hans"), [StaticRoles.WarehouseKeeper]);
                await provisioner.EnsureUserAsync(tenant.Id, new("finance", "finance@demo.erpsaas.local", "陈会计", Password, "en"), [StaticRoles.Accountant]);
                await settings.SetAsync(ErpSettings.CompanyTaxId, "91310000MA1K8XXXXX", ct);
                await settings.SetAsync(ErpSettings.CompanyAddress, "上海市浦东新区张江路 100 号", ct);
                await settings.SetAsync(ErpSettings.CompanyPhone, "021-5080 0000", ct);
                var main = await warehouses.CreateAsync(WarehouseConsts.DefaultCode, "主仓库", "上海市浦东新区张江路 100 号", isDefault: true, cancellationToken: ct);
                var second = await warehouses.CreateAsync("WH02", "上海二号仓", "上海市闵行区莘庄工业区春东路 58 号", cancellationToken: ct);
                await warehouses.CreateAsync("QC", "待检仓", "上海市浦东新区张江路 100 号", isQuarantine: true, cancellationToken: ct);
                await catalogStarterData.CreateAsync("zh-Hans", ct);
                // Saved while acting for the demo company: its rows belong to it (and row-level security agrees).
                await unitOfWork.SaveChangesAsync(ct);
                await productSampleData.CreateDemoCatalogAsync(ct);
                await unitOfWork.SaveChangesAsync(ct);
                await partnersSampleData.CreateAsync("zh-Hans", ct);
                await unitOfWork.SaveChangesAsync(ct);
                return (TenantId: tenant.Id, AdminId: admin.Id, MainWarehouseId: main.Id, SecondWarehouseId: second.Id);
            }
        }, cancellationToken);
        // The admin counts the stock in through the opening balance document a user would post, once the company is
        // committed: the plan and permission checks on the way read (and remember) the company as every request will.
        using (currentTenant.Change(company.TenantId))
        using (currentUser.Change(company.AdminId, AdminUserName))
        {
            await unitOfWork.InTransactionAsync(ct => openingStock.CreateDemoAsync(company.MainWarehouseId, company.SecondWarehouseId, ct), cancellationToken);
        }
    }
}
