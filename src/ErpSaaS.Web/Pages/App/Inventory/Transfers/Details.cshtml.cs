using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Transfers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class DetailsModel(IStockTransferAppService transfers, IStockDocumentAppService documents)
    : StockDocumentDetailsPageModel<StockTransferDto, StockTransferInput, StockTransferLineInput>(documents)
{
    protected override Task<StockTransferDto> GetAsync(Guid id, CancellationToken cancellationToken) => transfers.GetAsync(id, cancellationToken);
    protected override StockTransferInput ToInput(StockTransferDto document) => document.ToInput();
    protected override List<StockTransferLineInput> LinesOf(StockTransferInput input) => input.Lines;
    protected override void SetLines(StockTransferInput input, List<StockTransferLineInput> lines) => input.Lines = lines;
    protected override bool IsBlank(StockTransferLineInput line) => line.IsBlank;

    protected override Task UpdateAsync(Guid id, StockTransferInput input, CancellationToken cancellationToken) =>
        transfers.UpdateAsync(id, input, cancellationToken);

    protected override Task PostAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken) =>
        transfers.PostAsync(id, action, cancellationToken);

    protected override Task CancelAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken) =>
        transfers.CancelAsync(id, action, cancellationToken);
}
