using MimeKit;
using MimeKit.Utils;

namespace Proposals.Mail;

/// <summary>
/// Writes each message as <c>&lt;message-id&gt;.eml</c> into a directory, for a relay or a person to
/// pick up. The file appears whole or not at all (written aside, then moved); the same Message-ID
/// writes the same file, so a repeated reminder replaces its earlier copy.
/// </summary>
public sealed class PickupMailTransport(string directory) : IMailTransport, IMailSession
{
    /// <summary>The directory written to.</summary>
    public string Directory { get; } = Path.GetFullPath(directory ?? throw new ArgumentNullException(nameof(directory)));

    /// <inheritdoc />
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<IMailSession>(this);

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
            message.MessageId = MimeUtils.GenerateMessageId();
        var path = Path.Combine(Directory, FileName(message.MessageId));
        var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await message.WriteToAsync(FormatOptions.Default, file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
            return new SendOutcome.Sent($"written to {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return new SendOutcome.Unavailable($"发件目录不可写, 请检查 Mail:PickupDirectory (cannot write {path}): {e.Message}");
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The file name for a Message-ID: characters unsafe in file names become '_'.</summary>
    public static string FileName(string messageId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = messageId.Trim('<', '>').Select(c => invalid.Contains(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        return new string(safe.ToArray()) + ".eml";
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
