using ErpSaaS.Purchasing;
using ErpSaaS.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSaaS.Web.Purchasing;

/// <summary>
/// Purchasing under <c>/api/v1/purchasing</c>, one endpoint per use case: orders (list, get, create with the same request
/// id twice creating one order, change, submit, send, confirm a date, cancel, close) and goods receipts (list, get,
/// create, change, scan, post, cancel). Errors come back as problem+json, a wrong field under its name ("Lines[0].Quantity").
/// </summary>
public sealed class PurchasingApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/purchasing/orders").WithTags("Purchase orders");
        orders.MapGet("/", async ([AsParameters] PurchaseOrderListParameters query, IPurchaseOrderAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(query.ToQuery(), ct)));
        orders.MapGet("/{id:guid}", async (Guid id, IPurchaseOrderAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        orders.MapPost("/", async (PurchaseOrderInput input, IPurchaseOrderAppService s, CancellationToken ct) => Created("orders", await s.CreateAsync(input, ct)));
        orders.MapPut("/{id:guid}", (Guid id, PurchaseOrderInput input, IPurchaseOrderAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/submit", (Guid id, PurchasingActionInput input, IPurchaseOrderAppService s, CancellationToken ct) => Done(s.SubmitAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/send", (Guid id, PurchasingActionInput input, IPurchaseOrderAppService s, CancellationToken ct) => Done(s.MarkSentAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/confirm-date", (Guid id, ConfirmDateInput input, IPurchaseOrderAppService s, CancellationToken ct) => Done(s.ConfirmDateAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/cancel", (Guid id, PurchasingActionInput input, IPurchaseOrderAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));
        orders.MapPost("/{id:guid}/close", (Guid id, PurchasingActionInput input, IPurchaseOrderAppService s, CancellationToken ct) => Done(s.CloseAsync(id, input, ct)));

        var receipts = api.MapGroup("/purchasing/receipts").WithTags("Goods receipts");
        receipts.MapGet("/", async ([AsParameters] GoodsReceiptListParameters query, IGoodsReceiptAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(query.ToQuery(), ct)));
        receipts.MapGet("/{id:guid}", async (Guid id, IGoodsReceiptAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        receipts.MapPost("/", async (GoodsReceiptInput input, IGoodsReceiptAppService s, CancellationToken ct) => Created("receipts", await s.CreateAsync(input, ct)));
        receipts.MapPut("/{id:guid}", (Guid id, GoodsReceiptInput input, IGoodsReceiptAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        receipts.MapPost("/{id:guid}/scans", async (Guid id, ReceiptScanInput input, IGoodsReceiptAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ScanAsync(id, input, ct)));
        receipts.MapPost("/{id:guid}/post", (Guid id, PurchasingActionInput input, IGoodsReceiptAppService s, CancellationToken ct) => Done(s.PostAsync(id, input, ct)));
        receipts.MapPost("/{id:guid}/cancel", (Guid id, PurchasingActionInput input, IGoodsReceiptAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));
    }

    private static Created<PurchasingCreatedDto> Created(string path, Guid id) =>
        TypedResults.Created($"{ErpApi.Prefix}/purchasing/{path}/{id}", new PurchasingCreatedDto(id));

    private static async Task<NoContent> Done(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}

/// <summary>The id of a document just created (or found again for the same request id).</summary>
public sealed record PurchasingCreatedDto(Guid Id);

public sealed record PurchaseOrderListParameters(string? Search, PurchaseOrderStatus? Status, Guid? SupplierId, int? Page, int? PageSize, string? Sort, bool? Desc)
{
    public PurchaseOrderListQuery ToQuery() => new()
    {
        Search = Search, Status = Status, SupplierId = SupplierId, Page = Page ?? 1, PageSize = PageSize ?? PurchaseOrderListQuery.DefaultPageSize, Sort = Sort, Desc = Desc ?? false,
    };
}

public sealed record GoodsReceiptListParameters(string? Search, GoodsReceiptStatus? Status, Guid? PurchaseOrderId, int? Page, int? PageSize, string? Sort, bool? Desc)
{
    public GoodsReceiptListQuery ToQuery() => new()
    {
        Search = Search, Status = Status, PurchaseOrderId = PurchaseOrderId, Page = Page ?? 1, PageSize = PageSize ?? GoodsReceiptListQuery.DefaultPageSize, Sort = Sort,
        Desc = Desc ?? false,
    };
}
