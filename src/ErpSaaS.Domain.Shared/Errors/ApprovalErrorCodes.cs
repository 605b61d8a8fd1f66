namespace ErpSaaS.Errors;

/// <summary>Business errors of the approval engine, its flows and delegations ("Error:{code}" texts in Approvals.json).</summary>
public static class ApprovalErrorCodes
{
    public const string AlreadyPending = "Approvals:AlreadyPending";
    public const string NotPending = "Approvals:NotPending";
    public const string NotAnApprover = "Approvals:NotAnApprover";
    public const string ReasonRequired = "Approvals:ReasonRequired";
    public const string CommentTooLong = "Approvals:CommentTooLong";
    public const string StepNameRequired = "Approvals:StepNameRequired";
    public const string StepNameTooLong = "Approvals:StepNameTooLong";
    public const string RoleRequired = "Approvals:RoleRequired";
    public const string UserRequired = "Approvals:UserRequired";
    public const string ConditionValueRequired = "Approvals:ConditionValueRequired";
    public const string ConditionValueInvalid = "Approvals:ConditionValueInvalid";
    public const string SlaHoursInvalid = "Approvals:SlaHoursInvalid";
    public const string TooManySteps = "Approvals:TooManySteps";
    public const string OneStepOnly = "Approvals:OneStepOnly";
    public const string StepUnknown = "Approvals:StepUnknown";
    public const string DelegateRequired = "Approvals:DelegateRequired";
    public const string DelegateIsSelf = "Approvals:DelegateIsSelf";
    public const string AbsenceDatesInvalid = "Approvals:AbsenceDatesInvalid";
    public const string ManagerIsSelf = "Approvals:ManagerIsSelf";
}
