using System.Globalization;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Scheduling;

public sealed partial class ReportRunner
{
    /// <summary>The email's words and numbers, written out here so delivery only moves finished text and files.</summary>
    static EmailContent EmailText(string title, DashboardResult result, IReadOnlyList<Kpi> kpis, CultureInfo culture, string? note)
    {
        var periodLine = result.Comparison is { } c ? ReportFormat.PeriodLine(result.Period, c, culture) : ReportFormat.Period(result.Period, culture);
        var symbol = culture.NumberFormat.CurrencySymbol;
        return new EmailContent(title, periodLine,
            [.. kpis.Select(k => new EmailKpi(k.Label, ReportFormat.KpiValue(k, symbol, culture), ReportFormat.Change(k, culture) ?? "no comparison",
                ReportFormat.Sentiment(k)))],
            result.GeneratedAt, note);
    }

    // Each recipient gets a message of their own, and one bad address or refused delivery does not stop the others.
    async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(long runId, RunRequest request, EmailContent content, byte[] png, byte[] xlsx,
        string fileName, string url, CancellationToken ct)
    {
        var results = new List<DeliveryResult>();
        foreach (var recipient in request.Recipients)
        {
            DeliveryResult result;
            try
            {
                var message = ReportEmail.Build(content, png, xlsx, fileName, url, options.Mail.From, recipient);
                var outcome = await mail.SendAsync(message, ct);
                // As before: sent records the outbox file (the run verb copies it) or the server with its reply.
                var where = mail.Name == "smtp" ? $"{outcome.Where} ({outcome.Detail})" : outcome.Where;
                result = outcome.IsSent ? new DeliveryResult(recipient, "sent", where) : new DeliveryResult(recipient, "failed", outcome.ToString());
                if (outcome.IsSent)
                    log.LogInformation("Sent {Report} run {RunId} to {Recipient} via {Transport}: {Where}", request.ReportId, runId, recipient, mail.Name, where);
                else
                    log.LogWarning("Could not send {Report} run {RunId} to {Recipient} via {Transport}: {Outcome}", request.ReportId, runId, recipient, mail.Name, outcome);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new DeliveryResult(recipient, "failed", e.Message);
                log.LogWarning(e, "Could not send {Report} run {RunId} to {Recipient} via {Transport}", request.ReportId, runId, recipient, mail.Name);
            }
            await catalog.AddDeliveryAsync(runId, recipient, mail.Name, result.Status, result.Detail, clock.GetUtcNow(), ct);
            results.Add(result);
        }
        return results;
    }
}
