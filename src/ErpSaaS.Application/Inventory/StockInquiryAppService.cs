using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;

namespace ErpSaaS.Inventory;

/// <summary>Read side of stock in the current company: projections with paging, filtering and totals in SQL.</summary>
public interface IStockQueries
{
    Task<StockOnHandPageDto> GetOnHandAsync(StockOnHandQuery query, CancellationToken cancellationToken = default);
    Task<ProductStockDto?> FindProductAsync(Guid productId, CancellationToken cancellationToken = default);

    /// <param name="from">Entries posted at or after this instant.</param>
    /// <param name="before">Entries posted before this instant.</param>
    Task<PagedResult<StockMovementDto>> GetMovementsAsync(Guid productId, StockMovementQuery query, DateTimeOffset? from, DateTimeOffset? before, CancellationToken cancellationToken = default);

    /// <summary>Quantity and value per product and warehouse of every entry posted before <paramref name="before"/>.</summary>
    Task<(PagedResult<StockValueRowDto> Page, decimal TotalQuantity, decimal TotalValue)> GetValueAsync(StockValueQuery query, DateTimeOffset before, CancellationToken cancellationToken = default);
    Task<StockFilterOptionsDto> GetFilterOptionsAsync(CancellationToken cancellationToken = default);
    Task<StockVerificationRunDto?> FindLastVerificationAsync(CancellationToken cancellationToken = default);
}

public sealed class StockInquiryAppService(IPermissionChecker permissions, IStockQueries queries, ISettingStore settings, TimeProvider clock, IUnitOfWork unitOfWork) : IStockInquiryAppService
{
    public async Task<StockOnHandPageDto> GetOnHandAsync(StockOnHandQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForScreen();
        // A search's products, the figures and the page: several queries on one connection.
        return await unitOfWork.ReadAsync(ct => queries.GetOnHandAsync(query, ct), cancellationToken);
    }

    public async Task<IReadOnlyList<StockOnHandRowDto>> ExportOnHandAsync(StockOnHandQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForExport();
        return (await unitOfWork.ReadAsync(ct => queries.GetOnHandAsync(query, ct), cancellationToken)).Page.Items;
    }

    public async Task<ProductStockDto> GetProductAsync(Guid productId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.FindProductAsync(productId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Product), productId);
    }

    public async Task<PagedResult<StockMovementDto>> GetMovementsAsync(Guid productId, StockMovementQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForScreen();
        return await MovementsAsync(productId, query, cancellationToken);
    }

    public async Task<IReadOnlyList<StockMovementDto>> ExportMovementsAsync(Guid productId, StockMovementQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForExport();
        return (await MovementsAsync(productId, query, cancellationToken)).Items;
    }

    public async Task<StockValuePageDto> GetValueAsync(StockValueQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForScreen();
        return await ValueAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<StockValueRowDto>> ExportValueAsync(StockValueQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForExport();
        return (await ValueAsync(query, cancellationToken)).Page.Items;
    }

    public async Task<StockFilterOptionsDto> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.GetFilterOptionsAsync(cancellationToken);
    }

    private async Task<PagedResult<StockMovementDto>> MovementsAsync(Guid productId, StockMovementQuery query, CancellationToken cancellationToken)
    {
        if (await queries.FindProductAsync(productId, cancellationToken) is null) throw new EntityNotFoundException(nameof(Product), productId);
        var zone = await CompanyZoneAsync(cancellationToken);
        return await queries.GetMovementsAsync(productId, query,
            query.From is { } from ? StartOf(from, zone) : null, query.To is { } to ? StartOf(to.AddDays(1), zone) : null, cancellationToken);
    }

    private async Task<StockValuePageDto> ValueAsync(StockValueQuery query, CancellationToken cancellationToken)
    {
        var zone = await CompanyZoneAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var date = query.Date ?? today;
        if (date > today) throw BusinessException.ForField(nameof(StockValueQuery.Date), InventoryErrorCodes.ValueDateInFuture);
        var (page, quantity, value) = await queries.GetValueAsync(query, StartOf(date.AddDays(1), zone), cancellationToken);
        return new StockValuePageDto(date, page, quantity, value);
    }

    // Dates on the company's pages are the company's days: the day ends at midnight in its time zone.
    private async Task<TimeZoneInfo> CompanyZoneAsync(CancellationToken cancellationToken) =>
        TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public sealed class StockVerificationAppService(
    IPermissionChecker permissions, IStockQueries queries, StockVerification verification, IUnitOfWork unitOfWork) : IStockVerificationAppService
{
    public async Task<StockVerificationRunDto?> GetLastAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.FindLastVerificationAsync(cancellationToken);
    }

    public async Task<Guid> RunAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct => (await verification.RunAsync(StockVerificationTrigger.Manual, ct)).Id, cancellationToken);
    }
}
