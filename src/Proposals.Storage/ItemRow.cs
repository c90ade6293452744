using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>One row of <c>items</c>, as Dapper reads and writes it.</summary>
internal sealed class ItemRow
{
    /// <summary>The separator of co-division names in one column; the import splits on it, so no name holds it.</summary>
    public const string CoDivisionSeparator = "、";

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Session { get; set; } = "";
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string Proposer { get; set; } = "";
    public string LeadDivision { get; set; } = "";
    public string CoDivisions { get; set; } = "";
    public string AssignedOn { get; set; } = "";
    public string DueOn { get; set; } = "";
    public string CoInputDueOn { get; set; } = "";
    public string? AcknowledgedOn { get; set; }
    public string? ExtendedTo { get; set; }
    public string? ExtensionReason { get; set; }
    public string EffectiveDueOn { get; set; } = "";

    /// <summary>The earliest date any division's reminders count against: what the sweep's index is on.</summary>
    public string EarliestDueOn { get; set; } = "";
    public string? RepliedOn { get; set; }
    public string? ReplyClass { get; set; }
    public string? Satisfaction { get; set; }
    public long IsKey { get; set; }
    public long IsReturned { get; set; }
    public string UpdatedAt { get; set; } = "";

    public static ItemRow From(Item item, DateTimeOffset now) => new()
    {
        Kind = item.Key.Kind.Code(),
        Session = item.Key.Session,
        Number = item.Key.Number,
        Title = item.Title,
        Proposer = item.Proposer,
        LeadDivision = item.LeadDivision,
        CoDivisions = string.Join(CoDivisionSeparator, item.CoDivisions),
        AssignedOn = DateText.Of(item.AssignedOn),
        DueOn = DateText.Of(item.DueOn),
        CoInputDueOn = DateText.Of(item.CoInputDueOn),
        AcknowledgedOn = DateText.Of(item.AcknowledgedOn),
        ExtendedTo = DateText.Of(item.Extension?.NewDueOn),
        ExtensionReason = item.Extension?.Reason,
        EffectiveDueOn = DateText.Of(item.EffectiveDueOn),
        EarliestDueOn = DateText.Of(item.CoDivisions.Count > 0 && item.CoInputDueOn < item.EffectiveDueOn ? item.CoInputDueOn : item.EffectiveDueOn),
        RepliedOn = DateText.Of(item.RepliedOn),
        ReplyClass = item.ReplyClass?.ToString(),
        Satisfaction = item.Satisfaction?.Code(),
        IsKey = item.IsKey ? 1 : 0,
        IsReturned = item.IsReturned ? 1 : 0,
        UpdatedAt = DateText.Instant(now),
    };

    public Item ToItem() => new()
    {
        Key = new ItemKey(ItemKinds.Parse(Kind) ?? throw new StorageException($"items.kind holds an unknown kind '{Kind}' (id {Id})"), Session, Number),
        Title = Title,
        Proposer = Proposer,
        LeadDivision = LeadDivision,
        CoDivisions = CoDivisions.Length == 0 ? [] : CoDivisions.Split(CoDivisionSeparator),
        AssignedOn = DateText.Parse(AssignedOn),
        DueOn = DateText.Parse(DueOn),
        CoInputDueOn = DateText.Parse(CoInputDueOn),
        AcknowledgedOn = DateText.ParseOrNull(AcknowledgedOn),
        Extension = ExtendedTo is null ? null : new Extension(DateText.Parse(ExtendedTo), ExtensionReason),
        RepliedOn = DateText.ParseOrNull(RepliedOn),
        ReplyClass = Domain.Ledger.ReplyClasses.Parse(ReplyClass),
        Satisfaction = Domain.Ledger.Satisfactions.Parse(Satisfaction),
        IsKey = IsKey != 0,
        IsReturned = IsReturned != 0,
    };

    /// <summary>Whether two rows carry the same facts (the id and the update time aside).</summary>
    public bool SameFactsAs(ItemRow other) =>
        Title == other.Title && Proposer == other.Proposer && LeadDivision == other.LeadDivision &&
        CoDivisions == other.CoDivisions && AssignedOn == other.AssignedOn && DueOn == other.DueOn &&
        CoInputDueOn == other.CoInputDueOn && AcknowledgedOn == other.AcknowledgedOn &&
        ExtendedTo == other.ExtendedTo && ExtensionReason == other.ExtensionReason &&
        RepliedOn == other.RepliedOn && ReplyClass == other.ReplyClass && Satisfaction == other.Satisfaction &&
        IsKey == other.IsKey && IsReturned == other.IsReturned;
}
