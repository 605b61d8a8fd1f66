namespace ErpSaaS.Web.Menu;

/// <summary>Which side of the platform an item belongs to: inside a tenant, the operator's host, or both.</summary>
public enum MenuSide
{
    Tenant = 0,
    Host = 1,
    Both = 2,
}

/// <summary>
/// One entry of the left menu. Shown only when the user holds <see cref="RequiredPermission"/> and the tenant's plan
/// has <see cref="RequiredFeature"/>; <see cref="Group"/> (a <see cref="MenuGroup"/> name) nests it, null keeps it at the top.
/// </summary>
public sealed record MenuItem(string TextKey, string Icon, string Url, MenuSide Side)
{
    public string? Group { get; init; }
    public int Order { get; init; }
    public string? RequiredPermission { get; init; }
    public string? RequiredFeature { get; init; }

    /// <summary>Whether the current request's path is this item's page or below it.</summary>
    public bool IsActiveFor(string path) => Url == "/"
        ? path == "/"
        : path.Equals(Url, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Url + "/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A heading that folds items of one module ("Menu:Group:Administration").</summary>
public sealed record MenuGroup(string Name, string TextKey, string Icon, int Order);

/// <summary>Each module describes its menu entries; <see cref="MenuProvider"/> shows the ones the user may reach.</summary>
public interface IMenuContributor
{
    void Contribute(MenuDefinition menu);
}

/// <summary>The whole menu as the modules described it, before permissions and features are applied.</summary>
public sealed class MenuDefinition
{
    private readonly Dictionary<string, MenuGroup> _groups = new(StringComparer.Ordinal);
    private readonly List<MenuItem> _items = [];

    public IReadOnlyCollection<MenuGroup> Groups => _groups.Values;
    public IReadOnlyList<MenuItem> Items => _items;

    /// <summary>Declares a group; several modules may declare the same one (the first declaration wins).</summary>
    public MenuDefinition Group(MenuGroup group)
    {
        _groups.TryAdd(group.Name, group);
        return this;
    }

    public MenuDefinition Item(MenuItem item)
    {
        _items.Add(item);
        return this;
    }

    /// <summary>Fails fast at startup when an item names a group nobody declared.</summary>
    public void Validate()
    {
        foreach (var item in _items.Where(i => i.Group is not null && !_groups.ContainsKey(i.Group)))
        {
            throw new InvalidOperationException($"Menu item {item.TextKey} names group {item.Group}, which no contributor declared.");
        }
    }
}
