using System.Text.Json;
using System.Text;

namespace JourneyReports.Dashboards;

/// <summary>
/// The line each property and array element of a JSON text starts on, by path ("visuals[2].fields.y"), so a semantic
/// error can point at the entry it is about. JsonDocument keeps no positions, so one Utf8JsonReader pass records them.
/// </summary>
public sealed class JsonLineMap
{
    readonly Dictionary<string, int> lines = new(StringComparer.OrdinalIgnoreCase);

    sealed class Frame(string path, bool isArray)
    {
        public string Path = path;
        public bool IsArray = isArray;
        public int Index;
    }

    public static JsonLineMap Build(string json)
    {
        var map = new JsonLineMap();
        var bytes = Encoding.UTF8.GetBytes(json);
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') newlines.Add(i);
        int Line(long index) { var n = newlines.BinarySearch(index); return (n < 0 ? ~n : n) + 1; }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<Frame>();
        var property = "";
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) { stack.Pop(); continue; }
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = Join(stack.Peek().Path, reader.GetString()!);
                map.lines[property] = Line(reader.TokenStartIndex);
                continue;
            }
            var path = "";
            if (stack.TryPeek(out var top))
            {
                path = top.IsArray ? $"{top.Path}[{top.Index++}]" : property;
                if (top.IsArray) map.lines[path] = Line(reader.TokenStartIndex);
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
        }
        return map;
    }

    static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The line of the path, or of its nearest recorded parent (a default that is absent from the file).</summary>
    public int LineOf(string path)
    {
        while (true)
        {
            if (lines.TryGetValue(path, out var line)) return line;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return 1;
            path = path[..cut];
        }
    }
}
