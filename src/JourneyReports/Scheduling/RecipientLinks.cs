using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JourneyReports.Catalog;

namespace JourneyReports.Scheduling;

/// <summary>
/// The links a subscription's email carries for its recipient alone: its manage page, where they can stop receiving it
/// without signing in. Each is signed (HMAC-SHA256 over the subscription and the address) with a key kept in the data
/// folder, so nobody can unsubscribe someone else by editing the link.
/// </summary>
public sealed class RecipientLinks(string publicUrl, byte[] key)
{
    public const string KeyFile = "link-signing.key";

    public static RecipientLinks From(JourneyReportsOptions options) => new(options.PublicUrl, Key(options.ResolvePath(KeyFile)));

    public string Manage(Subscription subscription, string recipient) =>
        $"{publicUrl.TrimEnd('/')}/subscriptions/{subscription.Id.ToString(CultureInfo.InvariantCulture)}/manage?r={Uri.EscapeDataString(recipient)}&sig={Sign(subscription.Id, recipient)}";

    /// <summary>The one-click unsubscribe address (RFC 8058) for the List-Unsubscribe header: the manage page's form target.</summary>
    public string Unsubscribe(Subscription subscription, string recipient) =>
        $"{publicUrl.TrimEnd('/')}/subscriptions/{subscription.Id.ToString(CultureInfo.InvariantCulture)}/unsubscribe?r={Uri.EscapeDataString(recipient)}&sig={Sign(subscription.Id, recipient)}";

    public bool Verify(long subscriptionId, string recipient, string? signature) =>
        Same(Sign(subscriptionId, recipient), signature);

    /// <summary>
    /// A file a run kept, to download from an email whose attachments were too large: signed, so a link to one slice's
    /// file cannot be edited into another slice's or another run's.
    /// </summary>
    public string RunFile(long runId, string path) =>
        $"{publicUrl.TrimEnd('/')}/runs/{runId.ToString(CultureInfo.InvariantCulture)}/files/{string.Join("/", path.Split('/').Select(Uri.EscapeDataString))}?sig={SignFile(runId, path)}";

    public bool VerifyRunFile(long runId, string path, string? signature) => Same(SignFile(runId, path), signature);

    string Sign(long subscriptionId, string recipient) => Mac($"{subscriptionId.ToString(CultureInfo.InvariantCulture)}\n{recipient.ToLowerInvariant()}");

    string SignFile(long runId, string path) => Mac($"file\n{runId.ToString(CultureInfo.InvariantCulture)}\n{path}");

    string Mac(string text) => Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static bool Same(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    /// <summary>The signing key, made on first use and kept beside the catalog; written whole or not at all.</summary>
    static byte[] Key(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var partial = path + "." + Guid.NewGuid().ToString("n") + ".partial";
        // Only this account may read the key: with it, anyone could forge unsubscribe and download links.
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(partial, create)) file.Write(key);
        try { File.Move(partial, path, overwrite: false); }
        catch (IOException) { File.Delete(partial); }   // another process made it first: use theirs
        return File.ReadAllBytes(path);
    }
}
