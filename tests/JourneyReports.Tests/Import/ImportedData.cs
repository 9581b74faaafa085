namespace JourneyReports.Tests;

/// <summary>
/// One real dataset from ../shared/data imported once through its committed mapping, shared by the tests of a class
/// (they only read it).
/// </summary>
public abstract class ImportedData(string mapping) : IAsyncLifetime
{
    public TempWarehouse Warehouse { get; private set; } = null!;
    public JourneyMetrics Metrics => Warehouse.Metrics;

    public async Task InitializeAsync()
    {
        Warehouse = await TempWarehouse.OpenAsync();
        await Warehouse.Connection.DisposeAsync();
        await CsvImport.RunAsync(Warehouse.Warehouse, Path.Combine(RepoPaths.Root, "mappings", mapping), RepoPaths.SharedData,
            Path.Combine(Warehouse.Directory, "rejects.csv"), default);
        await Warehouse.ReopenAsync();
    }

    public async Task DisposeAsync() => await Warehouse.DisposeAsync();
}

public sealed class Rees46Data() : ImportedData("rees46.json");
public sealed class OlistData() : ImportedData("olist.json");
public sealed class CdnowData() : ImportedData("cdnow.json");
public sealed class OnlineRetailData() : ImportedData("uci-online-retail.json");
