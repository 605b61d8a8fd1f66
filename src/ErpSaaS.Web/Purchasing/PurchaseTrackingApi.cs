using ErpSaaS.Purchasing;
using ErpSaaS.Web.Api;

namespace ErpSaaS.Web.Purchasing;

/// <summary><c>GET /api/v1/purchasing/tracking</c>: the purchase order tracking board (counts per stage and one page of orders).</summary>
public sealed class PurchaseTrackingApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api) =>
        api.MapGet("/purchasing/tracking", async (
                Guid? supplierId, Guid? warehouseId, PurchaseOrderStage? stage, bool? overdueOnly, bool? includeFinished, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, IPurchaseTrackingAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetBoardAsync(new PurchaseTrackingQuery
            {
                SupplierId = supplierId, WarehouseId = warehouseId, Stage = stage, OverdueOnly = overdueOnly ?? false, IncludeFinished = includeFinished ?? false,
                From = from, To = to, Page = page ?? 1, PageSize = pageSize ?? PurchaseTrackingQuery.DefaultPageSize,
            }, ct))).WithTags("Purchase order tracking");
}
