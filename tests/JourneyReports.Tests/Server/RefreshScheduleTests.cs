using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>A configured source with a cron gets its recurring refresh job when the server starts, in its own time zone.</summary>
public sealed class RefreshScheduleTests : IClassFixture<RefreshScheduleTests.Host>
{
    public sealed class Host : ServerHost
    {
        /// <summary>A SQL Server source "aw" refreshed at 05:30 Tokyo time; never connected to here: the schedule is only registered.</summary>
        internal static readonly (string, string)[] AdventureWorksSource =
        [
            ("JourneyReports:Sources:aw:Mapping", Path.Combine(RepoPaths.Root, "mappings", "sqlserver-adventureworks.json")),
            ("JourneyReports:Sources:aw:ConnectionString", "Server=sql01.example.com;Database=AdventureWorksDW;User ID=journeyreports_reader;Password=unused"),
            ("JourneyReports:Sources:aw:Cron", "30 5 * * *"),
            ("JourneyReports:Sources:aw:TimeZone", "Asia/Tokyo"),
        ];

        protected override IEnumerable<(string, string)> Settings => AdventureWorksSource;
    }

    readonly Host host;
    public RefreshScheduleTests(Host host) => this.host = host;

    [Fact]
    public void ASourceWithACron_GetsItsRecurringRefreshJob_InItsZone()
    {
        _ = host.CreateClient();   // starts the server

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "refresh:aw");
        Assert.Equal(("30 5 * * *", "Asia/Tokyo"), (job.Cron, job.TimeZoneId));
        Assert.Equal(20, job.NextExecution!.Value.Hour);   // 05:30 in Tokyo is 20:30 UTC the day before
    }
}
