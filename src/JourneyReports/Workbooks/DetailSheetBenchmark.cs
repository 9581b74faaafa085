using System.Diagnostics;

namespace JourneyReports.Workbooks;

/// <summary>
/// Streams a synthetic dataset (8 mixed columns) through <see cref="DetailWorkbookWriter"/> to a file and reports the
/// time, the process's peak working set and the file size. Rows are generated on the fly so the figure measures the
/// writer, not a dataset held in memory. The peak is the whole process's, from its start: run it in a fresh process.
/// </summary>
public static class DetailSheetBenchmark
{
    static readonly DetailColumn[] Columns =
    [
        new("Order id", DetailColumnType.Integer),
        new("Customer", DetailColumnType.Text),
        new("Channel", DetailColumnType.Text),
        new("Ordered on", DetailColumnType.Date),
        new("Seen at", DetailColumnType.DateTime),
        new("Items", DetailColumnType.Integer),
        new("Revenue", DetailColumnType.Currency, "£#,##0.00"),
        new("Discount", DetailColumnType.Percent),
    ];

    static readonly string[] Channels = ["Organic search", "Paid social", "Email", "Direct", "Referral"];

    public static (TimeSpan Elapsed, long PeakWorkingSetBytes, long FileBytes) Run(int rows, string path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var stopwatch = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            DetailWorkbookWriter.Write(file, "Orders", Columns, Rows(rows));
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (stopwatch.Elapsed, process.PeakWorkingSet64, new FileInfo(path).Length);
    }

    static IEnumerable<object?[]> Rows(int count)
    {
        var start = new DateTime(2026, 1, 1);
        for (var i = 1; i <= count; i++)
        {
            var seen = start.AddSeconds(i * 37L % 31_536_000);
            yield return
            [
                i, "Customer " + (i * 7919 % 100_000), Channels[i % Channels.Length], DateOnly.FromDateTime(seen), seen,
                1 + i % 9, Math.Round(5m + i % 50_000 / 100m, 2), i % 4 == 0 ? null : i % 20 / 100.0,
            ];
        }
    }
}
