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
