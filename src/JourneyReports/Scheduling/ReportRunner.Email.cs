using System.Globalization;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using MimeKit;

namespace JourneyReports.Scheduling;

public sealed partial class ReportRunner
{
    /// <summary>
    /// One recipient's email from the subscription's templates (the standard email without them): the dashboard of their
    /// slice inline, the KPIs as text, the formats asked for attached, a link to the live dashboard of their slice and,
    /// from a subscription, a signed link to manage or stop it. When the whole would be larger than Mail:MaxMessageBytes
    /// the attachments become download links to the run's files. With <paramref name="note"/> (a period without data)
    /// only the note goes out. A template that fails throws before anything is sent.
    /// </summary>
    MimeMessage Message(long runId, string? slice, RunPlan plan, Rendered rendered, SubscriptionRecipient recipient, string? note)
    {
        var result = rendered.Result;
        var culture = options.ReportCulture();
        var template = EmailTemplate.Parse(plan.Subscription?.Subject, plan.Subscription?.Body);
        var values = Values(plan, rendered, recipient, culture, note);
        var png = rendered.Files[RunArtifacts.DashboardPng];
        // Too large for the mail server: the same email, its files as links to the run's copies.
        return ReportEmail.WithinLimit(note is null ? Attachments(plan, rendered) : [], a => links.RunFile(runId, (slice is null ? "" : slice + "/") + ArtifactOf(a, rendered)),
            options.Mail.MaxMessageBytes,
            (said, attached) => template.Render(values with { Files = said }).ToMessage(png, attached, options.Mail.From, recipient.Email, result.GeneratedAt)).Message;
    }

    /// <summary>The run's file an attachment was made from (attachments carry the report's name and date instead).</summary>
    static string ArtifactOf(EmailAttachment attachment, Rendered rendered) =>
        rendered.Files.First(f => ReferenceEquals(f.Value, attachment.Content)).Key;

    /// <summary>The files the plan's formats ask for, from the slice's artifacts (the dashboard inline is always sent).</summary>
    static List<EmailAttachment> Attachments(RunPlan plan, Rendered rendered)
    {
        var name = $"{rendered.Definition.Name}-{rendered.Result.Period.FirstDay:yyyy-MM-dd}";
        var files = new List<EmailAttachment>();
        foreach (var (file, bytes) in rendered.Files)
        {
            var attachment = file switch
            {
                RunArtifacts.Workbook when plan.Formats.Contains(SubscriptionFormats.Xlsx) => new EmailAttachment($"{name}.xlsx", bytes, ReportEmail.XlsxMediaType),
                RunArtifacts.DashboardPdf when plan.Formats.Contains(SubscriptionFormats.Pdf) => new EmailAttachment($"{name}.pdf", bytes, "application/pdf"),
                RunArtifacts.DashboardPng when plan.Formats.Contains(SubscriptionFormats.Png) => new EmailAttachment($"{name}.png", bytes, "image/png"),
                RunArtifacts.DashboardSvg when plan.Formats.Contains(SubscriptionFormats.Svg) => new EmailAttachment($"{name}.svg", bytes, "image/svg+xml"),
                _ when file.StartsWith("visual-", StringComparison.Ordinal) && file.EndsWith(".png", StringComparison.Ordinal) => new EmailAttachment(file, bytes, "image/png"),
                _ when file.StartsWith("visual-", StringComparison.Ordinal) && file.EndsWith(".svg", StringComparison.Ordinal) => new EmailAttachment(file, bytes, "image/svg+xml"),
                _ when file.EndsWith(".csv", StringComparison.Ordinal) => new EmailAttachment($"{name}-{file}", bytes, "text/csv"),
                _ => null,
            };
            if (attachment is not null) files.Add(attachment);
        }
        return files;
    }

    /// <summary>The run's words and numbers for one recipient, as the templates see them.</summary>
    EmailTemplateValues Values(RunPlan plan, Rendered rendered, SubscriptionRecipient recipient, CultureInfo culture, string? note)
    {
        var result = rendered.Result;
        var symbol = culture.NumberFormat.CurrencySymbol;
        var slice = rendered.Slice.Select(s => new EmailSliceValue(s.Key, s.Value)).ToList();
        return new EmailTemplateValues(
            plan.Subscription?.Name ?? plan.ReportId, rendered.Summary.Title, ReportFormat.Period(result.Period, culture),
            result.Comparison is { } c ? ReportFormat.PeriodLine(result.Period, c, culture) : ReportFormat.Period(result.Period, culture),
            ReportFormat.GeneratedLine(result.GeneratedAt, null, result.Period.TimeZoneId, culture),
            new EmailRecipientValues(recipient.Email, slice,
                slice.Count == 0 ? "All customers" : string.Join(", ", slice.Select(s => $"{KeyWords.Of(s.Name)}: {s.Value}"))),
            note is not null ? [] : [.. rendered.Summary.Kpis.Select(k => new EmailKpiValues(k.Key, k.Label, ReportFormat.KpiValue(k, symbol, culture),
                ReportFormat.Change(k, culture) ?? "no comparison", ReportFormat.Sentiment(k)))],
            new EmailLinkValues(options.PublicUrl.TrimEnd('/') + rendered.Summary.LivePath,
                plan.Subscription is { } s ? links.Manage(s, recipient.Email) : null,
                plan.Subscription is { } u ? links.Unsubscribe(u, recipient.Email) : null),
            note);
    }
}
