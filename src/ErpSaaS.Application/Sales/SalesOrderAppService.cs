using System.Globalization;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Settings;

namespace ErpSaaS.Sales;

public sealed class SalesOrderAppService(
    IPermissionChecker permissions, ISalesQueries queries, ISalesRepository documents, SalesManager manager, SalesActors actors, ICustomerRepository customers,
    SalesInputs inputs, IStockDocumentLookups lookups, ISettingStore settings, SalesStock stock, SalesApprovals approvals, SalesShortages shortages, IPurchaseNeeds needs,
    ICurrencyConverter currencies, CurrencyManager currencyManager, IUnitOfWork unitOfWork) : ISalesOrderAppService
{
    public async Task<PagedResult<SalesOrderSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForScreen();
        return await queries.GetOrdersAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesOrderSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForExport();
        return (await queries.GetOrdersAsync(query, cancellationToken)).Items;
    }

    public async Task<SalesOrderDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await unitOfWork.ReadAsync(async ct =>
        {
            var order = await queries.FindOrderAsync(id, ct) ?? throw new EntityNotFoundException(nameof(SalesOrder), id);
            return order with { BaseCurrencyCode = await currencyManager.GetBaseCurrencyAsync(ct) };
        }, cancellationToken);
    }

    public async Task<bool> BackOrdersAllowedAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await BackOrdersAllowedInternalAsync(cancellationToken);
    }

    private async Task<bool> BackOrdersAllowedInternalAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync(SalesSettings.BackOrders, cancellationToken) != SalesSettings.BackOrdersNotAllowed;

    public async Task<SalesOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await queries.GetOptionsAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(SalesOrderInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var customer = await inputs.CustomerAsync(input.CustomerId, ct);
            var warehouseId = await inputs.WarehouseAsync(input.WarehouseId, ct);
            var lines = await inputs.LinesAsync(customer, input.Lines, actor.Today, ct);
            var order = await manager.CreateOrderAsync(input.RequestId, customer, warehouseId, input.Comment, actor, ct);
            order.ReplaceLines(lines, actor);
            return order.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, SalesOrderInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await documents.GetOrderAsync(id, cancellationToken);
        order.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var customer = await inputs.CustomerAsync(order.CustomerId, ct);
            var warehouseId = await inputs.WarehouseAsync(input.WarehouseId, ct);
            var lines = await inputs.LinesAsync(customer, input.Lines, order.OrderDate, ct);
            order.ChangeHeader(warehouseId, input.Comment, actor);
            order.ReplaceLines(lines, actor);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesLineAvailabilityDto>> GetAvailabilityAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await documents.GetOrderAsync(id, cancellationToken);
        var result = new List<SalesLineAvailabilityDto>();
        foreach (var line in order.Lines) result.Add(await stock.AvailabilityAsync(order, line, await ProductCodeAsync(line, cancellationToken), actor.Today, cancellationToken));
        return result;
    }

    public async Task<SalesOrderStatus> ConfirmAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        try
        {
            return await ConfirmInTransactionAsync(id, input, actor, cancellationToken);
        }
        catch (StockRefusal refusal)
        {
            // The confirmation is rolled back and the products' locks released: the figures the refusal shows (available
            // now, the day supply covers the line) and the requisitions are worked out afterwards, reads that wait for no one.
            throw await unitOfWork.ReadAsync(ct => RefusalAsync(refusal.Order, refusal.Lines, actor.Today, ct), cancellationToken);
        }
    }

    /// <summary>
    /// Why an order was refused: its first short line (by line number) with the stock figures as they are now. With the
    /// automatic shortage action the short lines' requisitions are raised in a unit of work of their own (the buyer's cue).
    /// </summary>
    private async Task<BusinessException> RefusalAsync(SalesOrder order, IReadOnlyList<SalesOrderLine> refused, DateOnly today, CancellationToken cancellationToken)
    {
        var line = refused.OrderBy(l => l.LineNumber).First();
        var shortage = SalesStock.Shortage(order, line, await stock.AvailabilityAsync(order, line, await ProductCodeAsync(line, cancellationToken), today, cancellationToken));
        if (await shortages.ActionAsync(cancellationToken) == ShortageAction.Automatic
            && await shortages.ShortLinesAsync(order, refused, today, cancellationToken) is { Count: > 0 } shortLines)
        {
            await shortages.RaiseApartAsync(order, shortLines, await ProductCodesAsync(order, cancellationToken), cancellationToken);
        }
        return shortage;
    }

    /// <summary>Rolls the confirmation back when some line is short; carries the order and its short lines (product order) out of the transaction.</summary>
    private sealed class StockRefusal(SalesOrder order, IReadOnlyList<SalesOrderLine> lines) : Exception
    {
        public SalesOrder Order { get; } = order;

        public IReadOnlyList<SalesOrderLine> Lines { get; } = lines;
    }

    private async Task<SalesOrderStatus> ConfirmInTransactionAsync(Guid id, SalesActionInput input, SalesActor actor, CancellationToken cancellationToken)
    {
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (input.BackOrder && !await BackOrdersAllowedInternalAsync(ct))
            {
                throw BusinessException.ForField(nameof(SalesActionInput.BackOrder), SalesErrorCodes.BackOrdersNotAllowed);
            }
            var order = await documents.GetOrderAsync(id, ct);
            order.CheckVersion(input.Version);
            if (order.IsDraft) order.FixExchangeRate(await RateAsync(order.CurrencyCode, actor.Today, ct));
            if (order.IsDraft && await NeedsApprovalAsync(order, actor.Today, ct) is { } needs)
            {
                order.SubmitForApproval(needs.Discount, needs.Credit, actor);
                var customer = await customers.FindTermsAsync(order.CustomerId, ct) ?? throw new EntityNotFoundException(nameof(Customer), order.CustomerId);
                if (needs.Discount && await approvals.SubmitAsync(order, customer, SalesApprovalReason.Discount, needs.Exposure, ct))
                {
                    order.GrantApproval(SalesApprovalReason.Discount, actor, null);
                }
                if (needs.Credit && await approvals.SubmitAsync(order, customer, SalesApprovalReason.Credit, needs.Exposure, ct))
                {
                    order.GrantApproval(SalesApprovalReason.Credit, actor, null);
                }
                if (order.Status != SalesOrderStatus.Approved) return order.Status;
            }
            if (order.Status is not (SalesOrderStatus.Draft or SalesOrderStatus.Approved)) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, order.Number);
            if (input.BackOrder)
            {
                order.ConfirmWithBackOrder(await stock.ReserveAvailableAsync(order, ct), actor);
                var backOrdered = order.Lines.Where(l => l.BackOrderedQuantity > 0m).ToList();
                if (backOrdered.Count > 0 && await shortages.ActionAsync(ct) == ShortageAction.Automatic)
                {
                    // The confirmation stands, so the requisitions for what waits are raised in its transaction (once per line).
                    var shortLines = await shortages.ShortLinesAsync(order, backOrdered, actor.Today, ct);
                    if (shortLines.Count > 0) await shortages.RaiseAsync(order, shortLines, await ProductCodesAsync(order, ct), ct);
                }
                return order.Status;
            }
            var refused = await stock.TryReserveAsync(order, ct);
            if (refused.Count > 0) throw new StockRefusal(order, refused);
            order.Confirm(actor);
            return order.Status;
        }, cancellationToken);
    }

    public async Task<(ShortageAction Action, IReadOnlyList<SalesShortLineDto> Lines)> GetShortagesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await documents.GetOrderAsync(id, cancellationToken);
        return (await shortages.ActionAsync(cancellationToken), await ShortagesAsync(order, actor.Today, cancellationToken));
    }

    public async Task<IReadOnlyList<SalesShortLineDto>> RaisePurchaseNeedsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await documents.GetOrderAsync(id, ct);
            if (!MayBeShort(order)) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, order.Number);
            var shortLines = await shortages.ShortLinesAsync(order, ShortCandidates(order), actor.Today, ct);
            if (shortLines.Count == 0) throw new BusinessException(SalesErrorCodes.NothingShort, order.Number);
            await shortages.RaiseAsync(order, shortLines, await ProductCodesAsync(order, ct), ct);
            return await ShortagesAsync(order, actor.Today, ct);
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<SalesShortLineDto>> ShortagesAsync(SalesOrder order, DateOnly today, CancellationToken cancellationToken)
    {
        if (!MayBeShort(order)) return [];
        var shortLines = await shortages.ShortLinesAsync(order, ShortCandidates(order), today, cancellationToken);
        var raised = await needs.GetRaisedAsync(SalesConsts.OrderSource, order.Id, cancellationToken);
        var codes = await ProductCodesAsync(order, cancellationToken);
        return [.. shortLines.Select(s => (s.Line, s.Short, Raised: raised.FirstOrDefault(r => r.SourceLine == s.Line.LineNumber)))
            .Select(s => new SalesShortLineDto(s.Line.LineNumber, codes[s.Line.ProductId], s.Short, s.Line.PromisedDate, s.Raised?.RequisitionId, s.Raised?.RequisitionNumber))];
    }

    /// <summary>An order with nothing reserved yet, or an open order with a back order: its lines may be short.</summary>
    private static bool MayBeShort(SalesOrder order) =>
        order.Status is SalesOrderStatus.Draft or SalesOrderStatus.PendingApproval or SalesOrderStatus.Approved || order.IsBackOrdered;

    /// <summary>Every line before confirmation; afterwards only the back-ordered ones (the rest is reserved).</summary>
    private static IEnumerable<SalesOrderLine> ShortCandidates(SalesOrder order) => order.IsOpen ? order.Lines.Where(l => l.BackOrderedQuantity > 0m) : order.Lines;

    public async Task<SalesBackOrderResultDto> ReserveBackOrdersAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await documents.GetOrderAsync(id, ct);
            if (!order.IsBackOrdered) throw new BusinessException(SalesErrorCodes.NothingBackOrdered, order.Number);
            var reserved = await stock.ReserveBackOrdersAsync(order, order.Lines, ct);
            if (reserved.Count == 0) throw new BusinessException(SalesErrorCodes.NothingAvailableForBackOrder, order.Number);
            order.RecordBackOrderReserved(reserved, null, actor);
            return new SalesBackOrderResultDto(reserved.Sum(r => r.Quantity), order.BackOrderedQuantity);
        }, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> ProductCodesAsync(SalesOrder order, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<Guid, string>();
        foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
        {
            codes[productId] = (await lookups.FindProductAsync(productId, cancellationToken))?.Code ?? string.Empty;
        }
        return codes;
    }

    public async Task CancelAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await documents.GetOrderAsync(id, ct);
            order.CheckVersion(input.Version);
            var pending = new[] { (SalesApprovalReason.Discount, order.DiscountApproval), (SalesApprovalReason.Credit, order.CreditApproval) }
                .Where(p => order.Status == SalesOrderStatus.PendingApproval && p.Item2 == SalesApprovalState.Pending).Select(p => p.Item1).ToList();
            order.Cancel(actor, input.Comment);
            await stock.ReleaseAllAsync(order, ct);
            foreach (var reason in pending) await approvals.WithdrawAsync(order, reason, ct);
            return true;
        }, cancellationToken);
    }

    public async Task<Guid> AmendAsync(Guid id, SalesAmendInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await documents.GetOrderAsync(id, ct);
            order.CheckVersion(input.Version);
            var customer = await customers.FindAsync(order.CustomerId, ct) ?? throw new EntityNotFoundException(nameof(Customer), order.CustomerId);
            var lines = new List<SalesLineDetails>(order.Lines.Count);
            foreach (var line in order.Lines.OrderBy(l => l.LineNumber))
            {
                var product = await lookups.FindProductAsync(line.ProductId, ct) ?? throw new EntityNotFoundException(nameof(Product), line.ProductId);
                lines.Add(new SalesLineDetails(product, line.Quantity, line.Unit, line.UnitPrice, line.DiscountPercent, line.TaxRate, line.PromisedDate));
            }
            var replacement = await manager.AmendOrderAsync(order, customer, lines, input.Reason, actor, ct);
            // Exactly as cancelling: what the original reserved is free again; the copy reserves when it is confirmed.
            await stock.ReleaseAllAsync(order, ct);
            return replacement.Id;
        }, cancellationToken);
    }

    private sealed record ApprovalNeeds(bool Discount, bool Credit, decimal Exposure);

    /// <summary>
    /// Discount above the company's limit, or credit: everything is compared in the company's base currency. The
    /// exposure (open invoices and committed orders, each at its order's rate, plus this order at the rate just fixed)
    /// against the credit limit, which is set in the customer's currency and converted at today's rate.
    /// </summary>
    private async Task<ApprovalNeeds?> NeedsApprovalAsync(SalesOrder order, DateOnly today, CancellationToken cancellationToken)
    {
        var limit = decimal.Parse(await settings.GetAsync(SalesSettings.DiscountLimitPercent, cancellationToken), CultureInfo.InvariantCulture);
        var credit = await documents.GetCreditPositionAsync(order.CustomerId, order.Id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Customer), order.CustomerId);
        var exposure = credit.Exposure + order.BaseTotalAmount!.Value;
        var creditLimit = SalesRules.Money(credit.CreditLimit * await RateAsync(credit.CurrencyCode, today, cancellationToken));
        var overDiscount = order.MaxDiscountPercent > limit;
        var overCredit = exposure > creditLimit;
        return overDiscount || overCredit ? new ApprovalNeeds(overDiscount, overCredit, exposure) : null;
    }

    /// <summary>The rate to the base currency in force on the day; none is a refusal next to the order's currency.</summary>
    private async Task<decimal> RateAsync(string currencyCode, DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            return await currencies.GetRateAsync(currencyCode, day, cancellationToken);
        }
        catch (BusinessException missing) when (missing.Code == PartnerErrorCodes.ExchangeRateMissing)
        {
            throw BusinessException.ForField(nameof(SalesOrderDto.CurrencyCode), SalesErrorCodes.ExchangeRateMissing, [.. missing.Args]);
        }
    }

    private async Task<string> ProductCodeAsync(SalesOrderLine line, CancellationToken cancellationToken) =>
        (await lookups.FindProductAsync(line.ProductId, cancellationToken))?.Code ?? string.Empty;

}
