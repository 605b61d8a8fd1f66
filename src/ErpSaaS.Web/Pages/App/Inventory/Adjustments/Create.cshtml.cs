using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Adjustments;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class CreateModel(IStockAdjustmentAppService adjustments, IStockDocumentAppService documents)
    : StockDocumentCreatePageModel<StockAdjustmentInput, StockAdjustmentLineInput>(documents)
{
    protected override List<StockAdjustmentLineInput> LinesOf(StockAdjustmentInput input) => input.Lines;
    protected override void SetLines(StockAdjustmentInput input, List<StockAdjustmentLineInput> lines) => input.Lines = lines;
    protected override bool IsBlank(StockAdjustmentLineInput line) => line.IsBlank;
    protected override void SetRequestId(StockAdjustmentInput input, Guid requestId) => input.RequestId = requestId;

    protected override Task<Guid> CreateAsync(StockAdjustmentInput input, CancellationToken cancellationToken) =>
        adjustments.CreateAsync(input, cancellationToken);
}
