using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSaaS.Web.Approvals;

/// <summary>
/// The current user's approvals under <c>/api/v1/approvals</c>: what waits for them, what they decided, and approve or
/// reject a request (a rejection needs a comment, its reason). Errors come back as problem+json; a request of another
/// company, or none, is 404.
/// </summary>
public sealed class ApprovalsApi : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals").WithTags("Approvals");
        approvals.MapGet("/inbox", async ([AsParameters] ApprovalListParameters list, IApprovalInboxAppService inbox, CancellationToken ct) =>
            TypedResults.Ok(await inbox.GetPendingAsync(list.ToQuery(), ct))).WithSummary("Documents waiting for the current user's decision (also as a delegate).");
        approvals.MapGet("/decided", async ([AsParameters] ApprovalListParameters list, IApprovalInboxAppService inbox, CancellationToken ct) =>
            TypedResults.Ok(await inbox.GetDecidedAsync(list.ToQuery(), ct))).WithSummary("Decisions the current user made.");
        approvals.MapPost("/{requestId:guid}/approve", (Guid requestId, ApprovalDecisionInput input, IApprovalInboxAppService inbox, CancellationToken ct) =>
            Done(inbox.ApproveAsync(requestId, input, ct))).WithSummary("Approves the request's current step for the current user.");
        approvals.MapPost("/{requestId:guid}/reject", (Guid requestId, ApprovalDecisionInput input, IApprovalInboxAppService inbox, CancellationToken ct) =>
            Done(inbox.RejectAsync(requestId, input, ct))).WithSummary("Rejects the request; the comment is the reason and is required.");
    }

    private static async Task<NoContent> Done(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}

public sealed class ApprovalListParameters
{
    public string? Search { get; init; }
    public ApprovalDocumentType? DocumentType { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
    public bool? Desc { get; init; }

    public ApprovalInboxQuery ToQuery() => new()
    {
        Search = Search, DocumentType = DocumentType, Page = Page ?? 1, PageSize = PageSize ?? PageRequest.DefaultPageSize, Sort = Sort, Desc = Desc ?? false,
    };
}
