using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Web.Menu;

/// <summary>A group and its visible items, or a top-level item (<see cref="Group"/> null, one item).</summary>
public sealed record VisibleMenuEntry(MenuGroup? Group, IReadOnlyList<MenuItem> Items);

/// <summary>
/// The menu the current user sees: items of the current side (host or tenant) whose permission is granted and
/// whose feature the plan has, in order; groups only when something in them is visible.
/// </summary>
public sealed class MenuProvider(MenuDefinition definition, ICurrentTenant currentTenant, IPermissionChecker permissions, IFeatureChecker features)
{
    private IReadOnlyList<MenuItem>? _visible;

    public async Task<IReadOnlyList<MenuItem>> GetVisibleItemsAsync(CancellationToken cancellationToken = default)
    {
        if (_visible is not null) return _visible;
        var side = currentTenant.IsHost ? MenuSide.Host : MenuSide.Tenant;
        var visible = new List<MenuItem>();
        foreach (var item in definition.Items.Where(i => i.Side == side || i.Side == MenuSide.Both))
        {
            if (item.RequiredFeature is { } feature && !await features.IsEnabledAsync(feature, cancellationToken)) continue;
            if (item.RequiredPermission is { } permission && !await permissions.IsGrantedAsync(permission, cancellationToken)) continue;
            visible.Add(item);
        }
        return _visible = visible;
    }

    /// <summary>The menu as the sidebar draws it: entries ordered by their (first) item, grouped items together.</summary>
    public async Task<IReadOnlyList<VisibleMenuEntry>> GetMenuAsync(CancellationToken cancellationToken = default)
    {
        var items = await GetVisibleItemsAsync(cancellationToken);
        var groups = definition.Groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var topLevel = items.Where(i => i.Group is null).Select(i => (Order: i.Order, Entry: new VisibleMenuEntry(null, [i])));
        var grouped = items.Where(i => i.Group is not null)
            .GroupBy(i => i.Group!, StringComparer.Ordinal)
            .Select(g => (Order: groups[g.Key].Order, Entry: new VisibleMenuEntry(groups[g.Key], g.OrderBy(i => i.Order).ToList())));
        return topLevel.Concat(grouped).OrderBy(e => e.Order).Select(e => e.Entry).ToList();
    }
}

public static class MenuServiceCollectionExtensions
{
    /// <summary>Registers a module's menu entries.</summary>
    public static IServiceCollection AddMenuContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, IMenuContributor
    {
        services.AddSingleton<IMenuContributor, TContributor>();
        return services;
    }

    /// <summary>The menu definition (built once from every contributor) and the per-request provider.</summary>
    public static IServiceCollection AddErpMenu(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var menu = new MenuDefinition();
            foreach (var contributor in sp.GetServices<IMenuContributor>()) contributor.Contribute(menu);
            menu.Validate();
            return menu;
        });
        services.AddScoped<MenuProvider>();
        return services;
    }
}
