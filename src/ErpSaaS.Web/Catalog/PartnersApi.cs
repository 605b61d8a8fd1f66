using ErpSaaS.Catalog;
using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSaaS.Web.Catalog;

/// <summary>
/// Customers, suppliers, price lists, currencies and exchange rates under /api/v1, mirroring the application services
/// (which authorize): lists with the pages' filters, details, create/update with field errors as problem+json, the
/// price a customer pays and the rate on a day.
/// </summary>
public sealed class PartnersApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", (string? search, CustomerGrade? grade, string? currency, bool? includeInactive, int? page, int? pageSize, string? sort, bool? desc,
                ICustomerAppService service, CancellationToken ct) =>
            service.GetListAsync(Paged(new CustomerListQuery { Search = search, Grade = grade, Currency = currency, IncludeInactive = includeInactive ?? false },
                page, pageSize, sort, desc), ct)).WithName("ListCustomers");
        customers.MapGet("/{id:guid}", (Guid id, ICustomerAppService service, CancellationToken ct) => service.GetAsync(id, ct)).WithName("GetCustomer");
        customers.MapPost("/", CreateCustomerAsync).WithName("CreateCustomer");
        customers.MapPut("/{id:guid}", async (Guid id, CustomerInput input, ICustomerAppService service, CancellationToken ct) =>
        {
            await service.UpdateAsync(id, input, ct);
            return TypedResults.NoContent();
        }).WithName("UpdateCustomer");
        customers.MapPost("/{id:guid}/deactivate", async (Guid id, ICustomerAppService service, CancellationToken ct) =>
        {
            await service.DeactivateAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeactivateCustomer");
        customers.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput input, ICustomerAppService service, CancellationToken ct) =>
            TypedResults.Ok(new { id = await service.AddContactAsync(id, input, ct) })).WithName("AddCustomerContact");

        var suppliers = api.MapGroup("/suppliers").WithTags("Suppliers");
        suppliers.MapGet("/", (string? search, string? currency, bool? includeInactive, int? page, int? pageSize, string? sort, bool? desc,
                ISupplierAppService service, CancellationToken ct) =>
            service.GetListAsync(Paged(new SupplierListQuery { Search = search, Currency = currency, IncludeInactive = includeInactive ?? false },
                page, pageSize, sort, desc), ct)).WithName("ListSuppliers");
        suppliers.MapGet("/{id:guid}", (Guid id, ISupplierAppService service, CancellationToken ct) => service.GetAsync(id, ct)).WithName("GetSupplier");
        suppliers.MapPost("/", CreateSupplierAsync).WithName("CreateSupplier");
        suppliers.MapPut("/{id:guid}", async (Guid id, SupplierInput input, ISupplierAppService service, CancellationToken ct) =>
        {
            await service.UpdateAsync(id, input, ct);
            return TypedResults.NoContent();
        }).WithName("UpdateSupplier");
        suppliers.MapPost("/{id:guid}/products", async (Guid id, SupplierProductInput input, ISupplierAppService service, CancellationToken ct) =>
            TypedResults.Ok(new { id = await service.AddProductAsync(id, input, ct) })).WithName("AddSupplierProduct");

        var priceLists = api.MapGroup("/price-lists").WithTags("Price lists");
        priceLists.MapGet("/", (string? search, string? currency, bool? includeInactive, int? page, int? pageSize, string? sort, bool? desc,
                IPriceListAppService service, CancellationToken ct) =>
            service.GetListAsync(Paged(new PriceListListQuery { Search = search, Currency = currency, IncludeInactive = includeInactive ?? false },
                page, pageSize, sort, desc), ct)).WithName("ListPriceLists");
        priceLists.MapGet("/{id:guid}", (Guid id, IPriceListAppService service, CancellationToken ct) => service.GetAsync(id, ct)).WithName("GetPriceList");
        api.MapGet("/prices", (Guid customerId, string productCode, decimal? quantity, DateOnly? date, IPriceListAppService service, CancellationToken ct) =>
                service.QuoteAsync(new PriceQuoteQuery { CustomerId = customerId, ProductCode = productCode, Quantity = quantity ?? 1m, Date = date }, ct))
            .WithTags("Price lists").WithName("GetCustomerPrice").WithSummary("The unit price a customer pays for a product at a quantity on a day.");

        var currencies = api.MapGroup("/currencies").WithTags("Currencies");
        currencies.MapGet("/", (ICurrencyAppService service, CancellationToken ct) => service.GetActiveAsync(ct)).WithName("ListCurrencies");
        currencies.MapGet("/{currency}/rates/{date}", (string currency, DateOnly date, ICurrencyAppService service, CancellationToken ct) =>
            service.GetRateOnAsync(currency, date, ct)).WithName("GetExchangeRateOnDay").WithSummary("The rate to the base currency in force on a day.");
    }

    // Paging and sorting are optional in the query string; a list binds them like the pages do.
    private static TQuery Paged<TQuery>(TQuery query, int? page, int? pageSize, string? sort, bool? desc) where TQuery : ErpSaaS.Common.PageRequest
    {
        query.Page = page ?? 1;
        query.PageSize = pageSize ?? ErpSaaS.Common.PageRequest.DefaultPageSize;
        query.Sort = sort;
        query.Desc = desc ?? false;
        return query;
    }

    private static async Task<Created<IdDto>> CreateCustomerAsync(CustomerInput input, ICustomerAppService service, CancellationToken ct)
    {
        var id = await service.CreateAsync(input, ct);
        return TypedResults.Created($"{ErpApi.Prefix}/customers/{id}", new IdDto(id));
    }

    private static async Task<Created<IdDto>> CreateSupplierAsync(SupplierInput input, ISupplierAppService service, CancellationToken ct)
    {
        var id = await service.CreateAsync(input, ct);
        return TypedResults.Created($"{ErpApi.Prefix}/suppliers/{id}", new IdDto(id));
    }

    public sealed record IdDto(Guid Id);
}

public static class PartnersWebModule
{
    /// <summary>The partners' menu entries under "Master data" and their HTTP API.</summary>
    public static IServiceCollection AddErpPartnersWeb(this IServiceCollection services) =>
        services.AddMenuContributor<PartnersMenuContributor>().AddEndpointContributor<PartnersApi>();
}
