using System.Text;
using JourneyReports.Warehouse;

namespace JourneyReports.Dashboards;

/// <summary>
/// The dashboards folder as last loaded, loaded again only when its files change: the name, write time or size of any
/// file in it or below (definitions and the analyst SQL they read). A request then costs a listing of the folder
/// instead of reading and validating every definition, and a definition dropped in or edited still shows up on the next one.
/// </summary>
public sealed class DashboardLibraryCache
{
    sealed record Loaded(string Folder, string Files, DashboardLibrary Library);

    Loaded? last;
    int loads;

    /// <summary>How many times the folder has been read and validated.</summary>
    public int Loads => Volatile.Read(ref loads);

    public DashboardLibrary Get(string folder, IWarehouseProvider sqlChecker)
    {
        // Listed before loading: a file changed while it loads is seen as changed on the next call, never missed.
        var files = Listing(folder);
        if (Volatile.Read(ref last) is { } kept && kept.Folder == folder && kept.Files == files) return kept.Library;
        Interlocked.Increment(ref loads);
        var library = DashboardLibrary.Load(folder, sqlChecker);
        Volatile.Write(ref last, new Loaded(folder, files, library));
        return library;
    }

    static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    static string Listing(string folder)
    {
        if (!Directory.Exists(folder)) return "(no folder)";
        var text = new StringBuilder();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", Everything).OrderBy(f => f.FullName, StringComparer.Ordinal))
            text.Append(file.FullName).Append('\0').Append(file.LastWriteTimeUtc.Ticks).Append('\0').Append(file.Length).Append('\n');
        return text.ToString();
    }
}
