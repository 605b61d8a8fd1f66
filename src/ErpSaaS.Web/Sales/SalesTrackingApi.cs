using ErpSaaS.Sales;
using ErpSaaS.Web.Api;

namespace ErpSaaS.Web.Sales;

/// <summary><c>GET /api/v1/sales/tracking</c>: the sales order tracking board (counts per stage and one page of orders).</summary>
public sealed class SalesTrackingApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api) =>
        api.MapGet("/sales/tracking", async (
                Guid? customerId, SalesOrderStage? stage, bool? overdueOnly, bool? includeFinished, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                ISalesTrackingAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetBoardAsync(new SalesTrackingQuery
            {
                CustomerId = customerId, Stage = stage, OverdueOnly = overdueOnly ?? false, IncludeFinished = includeFinished ?? false, From = from, To = to,
                Page = page ?? 1, PageSize = pageSize ?? SalesTrackingQuery.DefaultPageSize,
            }, ct))).WithTags("Sales order tracking");
}
