namespace ErpSaaS.Common;

/// <summary>Which page of a list, sorted how. Lists derive their filters from it; pages bind it from the query string.</summary>
public class PageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>An export takes every row of the current filter, up to this many.</summary>
    public const int MaxExportRows = 10_000;

    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>A column key the list knows (unknown keys fall back to the list's default order).</summary>
    public string? Sort { get; set; }
    public bool Desc { get; set; }

    /// <summary>Keeps page and size within bounds a screen may ask for.</summary>
    public void ClampForScreen()
    {
        Page = Math.Max(1, Page);
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize);
    }

    /// <summary>Turns the request into "every row of this filter" for a file export.</summary>
    public void ClampForExport()
    {
        Page = 1;
        PageSize = MaxExportRows;
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}
