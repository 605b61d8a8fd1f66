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
    SalesInputs inputs, IStockDocumentLookups lookups, ISettingStore settings, SalesStock stock, SalesApprovals approvals, IUnitOfWork unitOfWork) : ISalesOrderAppService
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
        var order = await LoadAsync(id, cancellationToken);
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

    private async Task<string> ProductCodeAsync(SalesOrderLine line, CancellationToken cancellationToken) =>
        (await lookups.FindProductAsync(line.ProductId, cancellationToken))?.Code ?? string.Empty;

    private async Task<SalesOrder> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await documents.FindOrderAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesOrder), id);
}
