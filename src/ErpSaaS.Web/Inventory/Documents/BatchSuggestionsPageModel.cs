using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Errors;
using ErpSaaS.Web.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>
/// The batches a form row may issue from, first to expire first (htmx fills them in under the row's batch field).
/// A product or warehouse the row names wrongly shows as a message in their place.
/// </summary>
public abstract class BatchSuggestionsPageModel(IStockDocumentAppService documents) : ErpPageModel
{
    public IReadOnlyList<BatchSuggestionDto> Batches { get; private set; } = [];
    public string? Error { get; private set; }
    public int Row { get; private set; }

    public async Task OnGetAsync([FromQuery] BatchSuggestionQuery query, [FromQuery] int row, CancellationToken cancellationToken)
    {
        Row = row;
        query.Quantity = query.Quantity is { } quantity ? Math.Abs(quantity) : null;
        try
        {
            Batches = await documents.SuggestBatchesAsync(query, cancellationToken);
        }
        catch (Exception error) when (ErpErrorMapper.IsUserCorrectable(error))
        {
            Error = error is ErpSaaS.Common.BusinessException business
                ? HttpContext.RequestServices.GetRequiredService<ErpErrorMapper>().Message(business)
                : HttpContext.RequestServices.GetRequiredService<ErpErrorMapper>().ConcurrencyMessage;
        }
    }
}
