using Dapper;

namespace JourneyReports.Catalog;

public sealed partial class ReportCatalog
{
    public async Task<LedgerEntry?> LedgerEntryAsync(long subscriptionId, string periodKey, string recipient, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct, durable: true);
        return await c.QuerySingleOrDefaultAsync<LedgerEntry>(Command("ledger_get",
            new { SubscriptionId = subscriptionId, PeriodKey = periodKey, Recipient = recipient }, ct));
    }

    /// <summary>
    /// Claims a recipient's delivery for <paramref name="runId"/> before anything is sent: the Message-Id to send with
    /// (the same on every attempt) and the attempt number; null when it is settled already (sent, refused for good, or
    /// uncertain) and must not be sent again.
    /// </summary>
    public async Task<(string MessageId, long Attempt)?> ClaimDeliveryAsync(long subscriptionId, string periodKey, string recipient, long runId,
        string newMessageId, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct, durable: true);
        var claimed = await c.QuerySingleOrDefaultAsync<(string MessageId, long Attempts)?>(Command("ledger_claim", new
        {
            SubscriptionId = subscriptionId, PeriodKey = periodKey, Recipient = recipient, MessageId = newMessageId, RunId = runId, At = Iso(at),
        }, ct));
        return claimed is { } x ? (x.MessageId, x.Attempts) : null;
    }

    /// <summary>
    /// Records how a claimed delivery ended. What the mail server said must not be lost: a catalog briefly locked by
    /// another writer is waited for (up to <paramref name="patience"/>), because giving up here would resend a message
    /// that was delivered.
    /// </summary>
    public async Task SettleDeliveryAsync(long subscriptionId, string periodKey, string recipient, string status, string? detail, DateTimeOffset at,
        TimeSpan patience)
    {
        var until = DateTimeOffset.UtcNow + patience;
        for (var wait = TimeSpan.FromMilliseconds(200); ; wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 5000)))
        {
            try
            {
                await using var c = await OpenAsync(CancellationToken.None);
                await c.ExecuteAsync(Command("ledger_settle", new
                {
                    SubscriptionId = subscriptionId, PeriodKey = periodKey, Recipient = recipient, Status = status, Detail = detail, At = Iso(at),
                }, CancellationToken.None));
                return;
            }
            catch (Exception e) when (CatalogDatabase.IsBusy(e) && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(wait);
            }
        }
    }
}
