using System.Collections.Concurrent;

namespace JourneyReports.Scheduling;

/// <summary>
/// Slices rendered in the last few minutes, by everything that makes them what they are (the definition file as it is
/// now, the parameters and slice, the formats, the minute they are resolved in, the warehouse's data version): many
/// subscriptions due at the same minute with the same report and slice share one query and one drawing. Two runs asking
/// for the same slice at once wait for the one rendering.
/// </summary>
public sealed class RenderCache(TimeProvider clock)
{
    const int MaxEntries = 64;
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    readonly ConcurrentDictionary<string, (DateTimeOffset At, Lazy<Task<object>> Value)> entries = new();

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> render) where T : class
    {
        var now = clock.GetUtcNow();
        foreach (var old in entries.Where(e => now - e.Value.At > Lifetime).Select(e => e.Key).ToList()) entries.TryRemove(old, out _);
        while (entries.Count >= MaxEntries && entries.OrderBy(e => e.Value.At).FirstOrDefault() is { Key: { } oldest }) entries.TryRemove(oldest, out _);
        var entry = entries.GetOrAdd(key, _ => (now, new Lazy<Task<object>>(async () => await render())));
        try
        {
            return (T)await entry.Value.Value;
        }
        catch
        {
            entries.TryRemove(key, out _);   // a failure is not kept: the next run tries again
            throw;
        }
    }
}
