using System.Text.RegularExpressions;
using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>Writes each message as an .eml file, as a mail pickup folder would receive it.</summary>
public sealed partial class OutboxMailTransport(string directory) : IMailTransport
{
    public string Name => "outbox";

    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(directory);
        var to = message.To.Mailboxes.FirstOrDefault()?.Address ?? "unknown";
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Unsafe().Replace(to, "_")}-{Guid.NewGuid().ToString("n")[..8]}.eml";
        var path = Path.Combine(directory, name);
        // Written beside and then renamed, so a reader of the outbox never sees half a message.
        var partial = path + ".partial";
        try
        {
            await using (var file = File.Create(partial))
                await message.WriteToAsync(file, ct);
            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return path;
    }

    [GeneratedRegex("[^A-Za-z0-9@._-]")]
    private static partial Regex Unsafe();
}
