using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseInvoiceAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchaseInvoiceQueries queries, IPurchasingRepository repository, PurchaseInvoicing invoicing,
    PurchasingManager manager, IApprovalRequests approvals, PurchasingActors actors, ISettingStore settings, ICurrencyConverter currencies, IUnitOfWork unitOfWork)
    : IPurchaseInvoiceAppService
{
    public async Task<PagedResult<PurchaseInvoiceSummaryDto>> GetListAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetInvoicesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<PurchaseInvoiceSummaryDto>> ExportAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetInvoicesAsync(query, cancellationToken)).Items;
    }

    public async Task<PurchaseInvoiceDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindInvoiceAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseInvoice), id);
    }

    public async Task<PurchaseInvoiceInput> NewForOrderAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var order = await repository.GetOrderAsync(purchaseOrderId, cancellationToken);
        if (order.Lines.All(l => l.InvoiceableQuantity == 0m)) throw new BusinessException(PurchasingErrorCodes.NothingToInvoice, order.Number);
        var actor = await actors.CurrentAsync(cancellationToken);
        return new PurchaseInvoiceInput
        {
            RequestId = Guid.NewGuid(), PurchaseOrderId = order.Id, InvoiceDate = actor.Today,
            Lines = [.. order.Lines.Where(l => l.InvoiceableQuantity > 0m).Select(l => new PurchaseInvoiceLineInput
            {
                OrderLineNumber = l.LineNumber, Quantity = decimal.Round(l.InvoiceableQuantity * l.Quantity / l.BaseQuantity, PurchasingConsts.QuantityScale),
                UnitPrice = l.UnitPrice,
            })],
        };
    }

    public async Task<Guid> CreateAsync(PurchaseInvoiceInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var orderId = input.PurchaseOrderId ?? throw BusinessException.ForField(nameof(input.PurchaseOrderId), PurchasingErrorCodes.OrderRequired);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var order = await repository.GetOrderAsync(orderId, ct);
            var invoice = await invoicing.CreateInvoiceAsync(input.RequestId, order, input.InvoiceDate, input.SupplierReference, input.Comment, Lines(input), actor, ct);
            return invoice.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, PurchaseInvoiceInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var invoice = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await repository.GetOrderAsync(invoice.PurchaseOrderId, ct);
            PurchaseInvoicing.ChangeInvoice(invoice, order, input.InvoiceDate, input.SupplierReference, input.Comment, Lines(input), actor);
            return true;
        }, cancellationToken);
    }

    public async Task SubmitAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var invoice = await LoadAsync(id, input.Version, cancellationToken);
        var tolerance = PurchasingSettings.PercentOf(await settings.GetAsync(PurchasingSettings.PriceTolerancePercent, cancellationToken));
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await repository.GetOrderAsync(invoice.PurchaseOrderId, ct);
            if (invoice.Submit(order, tolerance, actor))
            {
                invoice.Approve(order, actor);
                return true;
            }
            var supplier = await manager.SupplierAsync(invoice.SupplierId, ct);
            var result = await approvals.SubmitAsync(new ApprovalSubmission(ApprovalDocumentType.PurchaseInvoiceMismatch, invoice.Id, invoice.Number,
                $"{supplier.Code} {supplier.Name} · {order.Number} · {invoice.CurrencyCode} {invoice.TotalAmount:N2}", $"/app/purchasing/invoices/{invoice.Id}",
                new ApprovalFacts(Amount: invoice.TotalAmount, WarehouseId: order.WarehouseId)), ct);
            if (result == ApprovalSubmissionResult.Approved) invoice.Approve(order, actor);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var invoice = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            invoice.Cancel(input.Reason, actor);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>
    /// Records a payment and submits it to the company's payment flow: approved at once (no step applies) it counts as
    /// paid now; otherwise it waits for approval and counts for nothing until then.
    /// </summary>
    public async Task<PurchasePaymentStatus> PayAsync(Guid id, PurchasePaymentInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var invoice = await LoadAsync(id, input.Version, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var payment = invoice.RecordPayment(input.Amount, input.PaidOn, input.Method, input.Reference, actor);
            await SubmitPaymentAsync(invoice, payment, actor, ct);
            return payment.Status;
        }, cancellationToken);
    }

    /// <summary>A rejected payment corrected and submitted to the payment flow again.</summary>
    public async Task<PurchasePaymentStatus> ResubmitPaymentAsync(Guid id, Guid paymentId, PurchasePaymentInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var invoice = await LoadAsync(id, input.Version, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var payment = invoice.RevisePayment(paymentId, input.Amount, input.PaidOn, input.Method, input.Reference, actor);
            await SubmitPaymentAsync(invoice, payment, actor, ct);
            return payment.Status;
        }, cancellationToken);
    }

    /// <summary>Deletes a rejected payment that will not be made.</summary>
    public async Task DeletePaymentAsync(Guid id, Guid paymentId, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var invoice = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            invoice.DeletePayment(paymentId, actor);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>
    /// Puts a payment through the Payment flow: the amount its conditions compare is in the company's currency (at the
    /// payment day's rate), and approvers see supplier, amount and currency.
    /// </summary>
    private async Task SubmitPaymentAsync(PurchaseInvoice invoice, PurchasePayment payment, PurchasingActor actor, CancellationToken cancellationToken)
    {
        var supplier = await manager.SupplierAsync(invoice.SupplierId, cancellationToken);
        var amount = await currencies.ToBaseAsync(payment.Amount, invoice.CurrencyCode, payment.PaidOn, cancellationToken);
        var result = await approvals.SubmitAsync(new ApprovalSubmission(ApprovalDocumentType.Payment, payment.Id, payment.Number,
            $"{supplier.Code} {supplier.Name} · {invoice.CurrencyCode} {payment.Amount:N2}", $"/app/purchasing/invoices/{invoice.Id}#payment-{payment.Id}",
            new ApprovalFacts(Amount: amount)), cancellationToken);
        if (result == ApprovalSubmissionResult.Approved) invoice.ApprovePayment(payment.Id, actor);
    }

    public async Task<PurchaseOrderBalanceDto> GetOrderBalanceAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindOrderBalanceAsync(purchaseOrderId, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseOrder), purchaseOrderId);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Purchasing, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }


    private async Task<PurchaseInvoice> LoadAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var invoice = await repository.FindInvoiceAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseInvoice), id);
        invoice.CheckVersion(version);
        return invoice;
    }

    private static List<PurchaseInvoiceLineRequest> Lines(PurchaseInvoiceInput input) =>
        [.. input.Lines.Where(l => !l.IsBlank).Select(l => new PurchaseInvoiceLineRequest(l.OrderLineNumber, l.Quantity, l.UnitPrice))];
}

