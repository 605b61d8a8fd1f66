using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.ImportExport.Catalog;

/// <summary>
/// The product category tree from a spreadsheet: code, name and parent code. A parent may be an existing category or
/// another row of the file, in any order (parents are saved first). The tree the file would make is checked as a
/// whole: no category under itself, none deeper than allowed. With "update existing" a row renames and moves the
/// category with its code. Saved through <see cref="ProductCategoryManager"/>.
/// </summary>
public sealed class ProductCategoryImportKind(ICatalogImportQueries queries, ProductCategoryManager manager, IProductCategoryRepository categories)
    : ImportKind<ProductCategoryImportKind.Values>
{
    public const string KindName = "product-categories";

    private const string Code = "code";
    private const string Name_ = "name";
    private const string ParentCode = "parent_code";

    private static readonly IReadOnlyList<ImportColumn> ColumnList =
    [
        new(Code, "ImportExport:Categories:Code", "ImportExport:Categories:Code:Hint", Required: true, Example: "RES"),
        new(Name_, "ImportExport:Categories:Name", Required: true, Example: "电阻"),
        new(ParentCode, "ImportExport:Categories:ParentCode", "ImportExport:Categories:ParentCode:Hint", Example: "ELEC"),
    ];

    public override string Name => KindName;
    public override string Permission => ErpPermissions.Trading.Catalog;
    public override string Feature => ErpFeatures.Trading;
    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    protected override string? ColumnOf(string? field) => field switch
    {
        nameof(ProductCategory.Code) => Code,
        nameof(ProductCategory.Name) => Name_,
        nameof(ProductCategory.ParentId) => ParentCode,
        _ => null,
    };

    protected override Values Parse(ImportCells cells) =>
        new() { Code = cells.Required(Code), Name = cells.Required(Name_), ParentCode = cells.Text(ParentCode) };

    protected override async Task CheckAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var existing = (await queries.GetCategoriesAsync(cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var codeOfId = existing.Values.ToDictionary(c => c.Id, c => c.Code);
        // The tree as the file would leave it: each category's parent code.
        var parentOf = existing.Values.ToDictionary(c => c.Code, c => c.ParentId is { } id ? codeOfId.GetValueOrDefault(id) : null, StringComparer.Ordinal);
        var rowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var values = row.Values;
            row.Key = values.Code;
            row.Label = values.Name;
            if (values.Code is { } code) Check(row, () => values.NormalizedCode = ProductCategory.NormalizeCode(code));
            if (values.Name is { } name)
            {
                Check(row, () => MasterDataCode.RequireName(name, ProductCategoryConsts.MaxNameLength, nameof(ProductCategory.Name), CatalogErrorCodes.CategoryNameRequired));
            }
            if (values.ParentCode is { } parent) Check(row, () => values.NormalizedParentCode = ProductCategory.NormalizeCode(parent));
            if (values.NormalizedCode is not { } normalized) continue;
            if (!rowOfCode.TryAdd(normalized, row.RowNumber))
            {
                row.Fail(Code, ImportExportErrorCodes.CodeDuplicateInFile, normalized, rowOfCode[normalized]);
                continue;
            }
            if (existing.TryGetValue(normalized, out var category))
            {
                if (run.UpdateExisting)
                {
                    row.Action = ImportRowAction.Update;
                    values.ExistingId = category.Id;
                }
                else
                {
                    row.Fail(Code, ImportExportErrorCodes.CodeExists, normalized);
                }
            }
            parentOf[normalized] = values.NormalizedParentCode;
        }
        var done = 0;
        foreach (var row in rows)
        {
            var values = row.Values;
            if (values.NormalizedParentCode is { } parent && !parentOf.ContainsKey(parent))
            {
                row.Fail(ParentCode, ImportExportErrorCodes.ParentCodeUnknown, parent);
            }
            else if (values.NormalizedCode is { } code && !row.HasErrors)
            {
                CheckPlaceInTree(row, code, parentOf);
            }
            await run.CheckedAsync(++done, cancellationToken);
        }
    }

    /// <summary>Walks up from the row's category: never back to itself (or round any loop), at most the allowed depth.</summary>
    private static void CheckPlaceInTree(ImportRow<Values> row, string code, Dictionary<string, string?> parentOf)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        var depth = 1;
        for (var current = parentOf.GetValueOrDefault(code); current is not null; current = parentOf.GetValueOrDefault(current))
        {
            if (!seen.Add(current))
            {
                row.Fail(ParentCode, CatalogErrorCodes.CategoryCycle);
                return;
            }
            if (++depth > ProductCategoryConsts.MaxDepth)
            {
                row.Fail(ParentCode, CatalogErrorCodes.CategoryTooDeep, ProductCategoryConsts.MaxDepth);
                return;
            }
        }
    }

    protected override async Task SaveAsync(IReadOnlyList<ImportRow<Values>> rows, ImportRunContext run, CancellationToken cancellationToken)
    {
        var idOfCode = (await queries.GetCategoriesAsync(cancellationToken)).ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var fileRows = rows.ToDictionary(r => r.Values.NormalizedCode!, StringComparer.Ordinal);
        await SaveEachAsync(rows.OrderBy(r => DepthInFile(r, fileRows)).ThenBy(r => r.RowNumber), run, async row =>
        {
            var values = row.Values;
            var parentId = values.NormalizedParentCode is { } parent ? idOfCode[parent] : (Guid?)null;
            if (row.Action == ImportRowAction.Update)
            {
                var category = await ExistingAsync(categories.FindAsync(values.ExistingId!.Value, cancellationToken));
                category.Rename(values.Name);
                await manager.MoveAsync(category, parentId, cancellationToken);
            }
            else
            {
                var category = await manager.CreateAsync(values.NormalizedCode, values.Name, parentId, cancellationToken);
                idOfCode[category.Code] = category.Id;
            }
        }, cancellationToken);
    }

    /// <summary>How many of the row's ancestors are rows of the file too: saving in this order creates parents first.</summary>
    private static int DepthInFile(ImportRow<Values> row, Dictionary<string, ImportRow<Values>> fileRows)
    {
        var depth = 0;
        for (var parent = row.Values.NormalizedParentCode; parent is not null && fileRows.TryGetValue(parent, out var parentRow); parent = parentRow.Values.NormalizedParentCode)
        {
            if (++depth > fileRows.Count) break;
        }
        return depth;
    }

    public sealed class Values
    {
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? ParentCode { get; init; }
        public string? NormalizedCode { get; set; }
        public string? NormalizedParentCode { get; set; }
        public Guid? ExistingId { get; set; }
    }
}
