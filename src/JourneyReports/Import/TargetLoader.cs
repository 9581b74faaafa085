using System.Data.Common;
using System.Text.Json;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Import;

/// <summary>
/// Fills one journey table from a staged file: evaluates the mapping's expressions, types and checks every row
/// (a row that breaks the model is rejected with the reason), collapses rows sharing the natural key, then replaces
/// those keys in the table (delete, then insert), so re-importing a file leaves the same rows. Every step streams over
/// the file (see <see cref="StagedFile"/>); what is kept aside is at most one row per key of a collapsing target.
/// </summary>
public static class TargetLoader
{
    /// <summary>A row the target rejected: <paramref name="Kind"/> is the reason without its values ("signup_at is not a
    /// timestamp"), <paramref name="LeftOut"/> whether the mapping's own "require" left it out (not a failure).</summary>
    public sealed record Reject(long Record, string Reason, string Kind, bool LeftOut, string Content);

    /// <param name="into">The table whose rows are replaced: the target's journey table, or a table shaped like it (a
    /// refresh gathers its checked rows apart and applies them to the model at the end, in one short transaction).</param>
    public static async Task<(TargetResult Result, List<Reject> Rejects)> LoadAsync(
        DbConnection db, JourneyWarehouse warehouse, StagedFile file, ImportTarget target, IReadOnlyDictionary<string, string> lookups,
        string work, CancellationToken ct, string? into = null)
    {
        into ??= target.Table;
        var fields = ImportModel.Tables[target.Table].Where(f => target.Fields.ContainsKey(f.Name)).ToList();
        var where = $"{file.Path} → {target.Table}";
        var p = new DynamicParameters();
        var expressions = new ImportExpression(file, p, lookups, where);
        var raw = fields.Select((f, i) => $"{expressions.Compile(target.Fields[f.Name])} AS r{i}").ToList();
        var required = (target.Require ?? []).Select((c, i) => (Sql: $"{file.Column(c, where)} AS q{i}", Name: c)).ToList();

        // Only statements that use them get $fmt and $tz: DuckDB refuses parameters a statement does not have.
        var check = new DynamicParameters();
        // A file in UTC needs no conversion, which costs as much as parsing the time.
        var utc = file.Csv.TimeZoneOrDefault is "UTC" or "Etc/UTC";
        if (fields.Any(f => f.Type == ImportModel.FieldType.Timestamp))
        {
            check.Add("fmt", file.Csv.TimestampFormatOrDefault);
            if (!utc) check.Add("tz", file.Csv.TimeZoneOrDefault);
        }
        var typed = fields.Select((f, i) => $"{Typed(f, $"r{i}", utc)} AS {f.Name}, r{i}");
        var reasonArgs = new DynamicParameters();
        // Each check: the condition, the reason (SQL, with the row's values), its kind (the reason without values) and
        // whether it is the mapping's own "require" leaving the row out rather than the row failing.
        var checks = new List<(string When, string Reason, string Kind, bool LeftOut)>();
        if (file.Csv.Whitespace)
            checks.Add(($"field_count <> {file.Columns.Count}", $"'expected {file.Columns.Count} fields, found ' || field_count", $"expected {file.Columns.Count} fields", false));
        foreach (var (r, i) in required.Select((r, i) => (r, i)))
        {
            // The column name comes from the file's header, so it is a value like any other.
            reasonArgs.Add($"q{i}name", r.Name + " is empty");
            checks.Add(($"q{i} IS NULL", $"CAST($q{i}name AS VARCHAR)", r.Name + " is empty", true));
        }
        foreach (var (f, i) in fields.Select((f, i) => (f, i)))
        {
            if (f.Required) checks.Add(($"r{i} IS NULL", Lit(f.Name + " is missing"), f.Name + " is missing", false));
            var format = f.Type == ImportModel.FieldType.Timestamp ? " (format ' || $fmt || ')" : "";
            checks.Add(($"r{i} IS NOT NULL AND {f.Name} IS NULL", $"{Lit(f.Name + ": '")} || r{i} || {Lit($"' is not {ImportModel.Describe(f.Type)}")} || '{format}'",
                $"{f.Name} is not {ImportModel.Describe(f.Type)}", false));
            if (f.Min is { } min) checks.Add(($"{f.Name} < {min}", Lit($"{f.Name} is below {min}"), $"{f.Name} is below {min}", false));
            if (f.Max is { } max) checks.Add(($"{f.Name} > {max}", Lit($"{f.Name} is above {max}"), $"{f.Name} is above {max}", false));
        }
        var checkNo = checks.Count == 0 ? "CAST(NULL AS INTEGER)" : $"CASE {string.Join(" ", checks.Select((c, n) => $"WHEN {c.When} THEN {n + 1}"))} END";
        var reason = checks.Count == 0 ? "CAST(NULL AS VARCHAR)" : $"CASE check_no {string.Join(" ", checks.Select((c, n) => $"WHEN {n + 1} THEN {c.Reason}"))} END";

        // The rows typed and checked, as one relation over the source (not a copy): check_no is the first check a row fails.
        string Checked(string extra = "") => warehouse.Sql("import_target_checked").Replace("{source}", file.Source)
            .Replace("{raw}", string.Join(", ", raw.Concat(required.Select(r => r.Sql)).Append(file.Csv.Whitespace ? "field_count" : "0 AS field_count")) + extra)
            .Replace("{typed}", string.Join(", ", typed.Concat(required.Select((_, i) => $"q{i}"))) + (extra.Length > 0 ? ", content" : ""))
            .Replace("{check}", checkNo);
        var parameters = file.With(p);
        parameters.AddDynamicParams(check);
        var names = string.Join(", ", fields.Select(f => f.Name));
        var replacing = await db.ExecuteScalarAsync<bool>(new CommandDefinition(warehouse.Sql("import_target_has_rows").Replace("{target}", into), cancellationToken: ct));
        long valid, loaded;
        if (KeyIsPerRecord(target))
        {
            // Every record has its own key (a hash of the record number), so no two rows merge: the good rows go
            // straight into the table, streaming. Only a re-import has keys to replace first.
            if (replacing)
                await Exec(db, warehouse.Sql("import_target_delete").Replace("{target}", into).Replace("{good}", $"(SELECT {string.Join(", ", target.Key)} FROM ({Checked()}) WHERE check_no IS NULL)")
                    .Replace("{match}", string.Join(" AND ", target.Key.Select(k => $"{into}.{k} = g.{k}"))), parameters, where, ct);
            valid = loaded = await Exec(db, warehouse.Sql("import_target_insert").Replace("{target}", into).Replace("{columns}", names)
                .Replace("{good}", $"({Checked()}) WHERE check_no IS NULL"), parameters, where, ct);
        }
        else
        {
            // Rows sharing a key (a dimension fed by a fact file: products from events) collapse to the first or last
            // in file order, by aggregation: one row per key is all that is kept, never a copy of every row.
            var pick = target.Keep == "first" ? "arg_min" : "arg_max";
            // A constant (persona "unknown") is the same on every row: any row's will do, without comparing record numbers.
            var others = fields.Where(f => !target.Key.Contains(f.Name))
                .Select(f => IsConstant(target.Fields[f.Name]) ? $"any_value({f.Name}) AS {f.Name}" : $"{pick}({f.Name}, rec) AS {f.Name}");
            await Exec(db, warehouse.Sql("import_target_good").Replace("{table}", work + "_good").Replace("{checked}", Checked())
                .Replace("{keys}", string.Join(", ", target.Key)).Replace("{values}", string.Join("", others.Select(o => ", " + o))), parameters, where, ct);
            (valid, loaded) = await db.QuerySingleAsync<(long, long)>(new CommandDefinition($"SELECT coalesce(sum(rows_merged), 0), count(*) FROM {work}_good", cancellationToken: ct));
            if (replacing)
                await Exec(db, warehouse.Sql("import_target_delete").Replace("{target}", into).Replace("{good}", work + "_good")
                    .Replace("{match}", string.Join(" AND ", target.Key.Select(k => $"{into}.{k} = g.{k}"))), null, where, ct);
            await Exec(db, warehouse.Sql("import_target_insert").Replace("{target}", into).Replace("{columns}", names)
                .Replace("{good}", work + "_good"), null, where, ct);
        }

        // Rows that break the model are read once more, only when there are any, with their reasons and source values.
        var rejects = new List<Reject>();
        if (valid < file.Rows)
        {
            var content = file.Columns.Count > 0 ? $"concat_ws(',', {string.Join(", ", file.Columns.Select((_, i) => $"coalesce(c{i + 1}, '')"))})" : "''";
            parameters.AddDynamicParams(reasonArgs);
            rejects = (await db.QueryAsync<(long Record, int Check, string Reason, string Content)>(new CommandDefinition(
                warehouse.Sql("import_target_rejects").Replace("{checked}", Checked($", {content} AS content")).Replace("{reason}", reason), parameters, cancellationToken: ct)))
                .Select(r => new Reject(r.Record, r.Reason, checks[r.Check - 1].Kind, checks[r.Check - 1].LeftOut, r.Content))
                .ToList();
        }
        return (new TargetResult(target.Table, loaded, rejects.Count, valid - loaded), rejects);
    }