/// <summary>
/// Purchasing's side of the approval engine for invoices held by a mismatch, inside the decider's transaction: approved
/// makes the invoice payable (and may complete its order); rejected makes it a draft again with the reason, and gives
/// its quantities back to the order.
/// </summary>
public sealed class PurchaseInvoiceApprovalHandler(IPurchasingRepository repository, PurchasingActors actors) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.PurchaseInvoiceMismatch;

    public async Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        var (invoice, order) = await LoadAsync(decision, cancellationToken);
        invoice.Approve(order, await actors.OfAsync(decision, cancellationToken), decision.Comment);
    }

    public async Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        var (invoice, order) = await LoadAsync(decision, cancellationToken);
        invoice.Reject(order, await actors.OfAsync(decision, cancellationToken), decision.Comment);
    }

    private async Task<(PurchaseInvoice, PurchaseOrder)> LoadAsync(ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var invoice = await repository.FindInvoiceAsync(decision.DocumentId, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(PurchaseInvoice), decision.DocumentId);
        var order = await repository.GetOrderAsync(invoice.PurchaseOrderId, cancellationToken);
        return (invoice, order);
    }
}

/// <summary>
/// Purchasing's side of the approval engine for payments to suppliers, inside the decider's transaction: approved, the
/// payment counts as paid (and may make the invoice paid); rejected, it stays on the invoice as rejected with the
/// reason, to be corrected and submitted again or deleted.
/// </summary>
public sealed class PurchasePaymentApprovalHandler(IPurchasingRepository repository, PurchasingActors actors) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.Payment;

    public async Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        (await LoadAsync(decision, cancellationToken)).ApprovePayment(decision.DocumentId, await actors.OfAsync(decision, cancellationToken), decision.Comment);

    public async Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        (await LoadAsync(decision, cancellationToken)).RejectPayment(decision.DocumentId, await actors.OfAsync(decision, cancellationToken), decision.Comment);

    private async Task<PurchaseInvoice> LoadAsync(ApprovalDecision decision, CancellationToken cancellationToken) =>
        await repository.FindInvoiceOfPaymentAsync(decision.DocumentId, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(PurchasePayment), decision.DocumentId);
}

