using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Web.Tests.Inventory.Documents;

/// <summary>
/// A company for the stock document pages: warehouses WH01 and WH02, bin A-01 in WH01, products P-1 (barcode
/// 6901234567892) and MILK (batch tracked); an admin's client, forms posted the way the browser posts them.
/// </summary>
public sealed class StockDocumentPages
{
    private readonly AdminPagesFactory _factory;

    private StockDocumentPages(AdminPagesFactory factory, Guid tenant, Guid admin)
    {
        _factory = factory;
        Tenant = tenant;
        Admin = admin;
        Client = factory.ClientFor(tenant, admin);
    }

    public Guid Tenant { get; }
    public Guid Admin { get; }
    public HttpClient Client { get; }
    public Dictionary<string, Guid> Warehouses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Bins { get; } = new(StringComparer.Ordinal);

    public static async Task<StockDocumentPages> CreateAsync(AdminPagesFactory factory)
    {
        var tenant = await factory.Data.Given.Tenant("sdp-" + Guid.NewGuid().ToString("N")[..8]);
        var admin = await factory.Data.Given.User(tenant, "admin", StaticRoles.Admin);
        var company = new StockDocumentPages(factory, tenant, admin);
        await factory.Data.AsUserAsync(tenant, admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en", ct);
            var warehouses = sp.GetRequiredService<WarehouseManager>();
            var wh01 = await warehouses.CreateAsync("WH01", "Main", null, isDefault: true, cancellationToken: ct);
            var wh02 = await warehouses.CreateAsync("WH02", "Second", null, cancellationToken: ct);
            company.Warehouses["WH01"] = wh01.Id;
            company.Warehouses["WH02"] = wh02.Id;
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            company.Bins["A-01"] = (await sp.GetRequiredService<CatalogReferenceManager>().CreateLocationAsync(wh01.Id, "A-01", "Aisle A", ct)).Id;
            var products = sp.GetRequiredService<ProductManager>();
            await products.CreateAsync("P-1", new ProductDetails { Name = "Resistor 10k", BaseUnit = "PCS", Barcodes = ["6901234567892"], StandardCost = 2m }, ct);
            await products.CreateAsync("MILK", new ProductDetails { Name = "Milk", BaseUnit = "PCS", IsBatchTracked = true, ShelfLifeDays = 30 }, ct);
            return true;
        }));
        return company;
    }

    /// <summary>A colleague in no role at all: signed in, but without the Inventory permission.</summary>
    public async Task<HttpClient> OutsiderAsync()
    {
        var outsider = await _factory.Data.Given.User(Tenant, "outsider-" + Guid.NewGuid().ToString("N")[..4]);
        await _factory.Data.InScopeAsync(Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(outsider.ToString()))!, StaticRoles.Viewer);
        });
        return _factory.ClientFor(Tenant, outsider);
    }

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await AdminPagesFactory.HtmlAsync(response);
    }

    /// <summary>
    /// Posts a form of <paramref name="page"/> (drawn from <paramref name="pageUrl"/>) with every field it rendered, changed by
    /// <paramref name="changes"/> (null removes a field), to its action or, without one, back to the page; as the admin
    /// unless another colleague's <paramref name="client"/> is given.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string?>? changes = null,
        IReadOnlyDictionary<string, string>? headers = null, HttpClient? client = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.Where(o => o.IsSelected).Select(o => o.Value).ToList();
                    if (selected.Count == 0 && select.Options.Length > 0) selected.Add(select.Options[0]!.Value);
                    fields.AddRange(selected.Select(v => new KeyValuePair<string, string>(select.Name, v)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null) fields.Add(new(name, value));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } own ? own : pageUrl;
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string?, string?>(f.Key, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative));
        request.Content = content;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return await (client ?? Client).SendAsync(request);
    }

    /// <summary>(on hand, value) per "warehouse/bin or -/batch or -" of a product, from the ledger's balances.</summary>
    public Task<List<(string Place, decimal OnHand, decimal Value)>> BalancesAsync(string product) =>
        _factory.Data.InScopeAsync(Tenant, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var rows = await (from b in db.StockBalances.AsNoTracking()
                              join p in db.Products.IgnoreAutoIncludes() on b.ProductId equals p.Id
                              where p.Code == product && b.OnHand != 0m
                              join w in db.Warehouses on b.WarehouseId equals w.Id
                              from l in db.WarehouseLocations.Where(l => l.Id == b.LocationId).DefaultIfEmpty()
                              select new { Warehouse = w.Code, Location = l == null ? "-" : l.Code, b.BatchNumber, b.OnHand, b.Value }).ToListAsync();
            return rows.Select(r => ($"{r.Warehouse}/{r.Location}/{(r.BatchNumber.Length == 0 ? "-" : r.BatchNumber)}", r.OnHand, r.Value))
                .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
        });
}
