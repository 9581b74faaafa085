using System.Text;

namespace JourneyReports.Import;

/// <summary>
/// A source's <c>"encoding"</c> (docs/import.md): the names a mapping may use and how each is read. DuckDB's CSV reader
/// decodes UTF-8 and Latin-1 itself; the others need its encodings extension, which is not built in and cannot be
/// downloaded here (no internet), so those files are transcoded first, streaming, to a temporary UTF-8 copy. Only the
/// bytes of each character change, never a line break, so lines and record numbers are those of the original file.
/// </summary>
public sealed class CsvEncoding
{
    /// <summary>The name docs and messages use.</summary>
    public string Name { get; }

    /// <summary>read_csv's encoding when DuckDB decodes the file itself; null when the file is transcoded to UTF-8 first.</summary>
    public string? DuckDb { get; }

    readonly Func<Encoding> encoding;
    readonly string[] aliases;

    CsvEncoding(string name, string? duckDb, Func<Encoding> encoding, params string[] aliases) =>
        (Name, DuckDb, this.encoding, this.aliases) = (name, duckDb, encoding, aliases);

    public static readonly CsvEncoding Utf8 = new("utf-8", "utf-8", () => new UTF8Encoding(false), "utf8");

    static readonly CsvEncoding[] All =
    [
        Utf8,
        // DuckDB's latin-1 refuses bytes 0x80-0x9F (unused in Latin-1); such a file is Windows-1252, see NotLatin1.
        new("latin-1", "latin-1", () => Encoding.Latin1, "latin1", "iso-8859-1", "iso8859-1"),
        new("windows-1252", null, () => CodePage(1252), "cp1252"),
        new("iso-8859-15", null, () => CodePage(28605), "latin-9", "latin9"),
        // Little-endian unless a byte order mark says otherwise (as Windows and Excel write "Unicode text").
        new("utf-16", null, () => Encoding.Unicode, "utf16", "utf-16le"),
        new("utf-16be", null, () => Encoding.BigEndianUnicode),
    ];

    /// <summary>The accepted names, for messages, then their other spellings.</summary>
    public static string Accepted => $"{string.Join(", ", All.Select(e => e.Name))} (also written {string.Join(", ", All.SelectMany(e => e.aliases))})";

    /// <summary>The encoding a mapping names (any accepted spelling, any case); UTF-8 when it names none; null if unknown.</summary>
    public static CsvEncoding? Find(string? name) => name is null ? Utf8
        : All.FirstOrDefault(e => e.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)
            || e.aliases.Any(a => a.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>The .NET decoder of the original file.</summary>
    public Encoding Decoder => encoding();

    static Encoding CodePage(int page) => CodePagesEncodingProvider.Instance.GetEncoding(page)
        ?? throw new InvalidOperationException($"code page {page} is not available");

    /// <summary>Streams <paramref name="from"/> into <paramref name="to"/> as UTF-8 (no byte order mark); never the whole file in memory.</summary>
    public async Task TranscodeAsync(string from, string to, CancellationToken ct)
    {
        const int chunk = 1 << 16;
        // A byte order mark decides between the UTF-16 byte orders; in a single-byte file those bytes are text.
        using var reader = new StreamReader(from, Decoder, detectEncodingFromByteOrderMarks: Decoder is UnicodeEncoding, chunk);
        await using var writer = new StreamWriter(to, false, new UTF8Encoding(false), chunk);
        var buffer = new char[chunk];
        int n;
        while ((n = await reader.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, n), ct);
    }

    /// <summary>
    /// Whether the first line of a file DuckDB is to read as UTF-8 is valid UTF-8. Checked before DuckDB sees a header:
    /// its sniffer, meeting invalid bytes there, takes a later line for the header instead of saying so.
    /// </summary>
    public static bool FirstLineIsUtf8(string path)
    {
        using var file = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var length = 0;
        int n;
        while (length < bytes.Length && (n = file.Read(bytes, length, bytes.Length - length)) > 0)
        {
            var end = Array.FindIndex(bytes, length, n, b => b is (byte)'\n' or (byte)'\r');
            length += n;
            if (end >= 0) { length = end; break; }
        }
        // A longer first line is checked on its first 64 KiB; a character the cut splits is not an error (no flush).
        try { new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().GetCharCount(bytes, 0, length, flush: length < bytes.Length); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    /// <summary>
    /// The error for a file read as UTF-8 that is not: what it probably is and how to say so. <paramref name="badLines"/>
    /// of <paramref name="lines"/> data lines failed, the first being <paramref name="firstLine"/> (line 1 = the header).
    /// </summary>
    public static ImportException NotUtf8(string path, long firstLine, long? badLines, long? lines)
    {
        var which = badLines is { } bad && lines is { } all ? $"{bad:N0} of its {all:N0} data lines are not (the first is line {firstLine})" : $"line {firstLine} is not";
        var guess = LooksLikeUtf16(path)
            ? "It looks like UTF-16: set \"encoding\": \"utf-16\" in the source's \"csv\" block."
            : "It is in another encoding; for Western European exports set \"encoding\": \"windows-1252\" (what Excel and most "
              + "Windows software write; it includes Latin-1) or \"latin-1\" in the source's \"csv\" block.";
        var damaged = badLines is null ? "" : " If the file is UTF-8 with a few damaged lines, \"encoding\": \"utf-8\" rejects just those lines.";
        return new ImportException($"{path} is not valid UTF-8: {which}. {guess} Accepted encodings: {Accepted}.{damaged}");
    }

    /// <summary>DuckDB's "File is not latin-1 encoded" (no line), with the line and the likely encoding.</summary>
    public static ImportException NotLatin1(string path, Exception inner)
    {
        var line = FirstLineWith(path, b => b is >= 0x80 and <= 0x9F);
        return new ImportException($"{path} is not Latin-1: {(line is { } l ? $"line {l}" : "it")} has a byte between 0x80 and 0x9F, unused in Latin-1; "
            + "in Windows-1252 those are € ‘ ’ “ ” – — and the like. Set \"encoding\": \"windows-1252\" in the source's \"csv\" block.", inner);
    }

    static bool LooksLikeUtf16(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[4096];
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return n >= 2 && ((head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF) || head.AsSpan(0, n).Contains((byte)0));
    }

    /// <summary>The physical line (CRLF, LF or CR end one) of the first byte matching; null if none does. Streaming.</summary>
    static long? FirstLineWith(string path, Func<byte, bool> match)
    {
        using var file = new BufferedStream(File.OpenRead(path), 1 << 16);
        long line = 1;
        int b, previous = -1;
        while ((b = file.ReadByte()) >= 0)
        {
            if (match((byte)b)) return line;
            if (b == '\r' || (b == '\n' && previous != '\r')) line++;
            previous = b;
        }
        return null;
    }
}