    static bool IsConstant(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("const", out _);

    /// <summary>
    /// Whether no two records can share the target's key: a key field is the record number, or a hash with the record
    /// number among its parts (md5 over 60 bits: a collision needs about a billion records to become likely).
    /// </summary>
    static bool KeyIsPerRecord(ImportTarget target) => target.Key.Any(k => target.Fields.TryGetValue(k, out var e) && e.ValueKind == JsonValueKind.Object
        && (e.TryGetProperty("record", out _)
            || e.TryGetProperty("hash", out var parts) && parts.ValueKind == JsonValueKind.Array
               && parts.EnumerateArray().Any(part => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("record", out _))));

    // Text is the raw value; the rest are typed with TRY_ casts so a bad value becomes NULL and a reason, never an error.
    static string Typed(ImportModel.Field f, string r, bool utc) => f.Type switch
    {
        ImportModel.FieldType.BigInt or ImportModel.FieldType.Integer =>
            // "57.0" (pandas) is 57 and "00001" is 1, while "57.5" is rejected: a plain cast would round it. A regex
            // rather than DECIMAL arithmetic, which is ~100x slower in DuckDB.
            $"TRY_CAST(regexp_extract(trim({r}), '^([+-]?[0-9]+)(\\.0*)?$', 1) AS {(f.Type == ImportModel.FieldType.BigInt ? "BIGINT" : "INTEGER")})",
        ImportModel.FieldType.Money => $"TRY_CAST(trim({r}) AS DECIMAL(14, 2))",
        ImportModel.FieldType.Boolean => $"TRY_CAST(trim({r}) AS BOOLEAN)",
        // Local time in the file's zone → UTC, the model's convention.
        ImportModel.FieldType.Timestamp => utc ? $"try_strptime(trim({r}), $fmt)" : $"timezone('UTC', timezone($tz, try_strptime(trim({r}), $fmt)))",
        _ => r,
    };

    // Only for the importer's own messages built from whitelisted field names, never for data.
    static string Lit(string text) => "'" + text.Replace("'", "''") + "'";

    static async Task<int> Exec(DbConnection db, string sql, object? p, string where, CancellationToken ct)
    {
        try { return await db.ExecuteAsync(new CommandDefinition(sql, p, cancellationToken: ct)); }
        catch (DbException e) { throw new ImportException($"{where}: {e.Message.Split('\n')[0]}", e); }
    }
}
