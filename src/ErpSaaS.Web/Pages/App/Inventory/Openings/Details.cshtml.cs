using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Openings;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class DetailsModel(IOpeningBalanceAppService openings, IStockDocumentAppService documents)
    : StockDocumentDetailsPageModel<OpeningBalanceDto, OpeningBalanceInput, OpeningBalanceLineInput>(documents)
{
    protected override Task<OpeningBalanceDto> GetAsync(Guid id, CancellationToken cancellationToken) => openings.GetAsync(id, cancellationToken);
    protected override OpeningBalanceInput ToInput(OpeningBalanceDto document) => document.ToInput();
    protected override List<OpeningBalanceLineInput> LinesOf(OpeningBalanceInput input) => input.Lines;
    protected override void SetLines(OpeningBalanceInput input, List<OpeningBalanceLineInput> lines) => input.Lines = lines;
    protected override bool IsBlank(OpeningBalanceLineInput line) => line.IsBlank;

    protected override Task UpdateAsync(Guid id, OpeningBalanceInput input, CancellationToken cancellationToken) =>
        openings.UpdateAsync(id, input, cancellationToken);

    protected override Task PostAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken) =>
        openings.PostAsync(id, action, cancellationToken);

    protected override Task CancelAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken) =>
        openings.CancelAsync(id, action, cancellationToken);
}
