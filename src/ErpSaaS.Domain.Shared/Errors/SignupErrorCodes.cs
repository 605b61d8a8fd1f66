namespace ErpSaaS.Errors;

/// <summary>Business errors of the public sign-up and of the subscription lifecycle ("Error:{code}" texts in Signup.json).</summary>
public static class SignupErrorCodes
{
    public const string EmailInvalid = "Signup:EmailInvalid";
    public const string DisplayNameRequired = "Signup:DisplayNameRequired";
    public const string PasswordRejected = "Signup:PasswordRejected";
    public const string LanguageNotSupported = "Signup:LanguageNotSupported";
    public const string TrialPlanMissing = "Signup:TrialPlanMissing";
}
