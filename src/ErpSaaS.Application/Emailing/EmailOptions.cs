namespace ErpSaaS.Emailing;

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>
    /// When set, mails are written as JSON files to this directory (relative paths: under the content root)
    /// instead of being sent: the development mailbox. Development sets it to App_Data/mailbox.
    /// </summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>Configuration section <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    /// <summary>STARTTLS after connecting.</summary>
    public bool EnableSsl { get; set; } = true;
}
