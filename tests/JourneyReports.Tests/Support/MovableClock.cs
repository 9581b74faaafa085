namespace JourneyReports.Tests;

/// <summary>A clock that stands still until a test moves it: the next day, without waiting for it.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
