using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// How the scheduling tests run reports: over a <see cref="ReportsDemoYear"/> (scale 0.01, seed 7, data up to Sunday
/// 22 Nov 2026), a migrated catalog in the options' data folder, and a runner whose clock stands at Monday
/// 23 Nov 2026 08:00 UTC.
/// </summary>
public static class DemoReportRunner
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static async Task<ReportRunner> CreateAsync(JourneyReportsOptions options)
    {
        var services = TestEngine.Services(options, new FixedClock(Monday));
        await services.GetRequiredService<ReportCatalog>().MigrateAsync(default);
        return services.GetRequiredService<ReportRunner>();
    }

    /// <summary>Removes the data folder afterwards; a file still held open is left to the temp folder's own clean-up.</summary>
    public static Task DeleteAsync(string dataDirectory)
    {
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
