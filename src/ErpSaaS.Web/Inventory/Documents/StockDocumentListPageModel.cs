using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Administration;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>The list of one kind of stock document: search by number or comment, filter by status, sort, page, export.</summary>
public abstract class StockDocumentListPageModel(IStockDocumentAppService documents, TimeProvider clock)
    : ListPageModel<StockDocumentListQuery, StockDocumentSummaryDto>(clock)
{
    public abstract StockDocumentKind Kind { get; }

    /// <summary>The heading of the column that tells documents of this kind apart.</summary>
    public string DetailHeaderKey => Kind switch
    {
        StockDocumentKind.Opening => "StockDocuments:Warehouses",
        StockDocumentKind.Transfer => "StockDocuments:Route",
        StockDocumentKind.Adjustment => "StockDocuments:Reason",
        _ => "StockDocuments:Warehouse",
    };

    public string DetailText(StockDocumentSummaryDto document) =>
        Kind == StockDocumentKind.Adjustment && document.Detail is { } reason ? L[$"AdjustmentReason:{reason}"].Value : document.Detail ?? string.Empty;

    protected override string ExportName => Kind switch
    {
        StockDocumentKind.Opening => "stock-openings",
        StockDocumentKind.Transfer => "stock-transfers",
        StockDocumentKind.Adjustment => "stock-adjustments",
        _ => "stock-counts",
    };

    protected override Task<PagedResult<StockDocumentSummaryDto>> GetPageAsync(StockDocumentListQuery query, CancellationToken cancellationToken) =>
        documents.GetListAsync(Kind, query, cancellationToken);

    protected override Task<IReadOnlyList<StockDocumentSummaryDto>> ExportAsync(StockDocumentListQuery query, CancellationToken cancellationToken) =>
        documents.ExportAsync(Kind, query, cancellationToken);

    protected override IEnumerable<CsvColumn<StockDocumentSummaryDto>> ExportColumns() =>
    [
        new(L["StockDocuments:Number"], d => d.Number),
        new(L["StockDocuments:Status"], d => L[$"StockDocumentStatus:{d.Status}"].Value),
        new(L[DetailHeaderKey], DetailText),
        new(L["StockDocuments:LineCount"], d => d.LineCount),
        new(L["StockDocuments:CreatedAt"], d => d.CreatedAt),
        new(L["StockDocuments:PostedAt"], d => d.PostedAt),
        new(L["StockDocuments:Comment"], d => d.Comment),
    ];
}
