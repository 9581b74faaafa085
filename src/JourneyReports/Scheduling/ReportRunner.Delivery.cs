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
    /// stop the others. Every message is written before the first is sent, so a template that fails on real values sends
    /// nothing. A subscription's deliveries go through the ledger (keyed by the fire time and the period): claimed before
    /// sending, so a recipient already delivered for this fire is not sent again, and settled after each send, whatever
    /// the server said. Recipients refused for now are tried again together after Mail:Retry's waits, unless the server
    /// could not be reached at all: then the rest wait for the schedule's retry of the run rather than hold it up.
    /// </summary>
    async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(long runId, string? slice, RunPlan plan, Rendered rendered, IReadOnlyList<SubscriptionRecipient> recipients,
        CancellationToken ct)
    {
        var whenEmpty = plan.Subscription?.WhenEmpty ?? "send";
        var note = rendered.Empty && whenEmpty == "note" ? NoDataNote(rendered, options.ReportCulture()) : null;
        var ledger = plan.Subscription is { } s && plan.Trigger != TestTrigger ? (s.Id, Key: LedgerKey(plan, rendered)) : ((long Id, string Key)?)null;
        foreach (var r in recipients) TryMessage(runId, slice, plan, rendered, r, note);   // throws a template's failure before any send

        var results = new Dictionary<string, DeliveryResult>(StringComparer.OrdinalIgnoreCase);
        var attempts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var pending = new List<(SubscriptionRecipient Recipient, string MessageId)>();
        foreach (var r in recipients)
        {
            if (rendered.Empty && whenEmpty == "skip") { results[r.Email] = new(r.Email, RecipientStatus.Skipped, "no data for this period"); continue; }
            if (ledger is not { } l) { pending.Add((r, MimeUtils.GenerateMessageId())); continue; }
            if (await catalog.ClaimDeliveryAsync(l.Id, l.Key, r.Email, runId, MimeUtils.GenerateMessageId(), clock.GetUtcNow(), ct) is { } claim)
            {
                pending.Add((r, claim.MessageId));
                attempts[r.Email] = claim.Attempt;
                continue;
            }
            // Settled by an earlier run of this fire: delivered, or refused for good, or uncertain — said as it is.
            var earlier = (await catalog.LedgerEntryAsync(l.Id, l.Key, r.Email, ct))!;
            results[r.Email] = earlier.Status == RecipientStatus.Sent
                ? new(r.Email, RecipientStatus.AlreadyDelivered, $"delivered by run {earlier.RunId}")
                : new(r.Email, earlier.Status, $"settled by run {earlier.RunId}: {earlier.Detail}");
        }

        for (var pass = 1; pending.Count > 0; pass++)
        {
            var again = new List<(SubscriptionRecipient, string)>();
            string? unreachable = null;
            foreach (var (r, messageId) in pending)
            {
                using var recipientScope = log.BeginScope(new Dictionary<string, object> { ["Recipient"] = r.Email });
                var (result, serverTrouble) = unreachable is not null
                    ? (new DeliveryResult(r.Email, RecipientStatus.Transient, $"not tried: {unreachable}"), false)
                    : await SendOnceAsync(runId, slice, plan, rendered, r, note, messageId, pass, ct);
                if (serverTrouble) unreachable = $"the mail server could not be reached ({result.Detail})";
                if (ledger is { } l)
                    await catalog.SettleDeliveryAsync(l.Id, l.Key, r.Email, result.Status, result.Detail, clock.GetUtcNow(), TimeSpan.FromMinutes(5));
                if (result.Status == RecipientStatus.Transient) again.Add((r, messageId));
                results[r.Email] = result;
            }
            if (again.Count == 0 || unreachable is not null || options.Mail.Retry.DelayBefore(pass + 1) is not { } wait) break;
            log.LogInformation("Run {RunId}: {Count} recipient(s) refused for now; trying again in {Wait}", runId, again.Count, wait);
            await Task.Delay(wait, clock, ct);
            pending = again;
        }

        foreach (var r in recipients)
            await catalog.AddDeliveryAsync(runId, r.Email, mail.Name, results[r.Email].Status, results[r.Email].Detail, clock.GetUtcNow(), ct,
                attempts.GetValueOrDefault(r.Email, 1));
        return [.. recipients.Select(r => results[r.Email])];
    }

    /// <summary>The trigger of a test send ("send a test to me"): the subscription's email, without its ledger or owner notices.</summary>
    public const string TestTrigger = "test";

    /// <summary>The ledger's key of a run: its fire time (so a later fire, or "run now", is a delivery of its own) and its period.</summary>
    static string LedgerKey(RunPlan plan, Rendered rendered) =>
        $"{(plan.FireTime ?? rendered.Result.GeneratedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {PeriodKey(rendered.Result.Period)}";

    /// <summary>Writes a recipient's message without sending it; a bad address is left for the send to record.</summary>
    void TryMessage(long runId, string? slice, RunPlan plan, Rendered rendered, SubscriptionRecipient recipient, string? note)
    {
        try { Message(runId, slice, plan, rendered, recipient, note); }
        catch (ParseException) { }
    }

    /// <summary>
    /// Builds and sends one recipient's message once; also whether the server itself was the trouble (no answer at all,
    /// as opposed to a reply about this message), when trying the others now is pointless.
    /// </summary>
    async Task<(DeliveryResult Result, bool ServerTrouble)> SendOnceAsync(long runId, string? slice, RunPlan plan, Rendered rendered,
        SubscriptionRecipient recipient, string? note, string messageId, int pass, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = Message(runId, slice, plan, rendered, recipient, note);
            message.MessageId = messageId;
        }
        catch (ParseException e)
        {
            return (new DeliveryResult(recipient.Email, RecipientStatus.Permanent, $"not an email address: {e.Message}"), false);
        }
        var outcome = await mail.SendAsync(message, ct);
        if (outcome.IsSent)
            log.LogInformation("Sent {Report} run {RunId} to {Recipient} via {Transport}: {Where}", plan.ReportId, runId, recipient.Email, mail.Name, outcome.Where);
        else
            log.LogWarning("Could not send {Report} run {RunId} to {Recipient} via {Transport}, pass {Pass}: {Outcome}", plan.ReportId, runId, recipient.Email, mail.Name, pass, outcome);
        var (status, detail) = Recorded(outcome);
        return (new DeliveryResult(recipient.Email, status, detail), outcome.Status == DeliveryStatus.Transient && outcome.SmtpCode is null);
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
        if (plan.Subscription is not { Owner.Length: > 0 } subscription || plan.Trigger == TestTrigger) return;
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
        $"There is no data for {ReportFormat.Period(rendered.Result.Period, culture)} yet, so this email carries no workbook or other files.";
}
