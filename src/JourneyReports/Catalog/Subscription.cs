using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyReports.Catalog;

/// <summary>
/// One recipient of a subscription and their slice: the filters (by the names the web and CLI use: department,
/// region, persona, ...) their email is rendered with, on top of the subscription's own.
/// </summary>
public sealed record SubscriptionRecipient(string Email, IReadOnlyDictionary<string, string>? Slice = null)
{
    public IReadOnlyDictionary<string, string> Filters => Slice ?? new Dictionary<string, string>();
}

/// <summary>
/// A report an analyst scheduled: which definition, with which parameters, when (cron in a time zone, between optional
/// dates), in which formats, with which email templates, to whom — each recipient with their own slice, and possibly
/// more recipients from a query over the warehouse. As saved in the catalog and written in a subscription file.
/// </summary>
public sealed record Subscription
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Report { get; init; } = "";

    /// <summary>period, from, to, compare and the filters, by the names the web and CLI use; absent keeps the definition's.</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];

    public string Cron { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public bool Enabled { get; init; } = true;
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public List<string> Formats { get; init; } = [.. SubscriptionFormats.Default];

    /// <summary>Liquid templates of the subject and the text body; null means the standard email.</summary>
    public string? Subject { get; init; }
    public string? Body { get; init; }

    public List<SubscriptionRecipient> Recipients { get; init; } = [];

    /// <summary>Analyst SQL over the warehouse whose rows are more recipients: an email column, and filter columns for their slices.</summary>
    public string? RecipientsSql { get; init; }

    /// <summary>What a period without data sends: a short note (note), nothing (skip) or the report all the same (send).</summary>
    public string WhenEmpty { get; init; } = "note";

    public long Version { get; init; }
    public string? CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <summary>What a subscription's email can carry.</summary>
public static class SubscriptionFormats
{
    public const string InlinePng = "inline-png", Png = "png", Svg = "svg", Xlsx = "xlsx", Pdf = "pdf", Csv = "csv";

    /// <summary>The dashboard in the email and the workbook attached, as the executive email has always been.</summary>
    public static readonly IReadOnlyList<string> Default = [InlinePng, Xlsx];

    public static readonly IReadOnlyList<string> All = [InlinePng, Png, Svg, Xlsx, Pdf, Csv];
}
