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

    /// <summary>
    /// This message was not taken for now (a 4xx reply to it, the connection lost while sending it):
    /// try it again later. It counts as a failed attempt of this message.
    /// </summary>
    /// <param name="Reason">Why, in the server's or the system's words.</param>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>
    /// This message was refused for good (a 5xx reply to its recipient or its content): retrying the
    /// same message will not help; show <paramref name="Reason"/> to the coordinator.
    /// </summary>
    /// <param name="Reason">Why, in the server's words, e.g. "550 5.1.1 &lt;x@y&gt;: Recipient address rejected".</param>
    public sealed record Permanent(string Reason) : SendOutcome;

    /// <summary>
    /// The whole message went to the server, but its reply never came (the connection lost after the
    /// end of the data, or Mail:Smtp:DataTimeoutSeconds passed): the server may have taken it. Sending
    /// it again could deliver it twice, so it is not retried by itself; the server is not used again
    /// for the rest of the batch either, since it may be holding every message so.
    /// </summary>
    /// <param name="Reason">What happened, in the system's words.</param>
    public sealed record Uncertain(string Reason) : SendOutcome;

    /// <summary>
    /// The way out could not be used at all (the server unreachable or no longer answering a command,
    /// TLS or login refused, our sender address refused, the pickup folder not writable): nothing is wrong with this message, so it is
    /// not counted against it; every message waits until the way is open again.
    /// </summary>
    /// <param name="Reason">Why, in the server's or the system's words, with what to check.</param>
    public sealed record Unavailable(string Reason) : SendOutcome;
}
