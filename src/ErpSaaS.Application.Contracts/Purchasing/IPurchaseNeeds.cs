namespace ErpSaaS.Purchasing;

/// <summary>
/// How other modules ask purchasing to buy: a draft requisition for one product a document line is short of, raised
/// once per line (asking again returns the one already raised). Callers authorize their own user; purchasing checks
/// nothing more, because the requisition is only a draft a buyer still submits.
/// </summary>
public interface IPurchaseNeeds
{
    Task<RaisedPurchaseNeedDto> RaiseAsync(PurchaseNeedRequest request, CancellationToken cancellationToken = default);

    /// <summary>The requisitions raised for a document's lines, by line.</summary>
    Task<IReadOnlyList<RaisedPurchaseNeedDto>> GetRaisedAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default);
}

public sealed record PurchaseNeedRequest(
    Guid ProductId, string ProductCode, decimal Quantity, DateOnly NeededBy, Guid WarehouseId, string SourceType, Guid SourceId, string SourceNumber, int SourceLine);

public sealed record RaisedPurchaseNeedDto(int SourceLine, Guid RequisitionId, string RequisitionNumber, PurchaseRequisitionStatus Status, bool Created);
