using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>
/// The stock documents under <c>/api/v1/inventory</c>, one endpoint per use case of their application services: lists,
/// documents by id, create (with the same request id twice creating one document), change, post, cancel; a count's
/// start, scans, typed counts, finish and resume; the batches to issue first. Errors come back as problem+json,
/// a wrong field under its name ("Lines[0].Quantity").
/// </summary>
public sealed class StockDocumentsApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        var inventory = api.MapGroup("/inventory").WithTags("Stock documents");
        MapList(inventory, "openings", StockDocumentKind.Opening);
        MapList(inventory, "transfers", StockDocumentKind.Transfer);
        MapList(inventory, "adjustments", StockDocumentKind.Adjustment);
        MapList(inventory, "counts", StockDocumentKind.Count);
        inventory.MapGet("/batches", async ([AsParameters] BatchSuggestionQuery query, IStockDocumentAppService documents, CancellationToken ct) =>
            TypedResults.Ok(await documents.SuggestBatchesAsync(query, ct))).WithSummary("Batches of a product to issue first (FEFO), with what to take from each.");

        var openings = inventory.MapGroup("/openings");
        openings.MapGet("/{id:guid}", async (Guid id, IOpeningBalanceAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        openings.MapPost("/", async (OpeningBalanceInput input, IOpeningBalanceAppService s, CancellationToken ct) => Created("openings", await s.CreateAsync(input, ct)));
        openings.MapPut("/{id:guid}", (Guid id, OpeningBalanceInput input, IOpeningBalanceAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        openings.MapPost("/{id:guid}/post", (Guid id, StockDocumentActionInput input, IOpeningBalanceAppService s, CancellationToken ct) => Done(s.PostAsync(id, input, ct)));
        openings.MapPost("/{id:guid}/cancel", (Guid id, StockDocumentActionInput input, IOpeningBalanceAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));

        var transfers = inventory.MapGroup("/transfers");
        transfers.MapGet("/{id:guid}", async (Guid id, IStockTransferAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        transfers.MapPost("/", async (StockTransferInput input, IStockTransferAppService s, CancellationToken ct) => Created("transfers", await s.CreateAsync(input, ct)));
        transfers.MapPut("/{id:guid}", (Guid id, StockTransferInput input, IStockTransferAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        transfers.MapPost("/{id:guid}/post", (Guid id, StockDocumentActionInput input, IStockTransferAppService s, CancellationToken ct) => Done(s.PostAsync(id, input, ct)));
        transfers.MapPost("/{id:guid}/cancel", (Guid id, StockDocumentActionInput input, IStockTransferAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));

        var adjustments = inventory.MapGroup("/adjustments");
        adjustments.MapGet("/{id:guid}", async (Guid id, IStockAdjustmentAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        adjustments.MapPost("/", async (StockAdjustmentInput input, IStockAdjustmentAppService s, CancellationToken ct) => Created("adjustments", await s.CreateAsync(input, ct)));
        adjustments.MapPut("/{id:guid}", (Guid id, StockAdjustmentInput input, IStockAdjustmentAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        adjustments.MapPost("/{id:guid}/post", (Guid id, StockDocumentActionInput input, IStockAdjustmentAppService s, CancellationToken ct) => Done(s.PostAsync(id, input, ct)));
        adjustments.MapPost("/{id:guid}/cancel", (Guid id, StockDocumentActionInput input, IStockAdjustmentAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));

        var counts = inventory.MapGroup("/counts");
        counts.MapGet("/{id:guid}", async (Guid id, IStockCountAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        counts.MapPost("/", async (StockCountInput input, IStockCountAppService s, CancellationToken ct) => Created("counts", await s.CreateAsync(input, ct)));
        counts.MapPut("/{id:guid}", (Guid id, StockCountInput input, IStockCountAppService s, CancellationToken ct) => Done(s.UpdateAsync(id, input, ct)));
        counts.MapPost("/{id:guid}/start", (Guid id, StockDocumentActionInput input, IStockCountAppService s, CancellationToken ct) => Done(s.StartAsync(id, input, ct)));
        counts.MapPost("/{id:guid}/scans", async (Guid id, StockCountScanInput input, IStockCountAppService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ScanAsync(id, input, ct)));
        counts.MapPut("/{id:guid}/counted", (Guid id, StockCountEntryInput input, IStockCountAppService s, CancellationToken ct) => Done(s.EnterCountsAsync(id, input, ct)));
        counts.MapPost("/{id:guid}/finish", (Guid id, StockDocumentActionInput input, IStockCountAppService s, CancellationToken ct) => Done(s.FinishCountingAsync(id, input, ct)));
        counts.MapPost("/{id:guid}/resume", (Guid id, StockDocumentActionInput input, IStockCountAppService s, CancellationToken ct) => Done(s.ResumeCountingAsync(id, input, ct)));
        counts.MapPost("/{id:guid}/post", (Guid id, StockDocumentActionInput input, IStockCountAppService s, CancellationToken ct) => Done(s.PostAsync(id, input, ct)));
        counts.MapPost("/{id:guid}/cancel", (Guid id, StockDocumentActionInput input, IStockCountAppService s, CancellationToken ct) => Done(s.CancelAsync(id, input, ct)));
    }

    private static void MapList(RouteGroupBuilder inventory, string path, StockDocumentKind kind) =>
        inventory.MapGet("/" + path, async (string? search, StockDocumentStatus? status, int? page, int? pageSize, string? sort, bool? desc,
                IStockDocumentAppService documents, CancellationToken ct) =>
            TypedResults.Ok(await documents.GetListAsync(kind, new StockDocumentListQuery
            {
                Search = search, Status = status, Page = page ?? 1, PageSize = pageSize ?? StockDocumentListQuery.DefaultPageSize, Sort = sort, Desc = desc ?? false,
            }, ct)));

    private static Created<StockDocumentCreatedDto> Created(string path, Guid id) =>
        TypedResults.Created($"{ErpApi.Prefix}/inventory/{path}/{id}", new StockDocumentCreatedDto(id));

    private static async Task<NoContent> Done(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}

/// <summary>The id of a document just created (or found again for the same request id).</summary>
public sealed record StockDocumentCreatedDto(Guid Id);
