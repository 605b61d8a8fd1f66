namespace ErpSaaS.Catalog;

/// <summary>Walks the category tree (id → parent) the way lists and filters need it.</summary>
public static class ProductCategoryTree
{
    /// <summary>
    /// The nodes depth first, siblings ordered by <paramref name="code"/>, each with its depth (0 at the top). A node whose
    /// parent is not among <paramref name="nodes"/> counts as a top node, so nothing is ever left out.
    /// </summary>
    public static IReadOnlyList<(T Node, int Depth)> DepthFirst<T>(IReadOnlyCollection<T> nodes, Func<T, Guid> id, Func<T, Guid?> parent, Func<T, string> code)
    {
        var ids = nodes.Select(id).ToHashSet();
        var children = nodes.Where(n => parent(n) is { } p && ids.Contains(p))
            .GroupBy(n => parent(n)!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(code, StringComparer.Ordinal).ToList());
        var ordered = new List<(T, int)>(nodes.Count);
        var visited = new HashSet<Guid>();
        var stack = new Stack<(T Node, int Depth)>();
        foreach (var top in nodes.Where(n => parent(n) is not { } p || !ids.Contains(p)).OrderByDescending(code, StringComparer.Ordinal))
        {
            stack.Push((top, 0));
        }
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (!visited.Add(id(node))) continue;
            ordered.Add((node, depth));
            if (!children.TryGetValue(id(node), out var below)) continue;
            for (var i = below.Count - 1; i >= 0; i--) stack.Push((below[i], depth + 1));
        }
        return ordered;
    }

    /// <summary><paramref name="root"/> and every category below it.</summary>
    public static IReadOnlySet<Guid> WithDescendants(IReadOnlyDictionary<Guid, Guid?> parents, Guid root)
    {
        var children = parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
        var found = new HashSet<Guid> { root };
        var pending = new Queue<Guid>([root]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var child in children[current].Where(found.Add)) pending.Enqueue(child);
        }
        return found;
    }

    /// <summary>Each category's own count plus those of every category below it (a product in 贴片电阻 counts for 电阻 and 电子元器件 too).</summary>
    public static IReadOnlyDictionary<Guid, int> WithDescendantTotals(IReadOnlyDictionary<Guid, Guid?> parents, IReadOnlyDictionary<Guid, int> own)
    {
        var totals = new Dictionary<Guid, int>();
        foreach (var (category, count) in own)
        {
            // A tree has no cycles (the manager refuses them); the step limit only keeps a damaged one from looping.
            Guid? node = category;
            for (var steps = 0; node is { } id && parents.ContainsKey(id) && steps <= parents.Count; node = parents[id], steps++)
            {
                totals[id] = totals.GetValueOrDefault(id) + count;
            }
        }
        return totals;
    }
}
