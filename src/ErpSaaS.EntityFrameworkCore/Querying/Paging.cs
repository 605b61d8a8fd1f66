using System.Linq.Expressions;
using ErpSaaS.Common;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Querying;

/// <summary>
/// The columns a list may be sorted by, keyed as the page names them. Unknown keys fall back to the default;
/// a unique tiebreaker keeps pages stable when many rows share a sort value.
/// </summary>
internal sealed class SortMap<T>(string defaultKey, bool defaultDescending, Expression<Func<T, Guid>> tiebreaker)
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);

    public SortMap<T> Add<TKey>(string key, Expression<Func<T, TKey>> selector)
    {
        _columns[key] = (query, descending) => descending ? query.OrderByDescending(selector) : query.OrderBy(selector);
        return this;
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, string? key, bool descending)
    {
        var known = key is not null && _columns.ContainsKey(key);
        var direction = known ? descending : defaultDescending;
        var ordered = _columns[known ? key! : defaultKey](query, direction);
        // Ids are UUID v7 (time-ordered): ties follow the same direction, so "newest first" stays newest first.
        return direction ? ordered.ThenByDescending(tiebreaker) : ordered.ThenBy(tiebreaker);
    }
}

internal static class Paging
{
    /// <summary>Counts the filtered rows, then fetches one page and projects it, all in SQL.</summary>
    public static async Task<PagedResult<TResult>> ToPageAsync<T, TResult>(
        this IOrderedQueryable<T> query, PageRequest request, Expression<Func<T, TResult>> projection, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(request.PageSize, 1, PageRequest.MaxExportRows);
        var page = Math.Max(1, request.Page);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * size).Take(size).Select(projection).ToListAsync(cancellationToken);
        return new PagedResult<TResult>(items, total, page, size);
    }

    /// <summary>An ILIKE pattern matching <paramref name="text"/> anywhere, with LIKE's wildcards taken literally.</summary>
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>PostgreSQL timestamptz parameters must be UTC.</summary>
    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();
}
