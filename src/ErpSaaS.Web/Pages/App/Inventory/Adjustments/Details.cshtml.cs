using ErpSaaS.Approvals;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Adjustments;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class DetailsModel(IStockAdjustmentAppService adjustments, IStockDocumentAppService documents, IApprovalRequests approvals)
    : StockDocumentDetailsPageModel<StockAdjustmentDto, StockAdjustmentInput, StockAdjustmentLineInput>(documents)
{
    /// <summary>The adjustment's latest approval request (who approved or rejected each step, when, why); null when none was needed.</summary>
    public ApprovalRequestDto? Approval { get; private set; }

    protected override async Task LoadMoreAsync(StockAdjustmentDto document, CancellationToken cancellationToken) =>
        Approval = await approvals.FindAsync(ApprovalDocumentType.StockAdjustment, document.Header.Id, cancellationToken);

    protected override async Task<string> PostedMessageKeyAsync(Guid id, CancellationToken cancellationToken) =>
        (await adjustments.GetAsync(id, cancellationToken)).Header.IsPendingApproval ? "StockDocuments:SubmittedForApproval" : "StockDocuments:PostedMessage";

    protected override Task<StockAdjustmentDto> GetAsync(Guid id, CancellationToken cancellationToken) => adjustments.GetAsync(id, cancellationToken);
    protected override StockAdjustmentInput ToInput(StockAdjustmentDto document) => document.ToInput();
    protected override List<StockAdjustmentLineInput> LinesOf(StockAdjustmentInput input) => input.Lines;
    protected override void SetLines(StockAdjustmentInput input, List<StockAdjustmentLineInput> lines) => input.Lines = lines;
    protected override bool IsBlank(StockAdjustmentLineInput line) => line.IsBlank;

    protected override Task UpdateAsync(Guid id, StockAdjustmentInput input, CancellationToken cancellationToken) =>
        adjustments.UpdateAsync(id, input, cancellationToken);

    protected override Task PostAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken) =>
        adjustments.PostAsync(id, action, cancellationToken);

    protected override Task CancelAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken) =>
        adjustments.CancelAsync(id, action, cancellationToken);
}
