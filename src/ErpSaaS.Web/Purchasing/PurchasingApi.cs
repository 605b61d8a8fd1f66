using ErpSaaS.Purchasing;
using ErpSaaS.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSaaS.Web.Purchasing;

/// <summary>
/// Purchasing under <c>/api/v1/purchasing</c>, one endpoint per use case: orders (list, get, create with the same request
/// id twice creating one order, change, submit, send, confirm a date, cancel, close) and goods receipts (list, get,
/// create, change, scan, post, cancel), invoices (list, get, create, change, submit for matching, cancel, pay), returns
/// (list, get, create) and supplier performance. Errors come back as problem+json, a wrong field under its name ("Lines[0].Quantity").
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
        orders.MapGet("/{id:guid}/balance", async (Guid id, IPurchaseInvoiceAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetOrderBalanceAsync(id, ct)));

        var invoices = api.MapGroup("/purchasing/invoices").WithTags("Purchase invoices");
        invoices.MapGet("/", async ([AsParameters] PurchaseInvoiceListParameters query, IPurchaseInvoiceAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(query.ToQuery(), ct)));
        invoices.MapGet("/{id:guid}", async (Guid id, IPurchaseInvoiceAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        invoices.MapPost("/", async (PurchaseInvoiceInput input, IPurchaseInvoiceAppService s, CancellationToken ct) => Created("invoices", await s.CreateAsync(input, ct)));
        invoices.MapPut("/{id:guid}", (Guid id, PurchaseInvoiceInput input, IPurchaseInvoiceAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        invoices.MapPost("/{id:guid}/submit", (Guid id, PurchasingActionInput input, IPurchaseInvoiceAppService s, CancellationToken ct) => Done(s.SubmitAsync(id, input, ct)));
        invoices.MapPost("/{id:guid}/cancel", (Guid id, PurchasingActionInput input, IPurchaseInvoiceAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));
        invoices.MapPost("/{id:guid}/payments", (Guid id, PurchasePaymentInput input, IPurchaseInvoiceAppService s, CancellationToken ct) => Done(s.PayAsync(id, input, ct)))
            .WithSummary("Records a payment; the payment approval flow may hold it (the invoice's payments show its status).");
        invoices.MapPut("/{id:guid}/payments/{paymentId:guid}", (Guid id, Guid paymentId, PurchasePaymentInput input, IPurchaseInvoiceAppService s, CancellationToken ct) =>
            Done(s.ResubmitPaymentAsync(id, paymentId, input, ct))).WithSummary("Corrects a rejected payment and submits it for approval again.");
        invoices.MapDelete("/{id:guid}/payments/{paymentId:guid}", (Guid id, Guid paymentId, uint version, IPurchaseInvoiceAppService s, CancellationToken ct) =>
            Done(s.DeletePaymentAsync(id, paymentId, new PurchasingActionInput { Version = version }, ct))).WithSummary("Deletes a rejected payment.");

        var returns = api.MapGroup("/purchasing/returns").WithTags("Purchase returns");
        returns.MapGet("/", async ([AsParameters] PurchaseReturnListParameters query, IPurchaseReturnAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetListAsync(query.ToQuery(), ct)));
        returns.MapGet("/{id:guid}", async (Guid id, IPurchaseReturnAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        returns.MapPost("/", async (PurchaseReturnInput input, IPurchaseReturnAppService s, CancellationToken ct) => Created("returns", await s.CreateAsync(input, ct)));

        api.MapGet("/purchasing/supplier-performance", async (DateOnly? from, DateOnly? to, string? search, ISupplierPerformanceAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(new SupplierPerformanceQuery { From = from, To = to, Search = search }, ct))).WithTags("Supplier performance");
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

public sealed record PurchaseInvoiceListParameters(string? Search, PurchaseInvoiceStatus? Status, Guid? PurchaseOrderId, bool? OpenOnly, int? Page, int? PageSize, string? Sort, bool? Desc)
{
    public PurchaseInvoiceListQuery ToQuery() => new()
    {
        Search = Search, Status = Status, PurchaseOrderId = PurchaseOrderId, OpenOnly = OpenOnly ?? false, Page = Page ?? 1,
        PageSize = PageSize ?? PurchaseInvoiceListQuery.DefaultPageSize, Sort = Sort, Desc = Desc ?? false,
    };
}

public sealed record PurchaseReturnListParameters(string? Search, Guid? GoodsReceiptId, int? Page, int? PageSize, string? Sort, bool? Desc)
{
    public PurchaseReturnListQuery ToQuery() => new()
    {
        Search = Search, GoodsReceiptId = GoodsReceiptId, Page = Page ?? 1, PageSize = PageSize ?? PurchaseReturnListQuery.DefaultPageSize, Sort = Sort, Desc = Desc ?? false,
    };
}
