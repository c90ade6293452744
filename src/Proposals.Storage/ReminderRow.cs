using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Storage;

/// <summary>One row of <c>reminders</c> as Dapper reads it; the codes become types in <see cref="ToRecord"/>.</summary>
internal class ReminderRow
{
    private static readonly (string Column, string Property)[] All =
    [
        ("id", "Id"), ("item_id", "ItemId"), ("division", "Division"), ("role", "Role"), ("round", "Round"), ("stage", "Stage"),
        ("due_on", "DueOn"), ("planned_on", "PlannedOn"), ("state", "State"), ("attempts", "Attempts"),
        ("next_attempt_at", "NextAttemptAt"), ("lease_owner", "LeaseOwner"), ("last_error", "LastError"),
        ("to_address", "ToAddress"), ("cc_addresses", "CcAddresses"), ("message_id", "MessageId"),
        ("created_at", "CreatedAt"), ("sent_at", "SentAt"), ("notice", "Notice"), ("email_on", "EmailOn"),
    ];

    /// <summary>Every column under its property's name.</summary>
    public static readonly string Columns = ColumnsOf(null);

    /// <summary>Every column of the table aliased <paramref name="alias"/>, under its property's name.</summary>
    public static string ColumnsOf(string? alias) =>
        string.Join(", ", All.Select(c => $"{(alias is null ? "" : alias + ".")}{c.Column} AS {c.Property}"));

    public long Id { get; set; }
    public long ItemId { get; set; }
    public string Division { get; set; } = "";
    public string Role { get; set; } = "";
    public string Round { get; set; } = "";
    public ReminderStage Stage { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly PlannedOn { get; set; }
    public string State { get; set; } = "";
    public long Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public string? LastError { get; set; }
    public string? ToAddress { get; set; }
    public string? CcAddresses { get; set; }
    public string? MessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public long? Notice { get; set; }
    public DateOnly? EmailOn { get; set; }

    public ReminderRecord ToRecord() => new(
        Id, ItemId, Division, ReminderRoles.Parse(Role), HandlingRounds.Parse(Round), Stage, DueOn, PlannedOn,
        ReminderStates.Parse(State) ?? throw new StorageException($"reminders.state holds an unknown state '{State}' (id {Id})"),
        checked((int)Attempts), NextAttemptAt, LeaseOwner, LastError, ToAddress, CcAddresses, MessageId, CreatedAt, SentAt)
    {
        Notice = Notice is { } n ? checked((int)n) : null,
        EmailOn = EmailOn,
    };
}

/// <summary>A reminder row read with its item's key and title.</summary>
internal sealed class ListedRow : ReminderRow
{
    public string Kind { get; set; } = "";
    public string Session { get; set; } = "";
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
}
