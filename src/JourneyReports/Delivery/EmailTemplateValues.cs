namespace JourneyReports.Delivery;

/// <summary>
/// What an email template may use: one run's words and numbers for one recipient, already formatted (delivery
/// computes nothing). Templates see them under snake_case names:
/// <list type="table">
/// <item><term><c>{{ subscription.name }}</c></term><description>the subscription (or schedule) that sent the email</description></item>
/// <item><term><c>{{ report.title }}</c></term><description>the report's title, e.g. "Executive weekly journey"</description></item>
/// <item><term><c>{{ period.label }}</c></term><description>the period, e.g. "16–22 Nov 2026"</description></item>
/// <item><term><c>{{ period.line }}</c></term><description>the period against its comparison, e.g. "Week 16–22 Nov 2026 vs 9–15 Nov 2026"</description></item>
/// <item><term><c>{{ generated_at }}</c></term><description>when the report was made, as text</description></item>
/// <item><term><c>{{ recipient.email }}</c></term><description>the recipient's address</description></item>
/// <item><term><c>{{ recipient.slice_line }}</c></term><description>the recipient's slice in words, e.g. "Department: Fashion" or "All customers"</description></item>
/// <item><term><c>{% for s in recipient.slice %}{{ s.name }}={{ s.value }}{% endfor %}</c></term><description>the slice's filters (empty for all customers)</description></item>
/// <item><term><c>{% for kpi in kpis %}{{ kpi.key }} {{ kpi.label }} {{ kpi.value }} {{ kpi.change }} {{ kpi.sentiment }}{% endfor %}</c></term><description>the headline KPIs, formatted; sentiment 1 good news, -1 bad, 0 neither</description></item>
/// <item><term><c>{{ links.dashboard }}</c>, <c>{{ links.manage }}</c>, <c>{{ links.unsubscribe }}</c></term><description>the live dashboard for the recipient's slice, managing the subscription, unsubscribing (the last two may be empty)</description></item>
/// <item><term><c>{{ files.line }}</c>, <c>{% for f in files.links %}{{ f.name }}: {{ f.url }}{% endfor %}</c></term><description>what the email says about its files (e.g. "The workbook … is attached."), and the download links when they were too large to attach</description></item>
/// <item><term><c>{{ note }}</c></term><description>a note about the data, e.g. "No data for this period", or nil</description></item>
/// </list>
/// </summary>
public sealed record EmailTemplateValues(
    string SubscriptionName,
    string ReportTitle,
    string Period,
    string PeriodLine,
    string GeneratedAt,
    EmailRecipientValues Recipient,
    IReadOnlyList<EmailKpiValues> Kpis,
    EmailLinkValues Links,
    string? Note = null,
    EmailFileValues? Files = null)
{
    /// <summary>What the email carries: its attachments' names, or the download links that replace them.</summary>
    public EmailFileValues FileValues => Files ?? EmailFileValues.None;

    /// <summary>The values as Liquid sees them: dictionaries and lists of strings and numbers, under their snake_case names.</summary>
    internal IReadOnlyDictionary<string, object?> ToLiquid() => new Dictionary<string, object?>
    {
        ["subscription"] = new Dictionary<string, object?> { ["name"] = SubscriptionName },
        ["report"] = new Dictionary<string, object?> { ["title"] = ReportTitle },
        ["period"] = new Dictionary<string, object?> { ["label"] = Period, ["line"] = PeriodLine },
        ["generated_at"] = GeneratedAt,
        ["recipient"] = new Dictionary<string, object?>
        {
            ["email"] = Recipient.Email,
            ["slice"] = Recipient.Slice.Select(s => (object)new Dictionary<string, object?> { ["name"] = s.Name, ["value"] = s.Value }).ToList(),
            ["slice_line"] = Recipient.SliceLine,
        },
        ["kpis"] = Kpis.Select(k => (object)new Dictionary<string, object?>
        {
            ["key"] = k.Key, ["label"] = k.Label, ["value"] = k.Value, ["change"] = k.Change, ["sentiment"] = k.Sentiment,
        }).ToList(),
        ["links"] = new Dictionary<string, object?> { ["dashboard"] = Links.Dashboard, ["manage"] = Links.Manage ?? "", ["unsubscribe"] = Links.Unsubscribe ?? "" },
        ["note"] = Note,
        ["files"] = new Dictionary<string, object?>
        {
            ["line"] = FileValues.Line,
            ["links"] = FileValues.Links.Select(l => (object)new Dictionary<string, object?> { ["name"] = l.Name, ["url"] = l.Url }).ToList(),
        },
    };

    /// <summary>
    /// Values with every part filled in (a slice, KPIs, a note and all three links): templates are checked by
    /// rendering them with these, so a template that fails on every run fails its check instead.
    /// </summary>
    public static EmailTemplateValues Sample { get; } = new(
        "Fashion weekly", "Executive weekly journey", "16–22 Nov 2026", "Week 16–22 Nov 2026 vs 9–15 Nov 2026", "23 Nov 2026 08:00",
        new EmailRecipientValues("buyer@example.com", [new EmailSliceValue("department", "Fashion")], "Department: Fashion"),
        [
            new EmailKpiValues("visitors", "Visitors", "12,000", "+20.0%", 1),
            new EmailKpiValues("conversion_rate", "Conversion rate", "3.4%", "+0.3 pts", 1),
            new EmailKpiValues("ces", "Customer effort (CES)", "3.1", "-0.3", 1),
        ],
        new EmailLinkValues("https://reports.example.com/dashboards/executive-weekly?department=Fashion",
            "https://reports.example.com/subscriptions/manage?token=sample", "https://reports.example.com/subscriptions/unsubscribe?token=sample"),
        "No data for this period",
        EmailFileValues.Linked([new DownloadLink("executive-weekly.xlsx", "https://reports.example.com/runs/42/files/executive-weekly.xlsx")]));

    /// <summary>Values with every optional part left out: no slice, no KPIs, no note, no manage or unsubscribe link.</summary>
    internal static EmailTemplateValues BareSample { get; } = Sample with
    {
        Recipient = new EmailRecipientValues("ceo@example.com", [], "All customers"),
        Kpis = [],
        Links = new EmailLinkValues("https://reports.example.com/dashboards/executive-weekly"),
        Note = null,
        Files = null,
    };
}

