namespace JourneyReports.Delivery;

/// <summary>The "Mail" section: which transport carries report emails, and the SMTP server's settings.</summary>
public sealed class MailOptions
{
    /// <summary>"outbox" writes each message as an .eml file; "smtp" sends it through the SMTP server below.</summary>
    public string Transport { get; set; } = "outbox";

    /// <summary>Folder of the outbox transport.</summary>
    public string OutboxPath { get; set; } = "outbox";

    public string From { get; set; } = "JourneyReports <reports@journeyreports.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Domains report emails may go to (e.g. "example.com"); empty allows any. A subscription to another domain is refused when saved.</summary>
    public List<string> AllowedDomains { get; set; } = [];
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "None";

    public string? UserName { get; set; }

    /// <summary>Never logged.</summary>
    public string? Password { get; set; }
}