public sealed class PurchaseReturnAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchaseInvoiceQueries queries, IPurchasingRepository repository, PurchaseInvoicing invoicing,
    PurchasingActors actors, IUnitOfWork unitOfWork) : IPurchaseReturnAppService
{
    public async Task<PagedResult<PurchaseReturnSummaryDto>> GetListAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetReturnsAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<PurchaseReturnSummaryDto>> ExportAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetReturnsAsync(query, cancellationToken)).Items;
    }

    public async Task<PurchaseReturnDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindReturnAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseReturn), id);
    }

    public async Task<PurchaseReturnInput> NewForReceiptAsync(Guid goodsReceiptId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var receipt = await ReceiptAsync(goodsReceiptId, cancellationToken);
        if (receipt.Status != GoodsReceiptStatus.Posted) throw new BusinessException(PurchasingErrorCodes.ReceiptNotPosted, receipt.Number);
        return new PurchaseReturnInput
        {
            RequestId = Guid.NewGuid(), GoodsReceiptId = receipt.Id,
            Lines = [.. receipt.Lines.Where(l => l.BaseReturnable > 0m).Select(l => new PurchaseReturnLineInput { ReceiptLineNumber = l.LineNumber })],
        };
    }

    public async Task<Guid> CreateAsync(PurchaseReturnInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var receiptId = input.GoodsReceiptId ?? throw BusinessException.ForField(nameof(input.GoodsReceiptId), PurchasingErrorCodes.ReceiptLineUnknown, 0);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var receipt = await ReceiptAsync(receiptId, ct);
            var order = await repository.GetOrderAsync(receipt.PurchaseOrderId, ct);
            var lines = input.Lines.Where(l => !l.IsBlank).Select(l => (l.ReceiptLineNumber ?? 0, l.Quantity ?? 0m)).ToList();
            var made = await invoicing.ReturnAsync(input.RequestId, receipt, order, input.Reason, lines, actor, ct);
            return made.Id;
        }, cancellationToken);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Purchasing, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }

    private async Task<GoodsReceipt> ReceiptAsync(Guid id, CancellationToken cancellationToken) =>
        await repository.FindReceiptAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(GoodsReceipt), id);
}

public sealed class SupplierPerformanceAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchaseInvoiceQueries queries, PurchasingActors actors) : ISupplierPerformanceAppService
{
    public async Task<IReadOnlyList<SupplierPerformanceDto>> GetAsync(SupplierPerformanceQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Purchasing, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
        var today = (await actors.CurrentAsync(cancellationToken)).Today;
        var to = query.To ?? today;
        var from = query.From ?? to.AddDays(-(PurchasingConsts.PriceStabilityDays - 1));
        if (from > to) (from, to) = (to, from);
        var rows = await queries.GetSupplierPerformanceAsync(from, to, query.Search, cancellationToken);
        IEnumerable<SupplierPerformanceDto> sorted = query.Sort switch
        {
            "onTime" => query.Desc ? rows.OrderByDescending(r => r.OnTimeRatePercent) : rows.OrderBy(r => r.OnTimeRatePercent),
            "quality" => query.Desc ? rows.OrderByDescending(r => r.QualityPassRatePercent) : rows.OrderBy(r => r.QualityPassRatePercent),
            "price" => query.Desc ? rows.OrderByDescending(r => r.PriceVariationPercent) : rows.OrderBy(r => r.PriceVariationPercent),
            "receipts" => query.Desc ? rows.OrderByDescending(r => r.Receipts) : rows.OrderBy(r => r.Receipts),
            _ => query.Desc ? rows.OrderByDescending(r => r.SupplierCode, StringComparer.Ordinal) : rows.OrderBy(r => r.SupplierCode, StringComparer.Ordinal),
        };
        return [.. sorted];
    }

    public async Task<PagedResult<SupplierPerformanceDto>> GetListAsync(SupplierPerformanceQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForScreen();
        var all = await GetAsync(query, cancellationToken);
        return new PagedResult<SupplierPerformanceDto>([.. all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], all.Count, query.Page, query.PageSize);
    }
}
