namespace Proposals.Storage;

/// <summary>The life of one row of the reminder record.</summary>
public static class ReminderState
{
    /// <summary>Decided by a sweep, not yet sent.</summary>
    public const string Owed = "owed";

    /// <summary>Claimed by a sender; the SMTP conversation may be under way.</summary>
    public const string Sending = "sending";

    /// <summary>Accepted by the mail server (or written to the pickup folder).</summary>
    public const string Sent = "sent";

    /// <summary>A newer stage for the same item and division was owed at the same time; never sent.</summary>
    public const string Superseded = "superseded";

    /// <summary>Refused for good (5xx, rejected recipient); the server's words are kept.</summary>
    public const string Failed = "failed";

    /// <summary>No longer owed when its turn came (answered, returned, extended).</summary>
    public const string Cancelled = "cancelled";
}
