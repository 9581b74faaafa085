using Dapper;
using JourneyReports.Catalog;

namespace JourneyReports.Tests;

/// <summary>Two instances starting at once on one new SQLite catalog: each migration is applied once, and neither fails.</summary>
public sealed class CatalogMigrationTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task Migrate_FromTwoCatalogsAtOnce_OnOneFile_AppliesEachMigrationOnce()
    {
        var path = Path.Combine(folder, "catalog.db");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new ReportCatalog(path).MigrateAsync(default))));

        await using var c = await CatalogDatabase.SqliteFile(path).OpenAsync(default);
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_versions"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
