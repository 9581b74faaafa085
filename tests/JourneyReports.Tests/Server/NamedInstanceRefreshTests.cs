using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// Several instances each keep their own warehouse copy: a named instance refreshes its own with a recurring job of its
/// own, on the Hangfire queue of its name (which only it takes), so instances sharing a job storage do not refresh one copy for all.
/// </summary>
public sealed class NamedInstanceRefreshTests : IClassFixture<NamedInstanceRefreshTests.Host>
{
    public sealed class Host : ServerHost
    {
        protected override IEnumerable<(string, string)> Settings =>
        [("JourneyReports:Instance:Name", "reports-a"), .. RefreshScheduleTests.Host.AdventureWorksSource];
    }

    readonly Host host;
    public NamedInstanceRefreshTests(Host host) => this.host = host;

    [Fact]
    public void ANamedInstance_RefreshesItsOwnCopy_WithItsOwnJob_OnItsOwnQueue()
    {
        _ = host.CreateClient();   // starts the server

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var refreshes = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Where(j => j.Id.StartsWith("refresh:", StringComparison.Ordinal)).ToList();
        var job = Assert.Single(refreshes);
        // Hangfire 1.8 keeps a recurring job's queue in its job (the storage supports it: JobStorageFeatures.JobQueueProperty).
        Assert.Equal(("refresh:aw@reports-a", "reports-a", "30 5 * * *"), (job.Id, job.Job.Queue, job.Cron));
    }
}
