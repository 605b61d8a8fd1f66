using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Openings;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class CreateModel(IOpeningBalanceAppService openings, IStockDocumentAppService documents)
    : StockDocumentCreatePageModel<OpeningBalanceInput, OpeningBalanceLineInput>(documents)
{
    protected override List<OpeningBalanceLineInput> LinesOf(OpeningBalanceInput input) => input.Lines;
    protected override void SetLines(OpeningBalanceInput input, List<OpeningBalanceLineInput> lines) => input.Lines = lines;
    protected override bool IsBlank(OpeningBalanceLineInput line) => line.IsBlank;
    protected override void SetRequestId(OpeningBalanceInput input, Guid requestId) => input.RequestId = requestId;

    protected override Task<Guid> CreateAsync(OpeningBalanceInput input, CancellationToken cancellationToken) =>
        openings.CreateAsync(input, cancellationToken);
}
