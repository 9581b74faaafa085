using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace JourneyReports.Delivery;

/// <summary>Writes each message as an .eml file, as a mail pickup folder would receive it.</summary>
public sealed partial class OutboxMailTransport(string directory) : IMailTransport
{
    public string Name => "outbox";

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(message.MessageId)) message.MessageId = MimeUtils.GenerateMessageId();
        var to = message.To.Mailboxes.FirstOrDefault()?.Address ?? "unknown";
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Unsafe().Replace(to, "_")}-{Guid.NewGuid().ToString("n")[..8]}.eml";
        var path = Path.Combine(directory, name);
        // Written beside and then renamed, so a reader of the outbox never sees half a message.
        var partial = path + ".partial";
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            await using (var file = File.Create(partial))
                await message.WriteToAsync(file, ct);
            File.Move(partial, path);
            return DeliveryOutcome.Sent(path, "written to the outbox", message.MessageId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(partial); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            // A folder the server may not write to stays so until someone changes it; a full disk or a busy file may pass.
            return e is UnauthorizedAccessException or PathTooLongException or DirectoryNotFoundException
                ? DeliveryOutcome.Permanent(directory, $"cannot write to the outbox: {e.Message}", message.MessageId)
                : DeliveryOutcome.Transient(directory, $"could not write to the outbox: {e.Message}", message.MessageId);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    [GeneratedRegex("[^A-Za-z0-9@._-]")]
    private static partial Regex Unsafe();
}
