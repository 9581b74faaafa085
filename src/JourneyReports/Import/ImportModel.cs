namespace JourneyReports.Import;

/// <summary>
/// The journey tables and fields an import may write, from sql/warehouse/duckdb/schema.sql and docs/journey-model.md.
/// This is the only source of table and column names in import SQL: a mapping file names them, but only names found
/// here are ever written into a statement.
/// </summary>
public static class ImportModel
{
    public enum FieldType { Text, BigInt, Integer, Money, Timestamp, Boolean }

    public sealed record Field(string Name, FieldType Type, bool Required, int? Min = null, int? Max = null);

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Field>> Tables = new Dictionary<string, IReadOnlyList<Field>>
    {
        ["customers"] = [F("customer_id", FieldType.BigInt), F("persona"), F("segment"), F("region"), F("signup_at", FieldType.Timestamp), F("acquisition_channel")],
        ["products"] = [F("product_id", FieldType.BigInt), F("name"), F("category"), F("department"), F("list_price", FieldType.Money, min: 0)],
        ["events"] =
        [
            F("event_id", FieldType.BigInt), F("occurred_at", FieldType.Timestamp), F("customer_id", FieldType.BigInt, required: false),
            F("anonymous_id"), F("session_id"), F("channel"), F("device"), F("event_type"), F("product_id", FieldType.BigInt, required: false),
        ],
        ["identities"] = [F("anonymous_id"), F("customer_id", FieldType.BigInt), F("stitched_at", FieldType.Timestamp)],
        ["orders"] =
        [
            F("order_id", FieldType.BigInt), F("customer_id", FieldType.BigInt), F("ordered_at", FieldType.Timestamp), F("channel"), F("status"),
            F("revenue", FieldType.Money), F("promised_at", FieldType.Timestamp, required: false),
            F("delivered_at", FieldType.Timestamp, required: false), F("returned", FieldType.Boolean),
        ],
        ["order_lines"] =
        [
            F("order_id", FieldType.BigInt), F("line_no", FieldType.Integer), F("product_id", FieldType.BigInt),
            F("quantity", FieldType.Integer, min: 0), F("unit_price", FieldType.Money, min: 0), F("returned_quantity", FieldType.Integer, min: 0),
        ],
        ["support_tickets"] =
        [
            F("ticket_id", FieldType.BigInt), F("customer_id", FieldType.BigInt, required: false), F("opened_at", FieldType.Timestamp), F("channel"),
            F("category"), F("wait_minutes", FieldType.Integer, min: 0), F("resolved", FieldType.Boolean),
        ],
        ["surveys"] =
        [
            F("survey_id", FieldType.BigInt), F("customer_id", FieldType.BigInt, required: false), F("answered_at", FieldType.Timestamp),
            F("stage"), F("touchpoint"), F("nps", FieldType.Integer, false, 0, 10), F("csat", FieldType.Integer, false, 1, 5),
            F("ces", FieldType.Integer, false, 1, 7), F("comment", required: false),
        ],
    };

    static Field F(string name, FieldType type = FieldType.Text, bool required = true, int? min = null, int? max = null) =>
        new(name, type, required, min, max);

    public static string Describe(FieldType type) => type switch
    {
        FieldType.BigInt or FieldType.Integer => "a whole number",
        FieldType.Money => "a number",
        FieldType.Timestamp => "a timestamp",
        FieldType.Boolean => "true or false",
        _ => "text",
    };
}
