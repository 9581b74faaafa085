namespace JourneyReports.Tests;

/// <summary>A clock stopped at one instant, so "last complete week" is the same week on every run of a test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
