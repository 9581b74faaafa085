namespace JourneyReports.Dashboards;

/// <summary>
/// A clock that stands at one instant: what a run's relative period and its generated-at are read from, so a run
/// resolves "last week" as of its schedule's fire (however late a retry runs), or as of the moment its cache key was made.
/// </summary>
public sealed class AsOf(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}
