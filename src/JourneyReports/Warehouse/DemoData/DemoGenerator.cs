using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace JourneyReports.Warehouse;

/// <summary>
/// Fills an empty warehouse with a year of believable customer journeys: personas, multi-device and multi-channel
/// journeys, orders, deliveries, support and surveys, with a Christmas peak, a paid-social campaign and a week-long
/// checkout fault for the dashboards to find. The same scale, seed and last day always give the same data.
/// </summary>
public static partial class DemoGenerator
{
    const int CustomersAtScale1 = 100_000;
    const int ProductsAtScale1 = 2_000;
    const double AnonymousPerCustomer = 2.0;

    /// <param name="conn">An open connection to <paramref name="warehouse"/> whose schema exists and whose tables are empty.</param>
    public static Task<DemoSummary> GenerateAsync(JourneyWarehouse warehouse, DbConnection conn, DemoSpec spec, Action<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conn);
        ArgumentNullException.ThrowIfNull(spec);
        if (!(spec.Scale > 0) || spec.Scale > 100)
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Scale, "Scale must be above 0 and at most 100.");
        // CPU-bound and synchronous underneath (bulk writers have no async API), so it runs off the caller's thread.
        return Task.Run(() => Generate(warehouse, conn, spec, progress, ct), ct);
    }

    static DemoSummary Generate(JourneyWarehouse warehouse, DbConnection conn, DemoSpec spec, Action<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var calendar = new DemoCalendar(spec.LastDay);
        var customers = Math.Max(1, (long)Math.Round(CustomersAtScale1 * spec.Scale));
        var anonymous = (long)Math.Round(customers * AnonymousPerCustomer);
        var productCount = Math.Max(50, (int)Math.Round(ProductsAtScale1 * spec.Scale));
        var inv = CultureInfo.InvariantCulture;

        DemoSummary summary;
        Execute(conn, warehouse.Sql("events_staging"));
        using (var writer = new DemoWriter(warehouse.Provider, conn, calendar.End))
        {
            var run = new DemoRun(writer, calendar, DemoCatalog.Create(productCount, spec.Seed, writer));
            long nextAnonymous = 0;
            var reported = 0;
            for (long i = 0; i < customers; i++)
            {
                if ((i & 1023) == 0) ct.ThrowIfCancellationRequested();
                SimulateCustomer(run, spec.Seed, i);
                // Anonymous visitors are interleaved so progress reflects all the work, not just customers.
                for (var upTo = (i + 1) * anonymous / customers; nextAnonymous < upTo; nextAnonymous++)
                    SimulateAnonymous(run, spec.Seed, nextAnonymous);
                var tenth = (int)((i + 1) * 10 / customers);
                if (tenth > reported)
                {
                    reported = tenth;
                    progress?.Invoke(string.Format(inv, "demo data: {0}% ({1:N0} of {2:N0} customers)", tenth * 10, i + 1, customers));
                }
            }
            summary = new DemoSummary(writer.Customers, writer.Events, writer.Orders, writer.Revenue, writer.Tickets, writer.Surveys, TimeSpan.Zero);
        }
        progress?.Invoke("demo data: storing events in time order");
        Execute(conn, warehouse.Sql("sort_events"));

        using (var info = warehouse.Provider.BulkWriter(conn, "warehouse_info"))
        {
            foreach (var (key, value) in new[]
            {
                ("generated_at", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv)),
                ("seed", spec.Seed.ToString(inv)),
                ("scale", spec.Scale.ToString("R", inv)),
                ("data_until", spec.LastDay.ToString("yyyy-MM-dd", inv)),
            })
                info.Row().Add(key).Add(value).End();
        }
        return summary with { Elapsed = clock.Elapsed };
    }

    static void Execute(DbConnection conn, string sql)
    {
        using var command = conn.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
