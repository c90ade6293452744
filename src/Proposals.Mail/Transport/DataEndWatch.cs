using MailKit;

namespace Proposals.Mail;

/// <summary>
/// Watches what the SMTP client writes for the line that ends a message's data (<c>CRLF . CRLF</c>),
/// and says so once per message. Before it, a broken connection means the server has no message; after
/// it, the server may have taken the message and only its reply is missing.
/// </summary>
/// <remarks>
/// MailKit has one timeout for every step; this is where the wait for that one reply gets its own
/// (<see cref="SmtpOptions.DataTimeoutSeconds"/>). The data is dot-stuffed, so the sequence occurs
/// nowhere else; it is matched across writes. The reminders are never binary MIME, so MailKit sends
/// them with DATA, not BDAT.
/// </remarks>
internal sealed class DataEndWatch(Action onDataEnd) : IProtocolLogger
{
    private static readonly byte[] End = "\r\n.\r\n"u8.ToArray();
    private int _matched;

    /// <summary>Whether the current message's data has been written whole.</summary>
    public bool DataEnded { get; private set; }

    /// <inheritdoc />
    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>Starts watching for the next message.</summary>
    public void BeginMessage()
    {
        DataEnded = false;
        _matched = 0;
    }

    /// <inheritdoc />
    public void LogClient(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (DataEnded) return;
        for (var i = offset; i < offset + count; i++)
        {
            var b = buffer[i];
            _matched = b == End[_matched] ? _matched + 1 : b == End[0] ? 1 : 0;
            if (_matched < End.Length) continue;
            DataEnded = true;
            onDataEnd();
            return;
        }
    }

    /// <inheritdoc />
    public void LogServer(byte[] buffer, int offset, int count) { }

    /// <inheritdoc />
    public void LogConnect(Uri uri) { }

    /// <inheritdoc />
    public void Dispose() { }
}
