namespace JourneyReports.Warehouse;

public sealed partial class DuckDbProvider
{
    /// <summary>
    /// The functions analyst SQL may call, by the name DuckDB's parser gives them (operators included: LIKE is ~~).
    /// An allow-list, so that what DuckDB adds in a new version, or an extension would bring, is refused until someone
    /// looks at it. Left out on purpose: settings and introspection (current_setting, current_query, version,
    /// getvariable, the duckdb_* and pg_* catalog functions), anything with a side effect or a wait (nextval, setseed,
    /// write_log, sleep_ms), and every function that makes a big value out of small text — repeat, lpad/rpad, range,
    /// generate_series, list/array_resize, format/printf widths, bar, to_base, bitstring, reduce, and the quadratic
    /// edit distances — because checking binds the query and binding folds constants: len(range(3000000000)) took
    /// 22 GB while a definition was merely being loaded. Every name here is one DuckDB knows (a test checks it).
    /// </summary>
    internal static readonly IReadOnlySet<string> AnalystFunctions = new HashSet<string>(
        string.Join(' ',
            // Operators: arithmetic, bits, text, LIKE/ILIKE/GLOB (~~, ~~*, ~~~) and their negations, lists, JSON arrows.
            "+ - * / // % ** ^ @ & | << >> ~ xor !__postfix || ^@ ~~ !~~ ~~* !~~* ~~~ @> <@ && ->> <->",
            "add subtract multiply divide mod fdiv",
            // Numbers.
            "abs sign signbit ceil ceiling floor round round_even roundbankers trunc even sqrt cbrt exp ln log log2 log10 pow",
            "power pi degrees radians sin cos tan cot asin acos atan atan2 sinh cosh tanh asinh acosh atanh gamma lgamma",
            "factorial gcd lcm greatest_common_divisor least_common_multiple isnan isinf isfinite nextafter fmod greatest",
            "least random bit_count get_bit",
            // Text.
            "length len strlen char_length character_length octet_length bit_length lower upper lcase ucase trim ltrim rtrim",
            "left right substr substring position strpos instr contains starts_with ends_with prefix suffix replace reverse",
            "concat concat_ws split_part string_split str_split string_to_array split string_split_regex str_split_regex",
            "regexp_matches regexp_full_match regexp_extract regexp_extract_all regexp_replace regexp_split_to_array",
            "regexp_escape like_escape not_like_escape ilike_escape not_ilike_escape translate strip_accents nfc_normalize",
            "ascii chr unicode ord left_grapheme right_grapheme length_grapheme substring_grapheme hamming mismatches",
            "jaccard md5 md5_number sha1 sha256 hash base64 to_base64 from_base64 hex to_hex unhex from_hex bin to_binary",
            "unbin from_binary encode decode url_encode url_decode format_bytes formatReadableSize formatReadableDecimalSize",
            "parse_formatted_bytes",
            // Dates, times and intervals.
            "now today get_current_time get_current_timestamp transaction_timestamp current_localtime current_localtimestamp",
            "date_part datepart date_trunc datetrunc date_diff datediff date_sub datesub date_add age ago time_bucket",
            "strftime strptime try_strptime make_date make_time make_timestamp make_timestamp_ms make_timestamp_ns",
            "make_timestamptz to_timestamp epoch epoch_ms epoch_us epoch_ns timezone timezone_hour timezone_minute",
            "year month day hour minute second millisecond microsecond nanosecond week weekofyear yearweek weekday",
            "dayofweek dayofmonth dayofyear isodow isoyear quarter decade century millennium era julian dayname monthname",
            "last_day normalized_interval to_years to_months to_quarters to_weeks to_days to_hours to_minutes to_seconds",
            "to_milliseconds to_microseconds to_decades to_centuries to_millennia",
            // Aggregates.
            "count count_star count_if countif sum sum_no_overflow fsum kahan_sum sumkahan avg mean favg min max min_by",
            "max_by arg_min arg_max argmin argmax arg_min_null arg_max_null arg_min_nulls_last arg_max_nulls_last first",
            "last any_value arbitrary median mode quantile quantile_cont quantile_disc approx_quantile reservoir_quantile",
            "approx_count_distinct approx_top_k stddev stddev_pop stddev_samp variance var_pop var_samp sem mad corr",
            "covar_pop covar_samp regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy",
            "regr_syy skewness kurtosis kurtosis_pop entropy product geomean geometric_mean weighted_avg wavg bool_and",
            "bool_or bit_and bit_or bit_xor string_agg group_concat listagg list array_agg histogram histogram_exact",
            "json_group_array json_group_object",
            // Window functions.
            "row_number rank dense_rank rank_dense percent_rank cume_dist ntile lag lead first_value last_value nth_value fill",
            // Lists, maps and structs (no list_resize/array_resize/list_reduce: they build big values from small text).
            "list_value array_value unnest flatten cardinality element_at list_extract list_element array_extract",
            "list_slice array_slice list_concat list_cat array_concat array_cat list_append array_append array_push_back",
            "list_prepend array_prepend array_push_front list_contains list_has array_contains array_has list_has_all",
            "list_has_any array_has_all array_has_any list_position list_indexof array_position array_indexof",
            "list_distinct array_distinct list_unique array_unique list_sort array_sort list_reverse_sort array_reverse_sort",
            "list_reverse array_reverse list_grade_up array_grade_up grade_up list_transform array_transform list_apply",
            "array_apply apply list_filter array_filter filter list_intersect array_intersect list_zip array_zip",
            "list_select array_select list_where array_where list_aggregate list_aggr array_aggregate array_aggr aggregate",
            "list_sum list_avg list_min list_max list_count list_first list_last list_median list_mode list_product",
            "list_string_agg list_bool_and list_bool_or array_length array_to_string",
            "map map_from_entries map_entries map_keys map_values map_extract map_extract_value map_contains",
            "map_contains_entry map_contains_value map_concat struct_pack struct_extract struct_extract_at struct_insert",
            "struct_update struct_keys struct_values struct_concat struct_contains struct_has struct_position row",
            "union_value union_extract union_tag",
            // JSON.
            "json json_valid json_type json_keys json_extract json_extract_string json_extract_path json_extract_path_text",
            "json_value json_exists json_contains json_array json_object json_array_length json_merge_patch json_quote",
            "json_structure json_transform json_transform_strict json_pretty to_json from_json from_json_strict",
            "row_to_json array_to_json",
            // Other: a query may fail on purpose, hash, ask a value's type, or make ids.
            "nullif error typeof uuid gen_random_uuid uuidv4 uuidv7 uuid_extract_timestamp uuid_extract_version",
            "enum_code enum_first enum_last enum_range enum_range_boundary")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Names the parser leaves as plain column references and the binder then turns into functions when no column has
    /// the name (SELECT current_user): these report the session, not the data. current_date and friends stay allowed.
    /// </summary>
    static readonly IReadOnlySet<string> SessionValues = new HashSet<string>(
        ["current_user", "user", "session_user", "current_role", "current_catalog", "current_schema"], StringComparer.OrdinalIgnoreCase);
}
