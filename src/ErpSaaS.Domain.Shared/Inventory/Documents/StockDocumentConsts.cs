using System.Text.Json.Serialization;

namespace ErpSaaS.Inventory.Documents;

/// <summary>The four stock documents; the value is also the source type of their ledger entries' documents.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StockDocumentKind>))]
public enum StockDocumentKind
{
    Opening = 0,
    Transfer = 1,
    Adjustment = 2,
    Count = 3,
}

/// <summary>
/// Where a stock document stands. Openings, transfers and adjustments go draft → posted (or cancelled); a count goes
/// draft → counting (book frozen) → counted → posted. An adjustment that the company's approval flow holds waits as
/// pending approval (not editable) until its last step approves it (posted) or a step rejects it (draft again).
/// Posted and cancelled documents never change again.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StockDocumentStatus>))]
public enum StockDocumentStatus
{
    Draft = 0,
    Counting = 1,
    Counted = 2,
    Posted = 3,
    Cancelled = 4,
    PendingApproval = 5,
}

/// <summary>Why stock was adjusted; damage, loss and expiry write-offs only take stock out, found stock only comes in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdjustmentReason>))]
public enum AdjustmentReason
{
    Damage = 0,
    Loss = 1,
    Found = 2,
    ExpiryWriteOff = 3,
    Other = 4,
}

public static class StockDocumentConsts
{
    public const int MaxNumberLength = 64;
    public const int MaxCommentLength = 500;
    public const int MaxBatchNumberLength = 64;
    public const int MaxLines = 500;

    /// <summary>A count of a whole warehouse may have many lines; the sheet and the review page list them all.</summary>
    public const int MaxCountLines = 20_000;

    /// <summary>Quantities keep 4 decimals (numeric(18,4)), unit costs 6 (numeric(18,6)), values 2 (numeric(18,2)).</summary>
    public const int QuantityScale = 4;
    public const int UnitCostScale = 6;
    public const int ValueScale = 2;
}
