using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Transfers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class CreateModel(IStockTransferAppService transfers, IStockDocumentAppService documents)
    : StockDocumentCreatePageModel<StockTransferInput, StockTransferLineInput>(documents)
{
    protected override List<StockTransferLineInput> LinesOf(StockTransferInput input) => input.Lines;
    protected override void SetLines(StockTransferInput input, List<StockTransferLineInput> lines) => input.Lines = lines;
    protected override bool IsBlank(StockTransferLineInput line) => line.IsBlank;
    protected override void SetRequestId(StockTransferInput input, Guid requestId) => input.RequestId = requestId;

    protected override Task<Guid> CreateAsync(StockTransferInput input, CancellationToken cancellationToken) =>
        transfers.CreateAsync(input, cancellationToken);
}
