namespace JourneyReports;

/// <summary>The "JourneyReports" section of appsettings.json. Defaults here give the embedded set-up: everything under ./data.</summary>
public sealed class JourneyReportsOptions
{
    public const string Section = "JourneyReports";

    /// <summary>Folder for the embedded warehouse, catalog, artifacts and outbox; relative paths below are resolved against it.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Folder of dashboard definitions (*.json): the built-in library, plus any an analyst drops in. Relative to the
    /// working directory, like <see cref="DataDirectory"/>, not inside it: definitions are source, not data.
    /// </summary>
    public string DashboardsDirectory { get; set; } = "dashboards";

    /// <summary>Base URL of the web app, used for the "open the live dashboard" link in emails.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Culture used for numbers and dates in dashboards, workbooks and emails.</summary>
    public string Culture { get; set; } = "en-GB";

    /// <summary>Currency symbol shown beside revenue.</summary>
    public string CurrencySymbol { get; set; } = "£";

    public WarehouseOptions Warehouse { get; set; } = new();
    public CatalogOptions Catalog { get; set; } = new();
    public JourneyOptions Journey { get; set; } = new();
    public MailOptions Mail { get; set; } = new();

    /// <summary>Recurring report deliveries.</summary>
    public List<ScheduleOptions> Schedules { get; set; } = [];

    /// <summary>
    /// <see cref="Culture"/> with <see cref="CurrencySymbol"/> as its currency: what every dashboard, workbook and email
    /// writes numbers in, so money reads the same on the web as in the executive email.
    /// </summary>
    public System.Globalization.CultureInfo ReportCulture()
    {
        var culture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.GetCultureInfo(Culture).Clone();
        culture.NumberFormat.CurrencySymbol = CurrencySymbol;
        return System.Globalization.CultureInfo.ReadOnly(culture);
    }

    public string ResolvePath(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(DataDirectory, path));
}

public sealed class WarehouseOptions
{
    /// <summary>SQL dialect of the warehouse. Only "duckdb" exists today; "sqlserver" is the planned second.</summary>
    public string Dialect { get; set; } = "duckdb";

    /// <summary>DuckDB database file.</summary>
    public string Path { get; set; } = "warehouse.duckdb";

    /// <summary>Generate demo data when the warehouse is empty at server start.</summary>
    public bool SeedDemoDataIfEmpty { get; set; } = true;

    /// <summary>Scale of the demo data generated on first start (1 = ~100,000 customers, 5 million events).</summary>
    public double DemoScale { get; set; } = 0.05;

    /// <summary>Random seed of the demo data; the same seed gives the same data.</summary>
    public int DemoSeed { get; set; } = 42;
}

public sealed class CatalogOptions
{
    /// <summary>SQLite file holding run history and deliveries.</summary>
    public string Path { get; set; } = "catalog.db";

    /// <summary>Folder where each run's artifacts are kept, one sub-folder per run id.</summary>
    public string ArtifactsPath { get; set; } = "artifacts";
}

public sealed class JourneyOptions
{
    /// <summary>
    /// Which event types count as which journey stage; when empty, <see cref="DefaultStageMap"/>. Stages not listed
    /// are simply empty. (Empty by default because configuration binding adds to a pre-filled list instead of replacing it.)
    /// </summary>
    public Dictionary<string, List<string>> StageMap { get; set; } = [];

    public static readonly IReadOnlyDictionary<string, string[]> DefaultStageMap = new Dictionary<string, string[]>
    {
        ["awareness"] = ["ad_click", "email_click", "landing_view"],
        ["consideration"] = ["product_view", "search", "chat_question"],
        ["decision"] = ["add_to_cart", "checkout_start"],
        ["purchase"] = ["purchase"],
        ["retention"] = ["order_tracking", "account_login", "support_contact"],
        ["advocacy"] = ["review_submitted", "referral_share"],
    };

    /// <summary>Event type to stage, as configured or by default.</summary>
    public IEnumerable<(string EventType, string Stage)> EventStages() =>
        (StageMap.Count > 0 ? StageMap.Select(kv => (kv.Key, kv.Value.ToArray())) : DefaultStageMap.Select(kv => (kv.Key, kv.Value)))
        .SelectMany(kv => kv.Item2.Distinct().Select(e => (e, kv.Item1)));

    /// <summary>Days within which the next stage must follow the previous one to count in the ordered funnel.</summary>
    public int ConversionWindowDays { get; set; } = 30;
}

public sealed class MailOptions
{
    /// <summary>"outbox" writes each message as an .eml file; "smtp" sends it through the SMTP server below.</summary>
    public string Transport { get; set; } = "outbox";

    /// <summary>Folder of the outbox transport.</summary>
    public string OutboxPath { get; set; } = "outbox";

    public string From { get; set; } = "JourneyReports <reports@journeyreports.local>";

    public SmtpOptions Smtp { get; set; } = new();
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

public sealed class ScheduleOptions
{
    /// <summary>Unique name of the schedule; the Hangfire recurring job is "report:{Id}". Defaults to the report id.</summary>
    public string? Id { get; set; }

    public string Key => string.IsNullOrWhiteSpace(Id) ? Report : Id;

    /// <summary>Report id, e.g. "executive-weekly".</summary>
    public string Report { get; set; } = "";

    /// <summary>Cron expression (5 fields) in TimeZone, e.g. "0 8 * * 1" for Mondays at 08:00.</summary>
    public string Cron { get; set; } = "0 8 * * 1";

    /// <summary>IANA (or Windows) time zone id in which the cron and the report's weeks are read.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public List<string> Recipients { get; set; } = [];
}
