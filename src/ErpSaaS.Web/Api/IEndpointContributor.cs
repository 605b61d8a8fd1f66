namespace ErpSaaS.Web.Api;

/// <summary>
/// A module's own endpoints, mapped with the app's pipeline (tenant resolution, authentication, localized errors):
/// API endpoints into the authenticated /api/v1 group, others (webhooks, file downloads) anywhere.
/// Register with <see cref="EndpointContributorExtensions.AddEndpointContributor{T}"/>.
/// </summary>
public interface IEndpointContributor
{
    void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api);
}

public static class EndpointContributorExtensions
{
    public static IServiceCollection AddEndpointContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, IEndpointContributor
    {
        services.AddSingleton<IEndpointContributor, TContributor>();
        return services;
    }
}
