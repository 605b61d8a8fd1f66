using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;

namespace ErpSaaS.Sales;

public sealed class SalesInvoiceAppService(
    IPermissionChecker permissions, ISalesQueries queries, ISalesRepository documents, SalesManager manager, SalesActors actors, ICustomerRepository customers,
    CurrencyManager currencyManager, IUnitOfWork unitOfWork) : ISalesInvoiceAppService
{
    public async Task<PagedResult<SalesInvoiceSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForScreen();
        return await queries.GetInvoicesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesInvoiceSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForExport();
        return (await queries.GetInvoicesAsync(query, cancellationToken)).Items;
    }

    public async Task<SalesInvoiceDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var invoice = await queries.FindInvoiceAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesInvoice), id);
        return invoice with { BaseCurrencyCode = await currencyManager.GetBaseCurrencyAsync(cancellationToken) };
    }

    public async Task<Guid> CreateFromDeliveryAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var delivery = await documents.FindDeliveryAsync(deliveryId, ct) ?? throw new EntityNotFoundException(nameof(SalesDelivery), deliveryId);
            var order = await documents.GetOrderAsync(delivery.OrderId, ct);
            var customer = await customers.FindAsync(order.CustomerId, ct) ?? throw new EntityNotFoundException(nameof(Customer), order.CustomerId);
            return (await manager.CreateInvoiceAsync(order, delivery, customer, actor, ct)).Id;
        }, cancellationToken);
    }

    public async Task RecordReceiptAsync(Guid id, SalesReceiptInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var invoice = await documents.FindInvoiceAsync(id, ct) ?? throw new EntityNotFoundException(nameof(SalesInvoice), id);
            invoice.CheckVersion(input.Version);
            var amount = input.Amount ?? throw BusinessException.ForField(nameof(input.Amount), SalesErrorCodes.ReceiptAmountInvalid);
            invoice.RecordReceipt(amount, input.ReceivedOn ?? actor.Today, input.Method, input.Reference, actor);
            return true;
        }, cancellationToken);
    }
}
