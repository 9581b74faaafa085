using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Import;

/// <summary>
/// Loads CSV exports into the journey tables as a mapping file says (docs/import.md). The whole import is one
/// transaction: a bad mapping, a missing file or a failure half-way leaves the warehouse as it was. Rows that cannot be
/// read or break the model are never dropped silently: they are counted and written to the rejects file.
/// </summary>
public static class CsvImport
{
    /// <summary>The share of a file's rows that may be rejected before the import fails, unless its mapping says otherwise.</summary>
    public const double DefaultMaxRejectedShare = 0.1;

    /// <param name="dataDirectory">Where the mapping's relative file names live; by default the mapping file's folder.</param>
    public static Task<ImportResult> RunAsync(JourneyWarehouse warehouse, string mappingPath, string? dataDirectory, string rejectsPath, CancellationToken ct) =>
        RunAsync(warehouse, mappingPath, dataDirectory, rejectsPath, null, ct);

    /// <param name="dataDirectory">Where the mapping's relative file names live; by default the mapping file's folder.</param>
    /// <param name="maxRejectedShare">If given, replaces every source's "maxRejectedShare" (0..1).</param>
    /// <param name="memoryLimit">DuckDB's memory limit for the import's duration (<see cref="WarehouseOptions.ImportMemoryLimit"/>).</param>
    public static async Task<ImportResult> RunAsync(JourneyWarehouse warehouse, string mappingPath, string? dataDirectory, string rejectsPath, double? maxRejectedShare, CancellationToken ct,
        string? memoryLimit = null)
    {
        WarehouseProviders.EnsureWritable(warehouse.Provider, "A CSV import");
        var clock = Stopwatch.StartNew();
        var mapping = ImportMapping.Load(mappingPath);
        var root = dataDirectory ?? Path.GetDirectoryName(Path.GetFullPath(mappingPath))!;
        string Resolve(string file)
        {
            var path = Path.GetFullPath(Path.Combine(root, file));
            if (!File.Exists(path)) throw new ImportException($"Mapping file '{mappingPath}' names '{file}', but {path} does not exist (or is not a file).");
            // DuckDB reads an empty file as one column named column0, which then surfaces as a puzzling "no such column".
            var length = new FileInfo(path).Length;
            if (length == 0) throw new ImportException($"Mapping file '{mappingPath}' names '{file}', but {path} is empty (0 bytes).");
            if (OnlyBlank(path)) throw new ImportException($"Mapping file '{mappingPath}' names '{file}', but {path} is empty ({length:N0} bytes: only a byte order mark or blank lines).");
            return path;
        }
        // Every file is checked before anything is read, so a typo fails fast.
        foreach (var f in mapping.Sources.Select(s => s.File).Concat(mapping.Lookups?.Values.Select(l => l.File) ?? [])) Resolve(f);
        foreach (var tz in mapping.Sources.Select(s => s.Csv?.TimeZone).Concat(mapping.Lookups?.Values.Select(l => l.Csv?.TimeZone) ?? []).OfType<string>())
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _)) throw new ImportException($"Mapping file '{mappingPath}': unknown time zone '{tz}'.");

        await using var db = await warehouse.OpenAsync(ct);
        var limit = memoryLimit ?? WarehouseOptions.DefaultImportMemoryLimit;
        await using var settings = await BulkLoadSettings.SetAsync(db, warehouse, limit, ct);
        var staged = new Dictionary<(string, CsvOptions), StagedFile>();
        var warnings = new List<string>();
        var transcoded = new List<string>();
        async Task<StagedFile> Stage(string file, CsvOptions? csv)
        {
            var key = (Resolve(file), csv ?? CsvOptions.Default);
            if (!staged.TryGetValue(key, out var s))
            {
                var encoding = key.Item2.EncodingOrDefault;
                var readPath = key.Item1;
                if (encoding.DuckDb is null)
                {
                    readPath = Path.Combine(Path.GetTempPath(), $"journeyreports-import-{Guid.NewGuid():n}.csv");
                    transcoded.Add(readPath);
                    try { await encoding.TranscodeAsync(key.Item1, readPath, ct); }
                    catch (IOException e) { throw new ImportException($"Cannot read {key.Item1} as {encoding.Name}: {e.Message}", e); }
                }
                staged[key] = s = await StagedFile.ReadAsync(db, warehouse, key.Item1, readPath, key.Item2, $"import_src{staged.Count + 1}", ct);
                // Loading nothing is not an error (an export of a quiet day), but it should not pass unnoticed either.
                if (s.Rows == 0 && s.Rejects.Count == 0)
                    warnings.Add(s.Csv.HeaderOrDefault ? $"{s.Path} has a header but no data rows: nothing was loaded from it." : $"{s.Path} has no data rows: nothing was loaded from it.");
            }
            return s;
        }

        foreach (var format in mapping.Sources.Select(s => s.Csv?.TimestampFormat).OfType<string>().Distinct())
        {
            try { await db.ExecuteScalarAsync(new CommandDefinition(warehouse.Sql("import_check_format"), new { format }, cancellationToken: ct)); }
            catch (DbException e) { throw new ImportException($"Mapping file '{mappingPath}': timestamp format '{format}' is not valid: {e.Message.Split('\n')[0]}", e); }
        }

        await db.ExecuteAsync(new CommandDefinition("BEGIN TRANSACTION", cancellationToken: ct));
        try
        {
            var lookups = new Dictionary<string, string>();
            foreach (var (name, lookup) in mapping.Lookups ?? new Dictionary<string, ImportLookup>())
                lookups[name] = await LookupTable.CreateAsync(db, warehouse, await Stage(lookup.File, lookup.Csv), name, lookup, lookups, $"import_lookup{lookups.Count + 1}", ct);

            var files = new List<FileResult>();
            var rejects = new List<ImportReject>();
            var tooManyRejected = new List<string>();
            foreach (var source in mapping.Sources)
            {
                var started = clock.Elapsed;
                var file = await Stage(source.File, source.Csv);
                rejects.AddRange(file.Rejects);
                var targets = new List<TargetResult>();
                var modelRejects = new List<(string Table, TargetLoader.Reject Reject)>();
                IReadOnlyList<TargetLoader.Reject> main = [];
                foreach (var target in source.Targets)
                {
                    var (result, bad) = await TargetLoader.LoadAsync(db, warehouse, file, target, lookups, $"import_t{files.Count + 1}_{targets.Count + 1}", ct);
                    if (targets.Count == 0) main = bad;
                    targets.Add(result);
                    modelRejects.AddRange(bad.Select(b => (target.Table, b)));
                }
                if (modelRejects.Count > 0)
                {
                    List<long> lines;
                    using (var reader = file.OpenText())
                        lines = RecordLines.Scan(reader, file.Csv, file.Rejects.Select(r => r.Line!.Value).ToHashSet());
                    rejects.AddRange(modelRejects.OrderBy(r => r.Reject.Record).Select(r => new ImportReject(file.Path,
                        r.Reject.Record <= lines.Count ? lines[(int)r.Reject.Record - 1] : null, r.Reject.Record, r.Table, r.Reject.Reason, r.Reject.Content, r.Reject.Kind)));
                }
                files.Add(new FileResult(file.Path, file.Rows, file.Rejects.Count, targets, clock.Elapsed - started));
                if (TooManyRejected(file, main, maxRejectedShare ?? source.MaxRejectedShare ?? DefaultMaxRejectedShare) is { } problem)
                    tooManyRejected.Add(problem);
            }
            // Written before the commit: if the rejects cannot be recorded, nothing is loaded either. Written also when
            // too many rows were rejected, as that is where the reasons are.
            try { RejectsFile.Write(rejectsPath, rejects); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ImportException($"Cannot write the rejects file {rejectsPath}: {e.Message}", e);
            }
            if (tooManyRejected.Count > 0)
                throw new ImportException($"{string.Join(" ", tooManyRejected)} Nothing was imported; every rejected row and why is in {Path.GetFullPath(rejectsPath)}. "
                    + "If rejects like these are expected, raise \"maxRejectedShare\" on the source in the mapping (the import verb: --max-rejected).");
            await db.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: ct));
            return new ImportResult(files, Path.GetFullPath(rejectsPath), clock.Elapsed, warnings);
        }
        catch (Exception e) when (OutOfMemory(e) is { } reason)
        {
            await db.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: CancellationToken.None));
            throw new ImportException($"Mapping file '{mappingPath}': the import needed more memory than JourneyReports:Warehouse:ImportMemoryLimit " +
                $"({limit}) allows ({reason}). Nothing was imported; raise the limit (e.g. 4GB or 50%) and import again.", e);
        }
        catch (ImportException e) when (!e.Message.Contains(mappingPath))
        {
            await db.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: CancellationToken.None));
            throw new ImportException($"Mapping file '{mappingPath}': {e.Message}", e);
        }
        catch
        {
            await db.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: CancellationToken.None));
            throw;
        }
        finally
        {
            foreach (var copy in transcoded)
                try { File.Delete(copy); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Why a file fails the import when more than <paramref name="limit"/> of its rows were rejected, or null. Counted:
    /// lines DuckDB could not read and rows the main (first) table rejected. Rows the mapping's own "require" leaves out
    /// are its intent, not failures (UCI's lines without a CustomerID), so they count neither as rejected nor in the total.
    /// </summary>
    static string? TooManyRejected(StagedFile file, IReadOnlyList<TargetLoader.Reject> main, double limit)
    {
        var leftOut = main.Count(r => r.LeftOut);
        var failed = file.Rejects.Select(r => r.Kind is null ? "unreadable line" : $"unreadable line ({r.Kind.ToLowerInvariant()})")
            .Concat(main.Where(r => !r.LeftOut).Select(r => r.Kind)).ToList();
        var rows = file.Rows + file.Rejects.Count - leftOut;
        if (failed.Count == 0 || failed.Count <= limit * rows) return null;
        var top = failed.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3).Select(g => $"{g.Key} ({g.Count():N0})");
        var notCounted = leftOut > 0 ? $" ({leftOut:N0} more rows left out by \"require\" are not counted)" : "";
        return $"{file.Path}: {failed.Count:N0} of its {rows:N0} rows were rejected ({Percent((double)failed.Count / rows)}), more than the {Percent(limit)} allowed{notCounted}. "
            + $"Top reasons: {string.Join(", ", top)}.";
    }

    /// <summary>
    /// Whether a file holds nothing but byte order marks, blanks and line breaks (as Excel's "CSV UTF-8" of an empty
    /// sheet). Streaming, and a real file answers at its first bytes.
    /// </summary>
    static bool OnlyBlank(string path)
    {
        using var file = new BufferedStream(File.OpenRead(path), 4096);
        int b;
        while ((b = file.ReadByte()) >= 0)
            // UTF-8 BOM EF BB BF, UTF-16 BOMs FF FE / FE FF and UTF-16's zero bytes.
            if (b is not (' ' or '\t' or '\r' or '\n' or 0 or 0xEF or 0xBB or 0xBF or 0xFF or 0xFE)) return false;
        return true;
    }

    /// <summary>DuckDB's reason when a statement of the import hit the memory limit (some of its work cannot spill to disk), or null.</summary>
    static string? OutOfMemory(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is DbException && x.Message.Contains("Out of Memory Error", StringComparison.Ordinal)) return x.Message.Split('\n')[0];
        return null;
    }

    static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
