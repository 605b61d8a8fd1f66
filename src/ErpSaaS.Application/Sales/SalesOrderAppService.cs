using System.Globalization;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;

namespace ErpSaaS.Sales;

public sealed class SalesOrderAppService(
    IPermissionChecker permissions, ISalesQueries queries, ISalesRepository documents, SalesManager manager, SalesActors actors, ICustomerRepository customers,
    IWarehouseRepository warehouses, IStockDocumentLookups lookups, IPriceListPricing pricing, ITaxRateRepository taxRates, ISettingStore settings,
    SalesStock stock, SalesApprovals approvals, IUnitOfWork unitOfWork) : ISalesOrderAppService
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
        return await queries.FindOrderAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesOrder), id);
    }

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
            var customer = await CustomerAsync(input.CustomerId, ct);
            var warehouseId = await WarehouseAsync(input.WarehouseId, ct);
            var lines = await ResolveAsync(customer, input.Lines, actor.Today, ct);
            var order = await manager.CreateOrderAsync(input.RequestId, customer, warehouseId, input.Comment, actor, ct);
            order.ReplaceLines(lines, actor);
            return order.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, SalesOrderInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, cancellationToken);
        order.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var customer = await CustomerAsync(order.CustomerId, ct);
            var warehouseId = await WarehouseAsync(input.WarehouseId, ct);
            var lines = await ResolveAsync(customer, input.Lines, order.OrderDate, ct);
            order.ChangeHeader(warehouseId, input.Comment, actor);
            order.ReplaceLines(lines, actor);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesLineAvailabilityDto>> GetAvailabilityAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, cancellationToken);
        var result = new List<SalesLineAvailabilityDto>();
        foreach (var line in order.Lines) result.Add(await stock.AvailabilityAsync(order, line, await ProductCodeAsync(line, cancellationToken), actor.Today, cancellationToken));
        return result;
    }

    public async Task<SalesOrderStatus> ConfirmAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await LoadAsync(id, ct);
            order.CheckVersion(input.Version);
            if (order.IsDraft && await NeedsApprovalAsync(order, ct) is { } needs)
            {
                order.SubmitForApproval(needs.Discount, needs.Credit, actor);
                if (needs.Discount && await approvals.SubmitAsync(order, needs.Customer, SalesApprovalReason.Discount, needs.Exposure, ct))
                {
                    order.GrantApproval(SalesApprovalReason.Discount, actor, null);
                }
                if (needs.Credit && await approvals.SubmitAsync(order, needs.Customer, SalesApprovalReason.Credit, needs.Exposure, ct))
                {
                    order.GrantApproval(SalesApprovalReason.Credit, actor, null);
                }
                if (order.Status != SalesOrderStatus.Approved) return order.Status;
            }
            if (order.Status is not (SalesOrderStatus.Draft or SalesOrderStatus.Approved)) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, order.Number);
            var shortLines = await stock.TryReserveAsync(order, ct);
            if (shortLines.Count > 0)
            {
                var line = shortLines.OrderBy(l => l.LineNumber).First();
                throw SalesStock.Shortage(order, line, await stock.AvailabilityAsync(order, line, await ProductCodeAsync(line, ct), actor.Today, ct));
            }
            order.Confirm(actor);
            return order.Status;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await LoadAsync(id, ct);
            order.CheckVersion(input.Version);
            var pending = new[] { (SalesApprovalReason.Discount, order.DiscountApproval), (SalesApprovalReason.Credit, order.CreditApproval) }
                .Where(p => order.Status == SalesOrderStatus.PendingApproval && p.Item2 == SalesApprovalState.Pending).Select(p => p.Item1).ToList();
            order.Cancel(actor, input.Comment);
            await stock.ReleaseAllAsync(order, ct);
            foreach (var reason in pending) await approvals.WithdrawAsync(order, reason, ct);
            return true;
        }, cancellationToken);
    }

    private sealed record ApprovalNeeds(bool Discount, bool Credit, Customer Customer, decimal Exposure);

    private async Task<ApprovalNeeds?> NeedsApprovalAsync(SalesOrder order, CancellationToken cancellationToken)
    {
        var limit = decimal.Parse(await settings.GetAsync(SalesSettings.DiscountLimitPercent, cancellationToken), CultureInfo.InvariantCulture);
        var customer = await customers.FindAsync(order.CustomerId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Customer), order.CustomerId);
        var exposure = await documents.GetCreditExposureAsync(customer.Id, order.Id, cancellationToken) + order.TotalAmount;
        var discount = order.MaxDiscountPercent > limit;
        var credit = exposure > customer.CreditLimit;
        return discount || credit ? new ApprovalNeeds(discount, credit, customer, exposure) : null;
    }

    private async Task<Customer> CustomerAsync(Guid? customerId, CancellationToken cancellationToken)
    {
        if (customerId is not { } id) throw BusinessException.ForField(nameof(SalesOrderInput.CustomerId), SalesErrorCodes.CustomerRequired);
        return await customers.FindAsync(id, cancellationToken) is { IsActive: true } customer
            ? customer
            : throw BusinessException.ForField(nameof(SalesOrderInput.CustomerId), SalesErrorCodes.CustomerUnknown);
    }

    private async Task<Guid> WarehouseAsync(Guid? warehouseId, CancellationToken cancellationToken)
    {
        if (warehouseId is not { } id) throw BusinessException.ForField(nameof(SalesOrderInput.WarehouseId), SalesErrorCodes.WarehouseRequired);
        return await warehouses.FindAsync(id, cancellationToken) is { IsActive: true, IsQuarantine: false }
            ? id
            : throw BusinessException.ForField(nameof(SalesOrderInput.WarehouseId), SalesErrorCodes.WarehouseUnknown);
    }

    /// <summary>
    /// The lines as typed, each priced: the price entered, else the customer's price list for the quantity in base units
    /// on the order date (per base unit, times the unit's factor), else the product's sale price; the tax rate is the product's.
    /// </summary>
    private async Task<List<SalesLineDetails>> ResolveAsync(Customer customer, IReadOnlyList<SalesOrderLineInput> lines, DateOnly orderDate, CancellationToken cancellationToken)
    {
        SalesRules.CheckLineCount(lines.Count);
        var details = new List<SalesLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var field = SalesRules.Field(index, nameof(line.Product));
            if (string.IsNullOrWhiteSpace(line.Product)) throw BusinessException.ForField(field, SalesErrorCodes.ProductRequired);
            var product = await lookups.FindProductAsync(line.Product.Trim(), cancellationToken);
            if (product is not { IsActive: true }) throw BusinessException.ForField(field, SalesErrorCodes.ProductUnknown, line.Product.Trim());
            if (!product.IsStocked) throw BusinessException.ForField(field, SalesErrorCodes.ProductNotStocked, product.Code);
            var quantity = line.Quantity ?? throw BusinessException.ForField(SalesRules.Field(index, nameof(line.Quantity)), SalesErrorCodes.QuantityRequired);
            SalesRules.CheckQuantity(quantity, SalesRules.Field(index, nameof(line.Quantity)));
            var unit = string.IsNullOrWhiteSpace(line.Unit) ? product.BaseUnit : line.Unit.Trim().ToUpperInvariant();
            if (!product.Units.Contains(unit, StringComparer.Ordinal))
            {
                throw BusinessException.ForField(SalesRules.Field(index, nameof(line.Unit)), SalesErrorCodes.UnitNotConvertible, product.Code, unit);
            }
            var unitPrice = line.UnitPrice ?? decimal.Round(
                (await pricing.GetPriceAsync(customer.Id, product.Id, product.ToBaseQuantity(quantity, unit), orderDate, cancellationToken)).UnitPrice * product.FactorOf(unit),
                SalesConsts.UnitPriceScale, MidpointRounding.AwayFromZero);
            var taxRate = product.TaxRateId is { } taxRateId && await taxRates.FindAsync(taxRateId, cancellationToken) is { } rate ? rate.Rate : 0m;
            details.Add(new SalesLineDetails(product, quantity, unit, unitPrice, line.DiscountPercent ?? 0m, taxRate, line.PromisedDate));
        }
        return details;
    }

    private async Task<string> ProductCodeAsync(SalesOrderLine line, CancellationToken cancellationToken) =>
        (await lookups.FindProductAsync(line.ProductId, cancellationToken))?.Code ?? string.Empty;

    private async Task<SalesOrder> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await documents.FindOrderAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesOrder), id);
}
