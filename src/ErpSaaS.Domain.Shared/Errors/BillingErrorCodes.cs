namespace ErpSaaS.Errors;

/// <summary>Business errors of billing: upgrades, bank transfers, the operator's plans editor and impersonation.</summary>
public static class BillingErrorCodes
{
    public const string PlanNotAvailable = "Billing:PlanNotAvailable";
    public const string CheckoutUnavailable = "Billing:CheckoutUnavailable";
    public const string PaidOnInFuture = "Billing:PaidOnInFuture";
    public const string BankReferenceRequired = "Billing:BankReferenceRequired";
    public const string PlanNameRequired = "Billing:PlanNameRequired";
    public const string ReasonRequired = "Billing:ReasonRequired";
    public const string NoTenantAdmin = "Billing:NoTenantAdmin";
    public const string ImpersonationLinkInvalid = "Billing:ImpersonationLinkInvalid";
    public const string PriceNegative = "Billing:PriceNegative";
    public const string FeatureLimitInvalid = "Billing:FeatureLimitInvalid";
}
