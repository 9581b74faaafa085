using System.Globalization;
using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Rendering;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Utils;

namespace JourneyReports.Scheduling;

public sealed partial class ReportRunner
{
    /// <summary>
    /// Emails one slice to its recipients, each with a message of their own; one bad address or refused delivery does not
    /// stop the others. A subscription's deliveries go through the ledger: claimed before sending, so a recipient already
    /// delivered for this period is not sent again, and settled after, whatever the server said.
    /// </summary>
    async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(long runId, string? slice, RunPlan plan, Rendered rendered, IReadOnlyList<SubscriptionRecipient> recipients,
        CancellationToken ct)
    {
        var results = new List<DeliveryResult>();
        var whenEmpty = plan.Subscription?.WhenEmpty ?? "send";
        var note = rendered.Empty && whenEmpty == "note" ? NoDataNote(rendered, options.ReportCulture()) : null;
        var periodKey = PeriodKey(rendered.Result.Period);
        foreach (var recipient in recipients)
        {
            using var recipientScope = log.BeginScope(new Dictionary<string, object> { ["Recipient"] = recipient.Email });
            DeliveryResult result;
            long attempt = 1;
            if (rendered.Empty && whenEmpty == "skip")
                result = new DeliveryResult(recipient.Email, RecipientStatus.Skipped, "no data for this period");
            else if (plan.Subscription is { } subscription)
            {
                var claim = await catalog.ClaimDeliveryAsync(subscription.Id, periodKey, recipient.Email, runId, MimeUtils.GenerateMessageId(), clock.GetUtcNow(), ct);
                if (claim is not { } c)
                    result = new DeliveryResult(recipient.Email, RecipientStatus.AlreadyDelivered, $"delivered for {periodKey} before");
                else
                {
                    attempt = c.Attempt;
                    result = await SendAsync(runId, slice, plan, rendered, recipient, note, c.MessageId, ct);
                    await catalog.SettleDeliveryAsync(subscription.Id, periodKey, recipient.Email, result.Status, result.Detail, clock.GetUtcNow(), TimeSpan.FromMinutes(5));
                }
            }
            else
                result = await SendAsync(runId, slice, plan, rendered, recipient, note, MimeUtils.GenerateMessageId(), ct);
            await catalog.AddDeliveryAsync(runId, recipient.Email, mail.Name, result.Status, result.Detail, clock.GetUtcNow(), ct, attempt);
            results.Add(result);
        }
        return results;
    }

    /// <summary>Builds and sends one recipient's message; a refusal for now is tried again after each configured delay.</summary>
    async Task<DeliveryResult> SendAsync(long runId, string? slice, RunPlan plan, Rendered rendered, SubscriptionRecipient recipient, string? note,
        string messageId, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = Message(runId, slice, plan, rendered, recipient, note);
            message.MessageId = messageId;
        }
        catch (ParseException e)
        {
            return new DeliveryResult(recipient.Email, RecipientStatus.Permanent, $"not an email address: {e.Message}");
        }
        // A refusal for now is tried again after Mail:Retry's waits; after those the run is left to the schedule's retry.
        var attempts = await mail.SendWithRetriesAsync(message, options.Mail.Retry, ct, clock, (n, outcome) =>
        {
            if (outcome.IsSent)
                log.LogInformation("Sent {Report} run {RunId} to {Recipient} via {Transport}: {Where}", plan.ReportId, runId, recipient.Email, mail.Name, outcome.Where);
            else
                log.LogWarning("Could not send {Report} run {RunId} to {Recipient} via {Transport}, attempt {Attempt}: {Outcome}", plan.ReportId, runId, recipient.Email, mail.Name, n, outcome);
        });
        var (status, detail) = Recorded(attempts.Final);
        return new DeliveryResult(recipient.Email, status, detail);
    }

    /// <summary>How an outcome goes into the run history: a sent outbox message by its file, an SMTP one by the server and its reply.</summary>
    (string Status, string Detail) Recorded(DeliveryOutcome outcome) => outcome.Status switch
    {
        DeliveryStatus.Sent => (RecipientStatus.Sent, mail.Name == "smtp" ? $"{outcome.Where} ({outcome.Detail})" : outcome.Where),
        DeliveryStatus.Transient => (RecipientStatus.Transient, outcome.ToString()),
        DeliveryStatus.Uncertain => (RecipientStatus.Uncertain, outcome.ToString()),
        _ => (RecipientStatus.Permanent, outcome.ToString()),
    };

    /// <summary>Tells a subscription's owner that a run fell short, once per run; ad-hoc runs have no owner to tell.</summary>
    async Task NotifyOwnerAsync(long runId, RunPlan plan, string status, string problem, CancellationToken ct)
    {
        if (plan.Subscription is not { Owner.Length: > 0 } subscription) return;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Mail.From));
        message.To.Add(MailboxAddress.Parse(subscription.Owner));
        message.Subject = $"JourneyReports: subscription '{subscription.Name}' run {runId} {status}";
        message.Body = new TextPart("plain")
        {
            Text = $"The run {runId} of your subscription '{subscription.Name}' ({plan.ReportId}) {status}.\n\n{problem}\n\n" +
                   $"Its history: {options.PublicUrl.TrimEnd('/')}/runs/{runId}\n",
        };
        var (sent, detail) = Recorded(await mail.SendAsync(message, ct));
        log.LogInformation("Told owner {Owner} of subscription {Subscription} that run {RunId} {Status}: {Outcome}", subscription.Owner, subscription.Name, runId, status, sent);
        await catalog.AddDeliveryAsync(runId, subscription.Owner, mail.Name, sent, "owner notice: " + detail, clock.GetUtcNow(), ct);
    }

    static string PeriodKey(Journeys.ReportPeriod period) =>
        $"{period.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{period.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {period.TimeZoneId}";

    static string NoDataNote(Rendered rendered, CultureInfo culture) =>
        $"There is no data for {ReportFormat.Period(rendered.Result.Period, culture)} yet, so this email carries no dashboard.";
}
