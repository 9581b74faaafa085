using System.Diagnostics;
using JourneyReports.Refresh;

namespace JourneyReports.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    /// <summary>Tests that measure the process's memory run with no other test beside them.</summary>
    public const string Name = "alone in the process";
}

/// <summary>
/// A large source streamed in bounded memory: a million generated events through the whole refresh (data reader, bulk
/// writer, the model checks a batch at a time). Memory is measured only as a generous bound, never time: the process's
/// working set and managed heap, sampled after every batch and every table applied, stay far below what a million rows
/// held at once would take.
/// </summary>
[Collection(AloneInTheProcess.Name)]
public sealed class RefreshLargeSourceTests
{
    [Fact]
    public async Task AMillionEvents_AreStreamedInBatches_InBoundedMemory()
    {
        await using var s = await StandInRefresh.CreateAsync();
        await StandInSource.GenerateEventsAsync(s.Source, 1, 1_000_000, new DateTime(2026, 1, 1), TimeSpan.FromSeconds(30), default);
        long peakWorkingSet = 0, peakManaged = 0, batches = 0;
        using var process = Process.GetCurrentProcess();
        // What the tests before this one left behind (this collection runs after the others, but their garbage may not
        // have been collected yet) is not the refresh's: the managed heap is measured from a collected start.
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var before = process.WorkingSet64;

        var result = await s.RefreshAsync(progress: p =>
        {
            if (p.Step == RefreshStep.Staged) batches++;
            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        });

        Assert.Equal(1_000_000, result.Queries.Single(q => q.Query == "events").RowsRead);
        Assert.Equal(1_000_000, await s.ScalarAsync<long>("SELECT count(*) FROM events"));
        Assert.Equal(10, batches);                   // 100,000 rows a batch
        // 1,000,000 rows: events 1..1,000,000 every 30 s from 1 Jan 2026, so the last at 1 Jan + 29,999,970 s.
        Assert.Equal(new DateTime(2026, 1, 1).AddSeconds(29_999_970), result.Queries.Single(q => q.Query == "events").Watermark);
        // Measured here: 190 MB before, at most 460 MB (the working set stays flat from the second batch on: what one batch
        // takes in DuckDB, about 80 MB, and the allocator's slack); managed heap 10 MB. A first design that kept every batch's
        // staging tables until the commit reached 1.4 GB.
        var grew = peakWorkingSet - before;
        Assert.True(grew < 400L << 20, $"the working set grew by {grew >> 20} MB during the refresh (from {before >> 20} MB to {peakWorkingSet >> 20} MB)");
        Assert.True(peakManaged - managedBefore < 100L << 20, $"the managed heap grew by {(peakManaged - managedBefore) >> 20} MB (from {managedBefore >> 20} MB to {peakManaged >> 20} MB)");
    }
}
