using ErpSaaS.Analytics;
using ErpSaaS.Web.Api;

namespace ErpSaaS.Web.Analytics;

/// <summary><c>GET /api/v1/analytics/exceptions</c>: counts per kind and one page of the exceptions of a kind.</summary>
public sealed class AnalyticsApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api) =>
        api.MapGet("/analytics/exceptions", async (ExceptionKind? kind, int? page, int? pageSize, IExceptionListAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(new ExceptionListQuery { Kind = kind, Page = page ?? 1, PageSize = pageSize ?? ExceptionListQuery.DefaultPageSize }, ct)))
            .WithTags("Exceptions");
}
