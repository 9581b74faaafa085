using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using JourneyReports.Refresh;
using Microsoft.Extensions.DependencyInjection;
using static JourneyReports.Tests.StandInRefresh;

namespace JourneyReports.Tests;

/// <summary>
/// A scheduled run never reads a half-refreshed model. The refresh's one transaction already keeps each statement on one
/// model; the gate keeps a whole run (many statements) on one: runs arriving during a refresh wait for it, and a refresh
/// waits to commit until runs already reading are done.
/// </summary>
public sealed class ModelGateTests
{
    [Fact]
    public async Task ARefreshInProgress_MakesNewReaders_WaitUntilItEnds()
    {
        var gate = new ModelGate();
        var refresh = await gate.RefreshAsync(default);

        var reading = gate.ReadAsync(default);
        Assert.False(reading.IsCompleted);
        refresh.Dispose();

        (await reading).Dispose();
        Assert.False(gate.Refreshing);
    }

    [Fact]
    public async Task ARefresh_WaitsToCommit_UntilReadersAlreadyReadingAreDone_AndRefreshesTakeTurns()
    {
        var gate = new ModelGate();
        var reader = await gate.ReadAsync(default);
        using var refresh = await gate.RefreshAsync(default);

        var commit = refresh.ReadersGoneAsync(default);
        var second = gate.RefreshAsync(default);
        Assert.False(commit.IsCompleted);
        reader.Dispose();
        await commit;

        Assert.False(second.IsCompleted);
        refresh.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task AReportRunStartedDuringARefresh_WaitsForIt_AndReadsTheNewModelWhole()
    {
        await using var s = await CreateAsync();
        await s.SeedAsync();
        await s.RefreshAsync();                                                       // the old model: 3 orders, 6 events
        // Orders and events counted by two datasets: two statements, so a commit between them would show a mix.
        var folder = Path.Combine(s.Directory, "boards");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "orders.sql"), "SELECT count(*) AS orders FROM orders");
        File.WriteAllText(Path.Combine(folder, "events.sql"), "SELECT count(*) AS events FROM events");
        File.WriteAllText(Path.Combine(folder, "counts.json"), """
            { "name": "counts", "title": "Counts", "version": 1,
              "datasets": { "orders": { "sql": "orders.sql" }, "events": { "sql": "events.sql" } },
              "visuals": [
                { "id": "o", "type": "table", "dataset": "orders", "position": { "row": 1, "col": 1, "width": 6, "height": 3 } },
                { "id": "e", "type": "table", "dataset": "events", "position": { "row": 1, "col": 7, "width": 6, "height": 3 } } ],
              "layout": { "rows": 3, "columns": 12 } }
            """);
        s.Options.DashboardsDirectory = folder;
        await s.ExecAsync($"""
            INSERT INTO journey_orders VALUES (103, 1, '2026-10-09 10:00:00.000000', 'web', 'completed', 35.00, NULL, NULL, 0, '{T2}');
            INSERT INTO journey_events VALUES
                (7, '2026-10-09 09:55:00.000000', 1, 'a1', 's9', 'web', 'Desktop', 'add_to_cart', 11, '{T2}'),
                (8, '2026-10-09 10:00:00.000000', 1, 'a1', 's9', 'web', 'Desktop', 'purchase', 11, '{T2}');
            """);
        var runner = s.Services.GetRequiredService<ReportRunner>();
        Task<RunResult>? run = null;
        (long Orders, long Events)? seenMeanwhile = null;

        await s.RefreshAsync(progress: p =>
        {
            if (p is not { Step: RefreshStep.Applied, Query: "orders" }) return;
            // The new orders are in the model inside the refresh's transaction, the new events not yet: a run starts now.
            run = Task.Run(() => runner.RunAsync(new RunRequest("counts", "test", [], "UTC", JourneyFilter.None), default));
            // Until the run stands at the gate (a run that did not wait would never get there: the test then fails).
            SpinWait.SpinUntil(() => s.Warehouse.Gate.Waiting == 1 || run.IsCompleted, TimeSpan.FromMinutes(2));
            Assert.Equal(1, s.Warehouse.Gate.Waiting);
            seenMeanwhile = Task.Run(async () =>
            {
                await using var c = await s.Warehouse.Provider.ConnectAsync(default);
                return (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM orders"), await c.ExecuteScalarAsync<long>("SELECT count(*) FROM events"));
            }).GetAwaiter().GetResult();
        });
        var result = await run!;

        Assert.Equal((3L, 6L), seenMeanwhile);                                          // anyone else sees the old model whole
        Assert.Equal(("4", "8"), (Cell(result.WorkbookPath, "Orders", "A2"), Cell(result.WorkbookPath, "Events", "A2")));   // the run waited: the new model, whole
    }

    // Read with the Open XML SDK: ClosedXML would load the workbook's dashboard picture, which needs libgdiplus.
    static string? Cell(string xlsx, string sheet, string reference)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheet).Id!);
        return part.Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference)?.CellValue?.Text;
    }
}
