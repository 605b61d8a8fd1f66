namespace ErpSaaS.Approvals;

/// <summary>Who approves a step: everyone in a role, one named user, or the submitter's manager.</summary>
public enum ApproverKind
{
    Role = 1,
    User = 2,
    SubmitterManager = 3,
}

/// <summary>When a step applies. A step whose condition is false for the document is skipped.</summary>
public enum ApprovalConditionKind
{
    Always = 0,
    AmountAtLeast = 1,
    DiscountAtLeast = 2,
    PartnerCategoryEquals = 3,
    WarehouseEquals = 4,
}

/// <summary>Whether one of a step's approvers suffices or all of them must approve.</summary>
public enum ApprovalStepMode
{
    AnyOne = 1,
    AllOf = 2,
}

/// <summary>What one approver did on a step.</summary>
public enum ApproverDecision
{
    Approved = 1,
    Rejected = 2,
}

/// <summary>The entries of a request's trail: who did what, when.</summary>
public enum ApprovalRequestEventKind
{
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
    Withdrawn = 4,
    Reminded = 5,
    Escalated = 6,
    Completed = 7,
}

public static class ApprovalConsts
{
    public const int MaxStepNameLength = 64;
    public const int MaxStepsPerFlow = 10;
    public const int MaxCommentLength = 500;
    public const int MaxDocumentNumberLength = 64;
    public const int MaxSummaryLength = 256;
    public const int MaxUrlLength = 512;
    public const int MaxConditionTextLength = 64;
    public const int MaxUserNameLength = 256;
    public const int MaxSlaHours = 24 * 30;
}

/// <summary>
/// The step conditions that make sense for each document type: those on facts its documents bring (a requisition has
/// a warehouse but no amount; a payment an amount but no warehouse; a stock adjustment its value and warehouses).
/// </summary>
public static class ApprovalConditions
{
    public static IReadOnlyList<ApprovalConditionKind> For(ApprovalDocumentType documentType) => documentType switch
    {
        ApprovalDocumentType.PurchaseRequisition => [ApprovalConditionKind.Always, ApprovalConditionKind.WarehouseEquals],
        ApprovalDocumentType.PurchaseOrder or ApprovalDocumentType.PurchaseInvoiceMismatch or ApprovalDocumentType.StockAdjustment =>
            [ApprovalConditionKind.Always, ApprovalConditionKind.AmountAtLeast, ApprovalConditionKind.WarehouseEquals],
        ApprovalDocumentType.SalesOrderCredit =>
            [ApprovalConditionKind.Always, ApprovalConditionKind.AmountAtLeast, ApprovalConditionKind.PartnerCategoryEquals, ApprovalConditionKind.WarehouseEquals],
        ApprovalDocumentType.SalesDiscount =>
        [
            ApprovalConditionKind.Always, ApprovalConditionKind.AmountAtLeast, ApprovalConditionKind.DiscountAtLeast, ApprovalConditionKind.PartnerCategoryEquals,
            ApprovalConditionKind.WarehouseEquals,
        ],
        ApprovalDocumentType.Payment => [ApprovalConditionKind.Always, ApprovalConditionKind.AmountAtLeast],
        _ => [ApprovalConditionKind.Always],
    };
}
