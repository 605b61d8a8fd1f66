namespace ErpSaaS.Approvals;

/// <summary>The kinds of document a company can put through an approval flow; each has its own ordered steps.</summary>
public enum ApprovalDocumentType
{
    PurchaseRequisition = 1,
    PurchaseOrder = 2,
    PurchaseInvoiceMismatch = 3,
    SalesOrderCredit = 4,
    SalesDiscount = 5,
    StockAdjustment = 6,
    Payment = 7,
}

/// <summary>Where an approval request stands. Only a pending request sits in approvers' inboxes.</summary>
public enum ApprovalRequestStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Withdrawn = 4,
}

/// <summary>Where one step of a request stands; a step whose condition is false for the document is skipped.</summary>
public enum ApprovalStepStatus
{
    Waiting = 1,
    Active = 2,
    Approved = 3,
    Rejected = 4,
    Skipped = 5,
}
