using JourneyReports.Dashboards;

namespace JourneyReports.Scheduling;

/// <summary>
/// Slices rendered in the last few minutes, by everything that makes them what they are (the definition file as it is
/// now, the parameters and slice, the formats, the minute they are resolved in, the warehouse's data version): many
/// subscriptions due at the same minute with the same report and slice share one query and one drawing. Two runs asking
/// for the same slice at once wait for the one rendering; a failed rendering is not kept, so the next run tries again.
/// </summary>
public sealed class RenderCache(TimeProvider clock) : IDisposable
{
    readonly SingleFlightCache<string, object> renders = new(capacity: 64, maxAge: TimeSpan.FromMinutes(2), clock);

    // The rendering runs on the token of the run that started it (render holds it): that job cancelled cancels the
    // rendering, and the runs waiting for it get the cancellation too; nothing cancelled is kept.
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> render) where T : class =>
        (T)await renders.GetAsync(key, async _ => await render(), CancellationToken.None);

    public void Dispose() => renders.Dispose();
}
