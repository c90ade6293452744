namespace Proposals.Mail;

/// <summary>What became of one message handed to an <see cref="IMailSession"/>.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <summary>Accepted by the server (or written to the pickup directory).</summary>
    /// <param name="ServerReply">The server's reply to the message data, or where the file was written.</param>
    /// <param name="RejectedCopies">Copied (Cc) recipients the server refused; the message went to the others.</param>
    public sealed record Sent(string ServerReply, IReadOnlyList<string> RejectedCopies) : SendOutcome
    {
        /// <summary>Accepted for every recipient.</summary>
        public Sent(string serverReply) : this(serverReply, []) { }
    }

    /// <summary>Not sent for now (4xx reply, connection or I/O failure, timeout, disk full): try again later.</summary>
    /// <param name="Reason">Why, in the server's or the system's words.</param>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>
    /// Refused for good (5xx reply, the addressee rejected, authentication or certificate failure):
    /// retrying the same message will not help; show <paramref name="Reason"/> to the coordinator.
    /// </summary>
    /// <param name="Reason">Why, in the server's words, e.g. "550 5.1.1 &lt;x@y&gt;: Recipient address rejected".</param>
    public sealed record Permanent(string Reason) : SendOutcome;
}
