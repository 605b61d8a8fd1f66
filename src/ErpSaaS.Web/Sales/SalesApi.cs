using ErpSaaS.Sales;
using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSaaS.Web.Sales;

/// <summary>
/// Sales under <c>/api/v1/sales</c>, one endpoint per use case: orders (list, get, create with the same request id
/// twice creating one order, confirm (with <c>backOrder: true</c> to back-order what is short), cancel, amend (the id of
/// the draft copy comes back as created), availability, reserve back
/// orders), deliveries (create, scan, post), invoices (create from
/// a delivery, receipts), returns (list, get, create) and the purchase needs of a short order. Errors come back as problem+json, a wrong field under its name ("Lines[0].Quantity").
/// </summary>
public sealed class SalesApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales");

        var orders = sales.MapGroup("/orders");
        orders.MapGet("/", async ([AsParameters] SalesListRequest request, ISalesOrderAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(request.ToQuery(), ct)));
        orders.MapGet("/{id:guid}", async (Guid id, ISalesOrderAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        orders.MapGet("/{id:guid}/availability", async (Guid id, ISalesOrderAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAvailabilityAsync(id, ct)));
        orders.MapPost("/", async (SalesOrderInput input, ISalesOrderAppService s, CancellationToken ct) => Created("orders", await s.CreateAsync(input, ct)));
        orders.MapPut("/{id:guid}", (Guid id, SalesOrderInput input, ISalesOrderAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/confirm", async (Guid id, SalesActionInput input, ISalesOrderAppService s, CancellationToken ct) =>
            TypedResults.Ok(new SalesOrderStatusDto(await s.ConfirmAsync(id, input, ct))));
        orders.MapPost("/{id:guid}/cancel", (Guid id, SalesActionInput input, ISalesOrderAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/amend", async (Guid id, SalesAmendInput input, ISalesOrderAppService s, CancellationToken ct) =>
            Created("orders", await s.AmendAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/back-orders/reserve", async (Guid id, ISalesOrderAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ReserveBackOrdersAsync(id, ct)));
        orders.MapPost("/{id:guid}/purchase-needs", async (Guid id, ISalesOrderAppService s, CancellationToken ct) => TypedResults.Ok(await s.RaisePurchaseNeedsAsync(id, ct)));

        var deliveries = sales.MapGroup("/deliveries");
        deliveries.MapGet("/", async ([AsParameters] SalesListRequest request, ISalesDeliveryAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(request.ToQuery(), ct)));
        deliveries.MapGet("/{id:guid}", async (Guid id, ISalesDeliveryAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        deliveries.MapPost("/", async (SalesDeliveryInput input, ISalesDeliveryAppService s, CancellationToken ct) => Created("deliveries", await s.CreateAsync(input, ct)));
        deliveries.MapPost("/{id:guid}/scans", async (Guid id, SalesScanInput input, ISalesDeliveryAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ScanAsync(id, input, ct)));
        deliveries.MapPost("/{id:guid}/post", (Guid id, SalesActionInput input, ISalesDeliveryAppService s, CancellationToken ct) => Done(s.PostAsync(id, input, ct)));
        deliveries.MapPost("/{id:guid}/cancel", (Guid id, SalesActionInput input, ISalesDeliveryAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));
        deliveries.MapPost("/{id:guid}/invoice", async (Guid id, ISalesInvoiceAppService s, CancellationToken ct) =>
            Created("invoices", await s.CreateFromDeliveryAsync(id, ct)));

        var invoices = sales.MapGroup("/invoices");
        invoices.MapGet("/", async ([AsParameters] SalesListRequest request, ISalesInvoiceAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(request.ToQuery(), ct)));
        invoices.MapGet("/{id:guid}", async (Guid id, ISalesInvoiceAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        invoices.MapPost("/{id:guid}/receipts", (Guid id, SalesReceiptInput input, ISalesInvoiceAppService s, CancellationToken ct) =>
            Done(s.RecordReceiptAsync(id, input, ct)));

        var returns = sales.MapGroup("/returns");
        returns.MapGet("/", async ([AsParameters] SalesListRequest request, ISalesReturnAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(request.ToQuery(), ct)));
        returns.MapGet("/{id:guid}", async (Guid id, ISalesReturnAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        returns.MapPost("/", async (SalesReturnInput input, ISalesReturnAppService s, CancellationToken ct) => Created("returns", await s.CreateAsync(input, ct)));
    }

    private static Created<SalesCreatedDto> Created(string path, Guid id) => TypedResults.Created($"{ErpApi.Prefix}/sales/{path}/{id}", new SalesCreatedDto(id));

    private static async Task<NoContent> Done(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}

/// <summary>The list filter as query parameters.</summary>
public sealed record SalesListRequest(string? Search, string? Status, int? Page, int? PageSize, string? Sort, bool? Desc)
{
    public SalesListQuery ToQuery() => new()
    {
        Search = Search, Status = Status, Page = Page ?? 1, PageSize = PageSize ?? SalesListQuery.DefaultPageSize, Sort = Sort, Desc = Desc ?? false,
    };
}

/// <summary>The id of a document just created (or found again for the same request id).</summary>
public sealed record SalesCreatedDto(Guid Id);

/// <summary>Where an order stands after confirming: confirmed, or pending approval.</summary>
public sealed record SalesOrderStatusDto(SalesOrderStatus Status);

public static class SalesWebModule
{
    /// <summary>The sales menu entries and API.</summary>
    public static IServiceCollection AddErpSalesWeb(this IServiceCollection services) =>
        services.AddMenuContributor<SalesMenuContributor>().AddEndpointContributor<SalesApi>().AddEndpointContributor<SalesTrackingApi>();
}

/// <summary>The badge colour of each sales status, the same in lists, headers and timelines.</summary>
public static class SalesStatusTone
{
    public static string Of(string status) => status switch
    {
        "Draft" => "bg-secondary-lt",
        "PendingApproval" or "PartiallyDelivered" or "PartiallyReceived" => "bg-yellow-lt",
        "Approved" or "Confirmed" or "Open" or "BackOrderReserved" => "bg-azure-lt",
        "BackOrdered" => "bg-orange-lt",
        "Delivered" or "Posted" => "bg-teal-lt",
        "Completed" or "Received" => "bg-green-lt",
        _ => "bg-red-lt",
    };

    /// <summary>The localization key of a status of one of the sales documents ("SalesOrderStatus:Confirmed").</summary>
    public static string TextKey(string documentStatusEnum, string status) => $"{documentStatusEnum}:{status}";
}