/// <summary>Who the email is for and which slice of the data they see (no filters: all customers).</summary>
public sealed record EmailRecipientValues(string Email, IReadOnlyList<EmailSliceValue> Slice, string SliceLine);

/// <summary>One filter of a recipient's slice, e.g. ("department", "Fashion").</summary>
public sealed record EmailSliceValue(string Name, string Value);

/// <summary>One KPI, already formatted; <paramref name="Sentiment"/> 1 is good news, -1 bad, 0 neither.</summary>
public sealed record EmailKpiValues(string Key, string Label, string Value, string Change, int Sentiment);

/// <summary>The email's links: the live dashboard for the recipient's slice, and managing or ending the subscription (if any).</summary>
public sealed record EmailLinkValues(string Dashboard, string? Manage = null, string? Unsubscribe = null);

/// <summary>
/// The email's files as it speaks of them: attached (by name), or too large to attach and linked for download instead.
/// </summary>
public sealed record EmailFileValues(IReadOnlyList<string> Attached, IReadOnlyList<DownloadLink> Links)
{
    public static readonly EmailFileValues None = new([], []);

    public static EmailFileValues Of(IReadOnlyList<EmailAttachment> attachments) => new([.. attachments.Select(a => a.FileName)], []);

    public static EmailFileValues Linked(IReadOnlyList<DownloadLink> links) => new([], links);

    public const string TooLarge = "The files were too large to send by email, so they are not attached; download them instead:";

    /// <summary>One sentence: the one workbook every report attaches said as it always was, else the names, else that they were too large.</summary>
    public string Line =>
        Links.Count > 0 ? TooLarge
        : Attached.Count == 1 && Attached[0].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "The workbook with every number behind the dashboard is attached."
        : Attached.Count > 0 ? $"Attached: {string.Join(", ", Attached)}."
        : "";
}
