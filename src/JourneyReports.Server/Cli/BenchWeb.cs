using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// bench --web: the real server (this executable, as a child process on a loopback port, over a demo warehouse in the
/// bench's temporary folder) under concurrent HTTP clients. The same request list is sent twice: first every request
/// with parameters of its own (a different week each), so each one computes its dashboard; then the same URLs again,
/// which a result cache can answer. Each phase reports p50, p95 and max latency and the errors, overall and per kind.
/// </summary>
internal static class BenchWeb
{
    // What a visitor to the portal fetches: dashboard pages most, and the downloads of the executive dashboard.
    static readonly (string Kind, string Path)[] Mix =
    [
        ("page", "/dashboards/executive-weekly"),
        ("page", "/dashboards/funnel-and-drop-off"),
        ("png", "/dashboards/executive-weekly/dashboard.png"),
        ("page", "/dashboards/customer-experience"),
        ("xlsx", "/dashboards/executive-weekly/workbook.xlsx"),
        ("page", "/dashboards/executive-weekly"),
    ];

    public static async Task RunAsync(JourneyReportsOptions configured, string dir, double scale, int clients, int requests)
    {
        if (clients < 1 || requests < 1) throw new CliUsageException("--clients and --requests must be at least 1");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var options = new JourneyReportsOptions { DataDirectory = dir, Journey = configured.Journey };
        await using (var seeding = Cli.Services(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
        {
            var watch = Stopwatch.StartNew();
            var seeded = await DemoWarehouse.SeedAsync(seeding.GetRequiredService<JourneyWarehouse>(), new DemoSpec(scale, 42, yesterday), replace: true, null, CancellationToken.None);
            Console.WriteLine($"generate scale {scale}: {watch.Elapsed.TotalSeconds:0.0} s   {seeded.Customers:N0} customers, {seeded.Events:N0} events, " +
                $"{seeded.Orders:N0} orders, file {new FileInfo(options.ResolvePath(options.Warehouse.Path)).Length / 1048576.0:0} MB");
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0} GiB, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        // Request i asks for the seven days ending i days before yesterday: never the same parameters twice, never a
        // default period, so in the first phase no request can reuse another's result.
        var urls = Enumerable.Range(0, requests).Select(i =>
        {
            var (kind, path) = Mix[i % Mix.Length];
            var last = yesterday.AddDays(-(i / Mix.Length));
            return (kind, $"{path}?from={last.AddDays(-6):yyyy-MM-dd}&to={last:yyyy-MM-dd}");
        }).ToList();

        var port = FreePort();
        // The cache holds every distinct request of the run (and the warm-up's), so the second phase measures hits, not evictions.
        var log = new StreamWriter(Path.Combine(dir, "server.log")) { AutoFlush = true };
        using var server = StartServer(configured, dir, port, cacheEntries: requests + Mix.Length, log);
        try
        {
            using (var probe = Client(new Uri($"http://127.0.0.1:{port}"), 1)) await WaitUntilUpAsync(probe, server);
            // Every request is signed in, as an analyst's script would be: an API token made in the server's own catalog.
            using var http = Client(new Uri($"http://127.0.0.1:{port}"), clients, await BenchTokenAsync(options));
            // Warm-up, one at a time: JIT, fonts and DuckDB's first reads are not what either phase measures.
            foreach (var (_, path) in Mix) await http.GetByteArrayAsync(path + "?period=last-28-days");
            Console.WriteLine($"{requests} requests at {clients} concurrent, server on 127.0.0.1:{port}, log {Path.Combine(dir, "server.log")}");
            Report("uncached (distinct parameters)", await DriveAsync(http, urls, clients));
            Report("cached (the same URLs again)", await DriveAsync(http, urls, clients));
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            lock (log) log.Dispose();
        }
    }

    static async Task<string> BenchTokenAsync(JourneyReportsOptions options)
    {
        var catalog = new Catalog.ReportCatalog(Catalog.CatalogDatabase.From(options.Catalog, options.ResolvePath));
        var accounts = new Accounts(catalog, new AccountOptions(), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Accounts>.Instance);
        var user = await catalog.FindUserAsync("bench@localhost", CancellationToken.None)
            ?? await accounts.AddAsync(new("bench@localhost", "Bench", Catalog.Roles.Analyst, "all"), "bench", CancellationToken.None);
        return (await accounts.CreateTokenAsync(user, "bench --web", 1, CancellationToken.None)).Token;
    }

    /// <summary>
    /// The one place requests get their client. <paramref name="bearerToken"/> is the hook for sign-in: once the server
    /// requires it, the bench creates a token for its run and every request carries it as <c>Authorization: Bearer</c>.
    /// </summary>
    static HttpClient Client(Uri server, int clients, string? bearerToken = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (bearerToken is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        return http;
    }

    sealed record Timing(string Kind, double Milliseconds, string? Error);

    /// <summary>Every URL once, <paramref name="clients"/> at a time, each timed to its last byte.</summary>
    static async Task<(List<Timing> Timings, TimeSpan Elapsed)> DriveAsync(HttpClient http, List<(string Kind, string Url)> urls, int clients)
    {
        var next = -1;
        var timings = new Timing[urls.Count];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < urls.Count; i = Interlocked.Increment(ref next))
            {
                var (kind, url) = urls[i];
                var one = Stopwatch.StartNew();
                string? error;
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    error = response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {url}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    error = $"{e.GetType().Name} {url}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}";
                }
                timings[i] = new Timing(kind, one.Elapsed.TotalMilliseconds, error);
            }
        })));
        return ([.. timings], watch.Elapsed);
    }

    static void Report(string phase, (List<Timing> Timings, TimeSpan Elapsed) run)
    {
        var (timings, elapsed) = run;
        Console.WriteLine($"{phase}: {elapsed.TotalSeconds:0.0} s, {timings.Count / elapsed.TotalSeconds:0.0} requests/s");
        Console.WriteLine($"  {"kind",-8}{"requests",10}{"p50 ms",10}{"p95 ms",10}{"max ms",10}{"errors",8}");
        foreach (var (kind, group) in new[] { ("all", timings) }.Concat(timings.GroupBy(t => t.Kind).Select(g => (g.Key, g.ToList()))))
        {
            var ms = group.Select(t => t.Milliseconds).Order().ToList();
            Console.WriteLine($"  {kind,-8}{ms.Count,10}{Percentile(ms, 0.50),10:0}{Percentile(ms, 0.95),10:0}{ms[^1],10:0}{group.Count(t => t.Error is not null),8}");
        }
        foreach (var error in timings.Where(t => t.Error is not null).Select(t => t.Error).Distinct().Take(5))
            Console.WriteLine($"  error: {error}");
    }

    /// <summary>The nearest-rank percentile: the smallest value at least <paramref name="p"/> of the values are at or below.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// This executable as the server, in the bench's folder: no appsettings.json there, so no configured schedule runs
    /// beside the requests; the settings that shape the data (dashboards, culture, stage map) are passed on.
    /// </summary>
    static Process StartServer(JourneyReportsOptions configured, string dir, int port, int cacheEntries, StreamWriter log)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(BenchWeb).Assembly.Location);
        var env = start.Environment;
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["JourneyReports__DataDirectory"] = dir;
        env["JourneyReports__DashboardsDirectory"] = configured.DashboardsDirectory;
        env["JourneyReports__Culture"] = configured.Culture;
        env["JourneyReports__CurrencySymbol"] = configured.CurrencySymbol;
        env["JourneyReports__Warehouse__SeedDemoDataIfEmpty"] = "false";
        env["JourneyReports__Dashboards__CacheEntries"] = cacheEntries.ToString(CultureInfo.InvariantCulture);
        env["JourneyReports__Journey__ConversionWindowDays"] = configured.Journey.ConversionWindowDays.ToString(CultureInfo.InvariantCulture);
        foreach (var (stage, events) in configured.Journey.StageMap)
            foreach (var (e, i) in events.Select((e, i) => (e, i)))
                env[$"JourneyReports__Journey__StageMap__{stage}__{i}"] = e;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        void Write(string? line)
        {
            if (line is null) return;
            lock (log) { if (log.BaseStream is not null) log.WriteLine(line); }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task WaitUntilUpAsync(HttpClient http, Process server)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException($"the bench's server exited with code {server.ExitCode}; see server.log in the bench folder (--keep keeps it)");
            try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > until) throw new InvalidOperationException("the bench's server did not answer /healthz within 2 minutes");
            await Task.Delay(200);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
