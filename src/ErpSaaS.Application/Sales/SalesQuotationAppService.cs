using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;

namespace ErpSaaS.Sales;

public sealed class SalesQuotationAppService(
    IPermissionChecker permissions, ISalesQueries queries, ISalesRepository documents, SalesManager manager, SalesActors actors, SalesInputs inputs,
    IStockDocumentLookups lookups, IUnitOfWork unitOfWork) : ISalesQuotationAppService
{
    /// <summary>How long a quotation holds when the form leaves "valid until" empty.</summary>
    private const int DefaultValidityDays = 30;

    public async Task<PagedResult<SalesQuotationSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForScreen();
        return await queries.GetQuotationsAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesQuotationSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForExport();
        return (await queries.GetQuotationsAsync(query, cancellationToken)).Items;
    }

    public async Task<SalesQuotationDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await queries.FindQuotationAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesQuotation), id);
    }

    public async Task<Guid> CreateAsync(SalesQuotationInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var customer = await inputs.CustomerAsync(input.CustomerId, ct);
            var warehouseId = await inputs.WarehouseAsync(input.WarehouseId, ct);
            var lines = await inputs.LinesAsync(customer, input.Lines, actor.Today, ct);
            var quotation = await manager.CreateQuotationAsync(input.RequestId, customer, warehouseId, input.ValidUntil ?? actor.Today.AddDays(DefaultValidityDays),
                input.Comment, actor, ct);
            quotation.ReplaceLines(lines, actor);
            return quotation.Id;
        }, cancellationToken);
    }

    public async Task<Guid> ConvertAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var quotation = await documents.FindQuotationAsync(id, ct) ?? throw new EntityNotFoundException(nameof(SalesQuotation), id);
            quotation.CheckVersion(input.Version);
            var customer = await inputs.CustomerAsync(quotation.CustomerId, ct);
            var lines = new List<SalesLineDetails>();
            foreach (var line in quotation.Lines.OrderBy(l => l.LineNumber))
            {
                var product = await lookups.FindProductAsync(line.ProductId, ct) ?? throw new EntityNotFoundException(nameof(Catalog.Product), line.ProductId);
                lines.Add(new SalesLineDetails(product, line.Quantity, line.Unit, line.UnitPrice, line.DiscountPercent, line.TaxRate, null));
            }
            var order = await manager.CreateOrderAsync(Guid.Empty, customer, quotation.WarehouseId, quotation.Comment ?? quotation.Number, actor, ct);
            order.ReplaceLines(lines, actor);
            quotation.MarkConverted(order, actor);
            return order.Id;
        }, cancellationToken);
    }
}
