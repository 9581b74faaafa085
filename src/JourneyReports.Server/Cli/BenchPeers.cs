using System.Diagnostics;
using System.Globalization;

namespace JourneyReports.Server;

/// <summary>
/// bench --peers [--peer ../shared/peer] [--data ../shared/data] [--runs 3] [--work DIR]: JourneyReports side by side
/// with the pandas scripts an analyst would write instead (../shared/peer), on the same data, in the same run,
/// alternating one run of each, whole processes. Wall time and peak resident memory come from /usr/bin/time (Debian's
/// "time"): a child's peak is not visible to .NET after it exits. Prints the medians of both sides and their ratios.
/// The data (REES46 scaled ×287 = 5.0M events, make_events.py 5M as a pickle, a scale-1 demo warehouse) is made once
/// under --work and kept for the next run.
/// </summary>
internal static class BenchPeers
{
    sealed record Measure(double Seconds, long PeakKb);

    sealed record Comparison(string Work, Func<Task<Measure>> Ours, Func<Task<Measure>> Peer);

    public static async Task RunAsync(CliArgs args)
    {
        var peer = Path.GetFullPath(args.Value("peer") ?? Path.Combine("..", "shared", "peer"));
        var shared = Path.GetFullPath(args.Value("data") ?? Path.Combine("..", "shared", "data"));
        var work = Path.GetFullPath(args.Value("work") ?? Path.Combine(Path.GetTempPath(), "journeyreports-bench-peers"));
        var runs = args.Int("runs", 3);
        foreach (var needed in new[] { "/usr/bin/time", "/usr/bin/python3", Path.Combine(peer, "rees46_funnel.py") })
            if (!File.Exists(needed)) throw new CliUsageException($"{needed} is missing (apt-get install time python3-pandas python3-matplotlib python3-openpyxl; --peer names the peer folder)");
        Directory.CreateDirectory(work);
        var repo = Directory.GetCurrentDirectory();

        // The same data for both sides.
        var rees = Path.Combine(work, "rees46", "rees46-multicategory-2019oct-head", "2019-Oct.csv");
        if (!File.Exists(rees))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(rees)!);
            await Time("/usr/bin/python3", [Path.Combine(peer, "rees46_scale.py"), Path.Combine(shared, "rees46-multicategory-2019oct-head", "2019-Oct.csv"), "287", rees], repo);
        }
        var pickle = Path.Combine(work, "events5m.pkl");
        if (!File.Exists(pickle))
        {
            var csv = Path.Combine(work, "events5m.csv");
            await Time("/usr/bin/python3", [Path.Combine(peer, "make_events.py"), "5000000", csv], repo);
            await Time("/usr/bin/python3", ["-c", $"import pandas as pd; pd.read_csv('{csv}', parse_dates=['occurred_at']).to_pickle('{pickle}')"], repo);
        }
        var demo = Path.Combine(work, "demo1");
        if (!File.Exists(Path.Combine(demo, "warehouse.duckdb")))
            await Ours(["seed", "--scale", "1"], repo, demo);
        var imported = Path.Combine(work, "imported");
        await FreshImport(repo, imported, rees);

        var comparisons = new List<Comparison>
        {
            new("import 5.0M REES46 events + metrics funnel 2019-10-01..02",
                async () =>
                {
                    var import = await FreshImport(repo, Path.Combine(work, "import-run"), rees);
                    var funnel = await Ours(["metrics", "funnel", "--from", "2019-10-01", "--to", "2019-10-02"], repo, Path.Combine(work, "import-run"));
                    return new Measure(import.Seconds + funnel.Seconds, Math.Max(import.PeakKb, funnel.PeakKb));
                },
                () => Time("/usr/bin/python3", [Path.Combine(peer, "rees46_funnel.py"), rees], repo)),
            new("metrics funnel on the 5.0M imported events",
                () => Ours(["metrics", "funnel", "--from", "2019-10-01", "--to", "2019-10-02"], repo, imported),
                () => Time("/usr/bin/python3", [Path.Combine(peer, "rees46_funnel.py"), rees], repo)),
            new("run executive-weekly --no-email, scale 1 (5.5M events) / make_events 5M pickle",
                () => Ours(["run", "executive-weekly", "--no-email"], repo, demo),
                () => Time("/usr/bin/python3", [Path.Combine(peer, "weekly_dashboard.py"), pickle, Path.Combine(work, "peer-out")], repo)),
        };

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"bench --peers: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {runs} runs each, alternating; load average at start {load}");
        var rows = new List<string>();
        foreach (var c in comparisons)
        {
            var ours = new List<Measure>();
            var theirs = new List<Measure>();
            for (var i = 0; i < runs; i++)
            {
                ours.Add(await c.Ours());
                theirs.Add(await c.Peer());
            }
            var (o, p) = (Median(ours), Median(theirs));
            rows.Add($"| {c.Work} | {o.Seconds:0.00} s, {o.PeakKb / 1024} MB | {p.Seconds:0.00} s, {p.PeakKb / 1024} MB | {o.Seconds / p.Seconds:0.00}× | {(double)o.PeakKb / p.PeakKb:0.00}× |");
            Console.WriteLine($"{c.Work}: ours {string.Join(" ", ours.Select(m => m.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))} s; peer {string.Join(" ", theirs.Select(m => m.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))} s");
        }
        load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine();
        Console.WriteLine("| work | JourneyReports (median wall, peak RSS) | pandas peer | wall ratio | memory ratio |");
        Console.WriteLine("|---|---|---|---:|---:|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine($"load average at the end {load}");
    }

    /// <summary>A fresh warehouse in <paramref name="dataDir"/>, then the REES46 mapping's import of the scaled file, timed.</summary>
    static async Task<Measure> FreshImport(string repo, string dataDir, string rees)
    {
        if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        return await Ours(["import", "--mapping", Path.Combine("mappings", "rees46.json"), "--data", Path.GetDirectoryName(Path.GetDirectoryName(rees))!,
            "--rejects", Path.Combine(Path.GetTempPath(), "journeyreports-bench-rejects.csv")], repo, dataDir);
    }

    /// <summary>This executable (the same build) with a verb, over its own data folder and no demo seeding.</summary>
    static Task<Measure> Ours(string[] verb, string repo, string dataDir)
    {
        var self = typeof(BenchPeers).Assembly.Location;
        var host = Environment.ProcessPath!;
        string[] command = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [self, .. verb] : verb;
        return Time(host, command, repo, new()
        {
            ["JourneyReports__DataDirectory"] = dataDir,
            ["JourneyReports__Warehouse__SeedDemoDataIfEmpty"] = "false",
        });
    }

    static async Task<Measure> Time(string program, string[] arguments, string workingDirectory, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-f", "JRBENCH %e %M", program }.Concat(arguments)) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? []) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        var line = errors.Split('\n').LastOrDefault(l => l.StartsWith("JRBENCH ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {errors.Trim()}");
        var parts = line.Split(' ');
        return new Measure(double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    static Measure Median(List<Measure> runs) =>
        new(runs.Select(r => r.Seconds).Order().ElementAt(runs.Count / 2), runs.Select(r => r.PeakKb).Order().ElementAt(runs.Count / 2));
}
