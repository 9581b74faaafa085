using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Refresh;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;

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

    public InstanceOptions Instance { get; set; } = new();
    public WarehouseOptions Warehouse { get; set; } = new();
    public CatalogOptions Catalog { get; set; } = new();
    public JourneyOptions Journey { get; set; } = new();
    public MailOptions Mail { get; set; } = new();
    public SubscriptionOptions Subscriptions { get; set; } = new();
    public DashboardOptions Dashboards { get; set; } = new();

    /// <summary>Databases the model is refreshed from in Import mode, by name (docs/refresh.md); none by default.</summary>
    public Dictionary<string, SourceOptions> Sources { get; set; } = [];

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
