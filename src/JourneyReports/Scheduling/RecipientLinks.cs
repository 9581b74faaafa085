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
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(subscriptionId, recipient)), Encoding.ASCII.GetBytes(signature));

    string Sign(long subscriptionId, string recipient)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{subscriptionId.ToString(CultureInfo.InvariantCulture)}\n{recipient.ToLowerInvariant()}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The signing key, made on first use and kept beside the catalog; written whole or not at all.</summary>
    static byte[] Key(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var partial = path + "." + Guid.NewGuid().ToString("n") + ".partial";
        File.WriteAllBytes(partial, key);
        try { File.Move(partial, path, overwrite: false); }
        catch (IOException) { File.Delete(partial); }   // another process made it first: use theirs
        return File.ReadAllBytes(path);
    }
}
