namespace JourneyReports.Tests;

/// <summary>
/// Test classes whose server queues Hangfire jobs (run now) or changes recurring jobs run alone, one host at a time:
/// Hangfire's job storage is process-wide (JobStorage.Current), so two test hosts started together in one process can
/// end up sharing one, and a job queued by one would run against the other's catalog.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackgroundJobs
{
    public const string Name = "Hangfire jobs, one server at a time";
}
