namespace ErpSaaS.Signup;

public static class SignupConsts
{
    public const int MaxDisplayNameLength = 64;
    public const int MaxEmailLength = 256;

    /// <summary>How long the one-time sign-in link that ends the sign-up may be used.</summary>
    public static readonly TimeSpan WelcomeLinkLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Trial reminders go out this many days before the trial ends, once each.</summary>
    public static readonly IReadOnlyList<int> TrialReminderDays = [3, 1];
}

/// <summary>What the sign-up form says about a wished-for subdomain while it is typed.</summary>
public enum SlugAvailability
{
    Available = 0,
    Invalid = 1,
    Reserved = 2,
    Taken = 3,
}
