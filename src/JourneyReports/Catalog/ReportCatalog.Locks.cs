using System.Diagnostics;
using Dapper;

namespace JourneyReports.Catalog;

public sealed partial class ReportCatalog
{
    /// <summary>
    /// Takes the subscription's run lock for <paramref name="lease"/>, or returns null when a live process holds it. A
    /// lock left by a process of this machine that is gone (killed mid-run) is taken over at once, not after its lease.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLockSubscriptionAsync(long subscriptionId, TimeSpan lease, DateTimeOffset now, CancellationToken ct)
    {
        var holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():n}";
        await using var c = await OpenAsync(ct);
        var current = await c.QuerySingleOrDefaultAsync<string>(Command("lock_holder", new { SubscriptionId = subscriptionId }, ct));
        var stale = current is not null && IsDeadHereAndNow(current) ? current : null;
        var got = await c.QuerySingleOrDefaultAsync<string>(Command("lock_acquire", new
        {
            SubscriptionId = subscriptionId, Holder = holder, ExpiresAt = Iso(now + lease), Now = Iso(now), Stale = stale,
        }, ct));
        return got == holder ? new Lease(this, subscriptionId, holder) : null;
    }

    sealed class Lease(ReportCatalog catalog, long subscriptionId, string holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var c = await catalog.OpenAsync(CancellationToken.None);
            await c.ExecuteAsync(catalog.Command("lock_release", new { SubscriptionId = subscriptionId, Holder = holder }, CancellationToken.None));
        }
    }

    static bool IsDeadHereAndNow(string holder)
    {
        var parts = holder.Split(':');
        if (parts.Length < 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try { using var p = Process.GetProcessById(pid); return p.HasExited; }
        catch (ArgumentException) { return true; }   // no such process
    }

    public async Task<string?> FactAsync(string key, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string>(Command("fact_get", new { Key = key }, ct));
    }

    /// <summary>Records a fact once; false when it was recorded before (e.g. the appsettings schedules were seeded already).</summary>
    public async Task<bool> RecordFactOnceAsync(string key, string value, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteAsync(Command("fact_set", new { Key = key, Value = value, At = Iso(at) }, ct)) > 0;
    }
}
