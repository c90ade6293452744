using System.Globalization;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>One row of <c>items</c>, as Dapper reads and writes it; dates through the type handlers.</summary>
internal class ItemRow
{
    /// <summary>The separator of co-division names in one column; the import splits on it, so no name holds it.</summary>
    public const string CoDivisionSeparator = "、";

    // co_inputs: "处室:2019-07-20、处室:2019-07-25"; a division name never holds the separator, and the
    // date is always the last ten characters, so a colon in a name is harmless.
    private const char CoInputDate = ':';

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Session { get; set; } = "";
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string Proposer { get; set; } = "";
    public string BureauRole { get; set; } = "lead";
    public string LeadDivision { get; set; } = "";
    public string CoDivisions { get; set; } = "";
    public string CoInputs { get; set; } = "";
    public DateOnly AssignedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly CoInputDueOn { get; set; }
    public DateOnly? AcknowledgeDueOn { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    public DateOnly? ExtendedTo { get; set; }
    public string? ExtensionReason { get; set; }
    public DateOnly EffectiveDueOn { get; set; }

    /// <summary>The earliest date any division's reminders count against: what the sweep's index is on.</summary>
    public DateOnly EarliestDueOn { get; set; }

    /// <summary>The day from which nothing more is owed; null while open: the sweep reads only open items.</summary>
    public DateOnly? SettledOn { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public string? ReplyClass { get; set; }
    public string? Satisfaction { get; set; }
    public DateOnly? EvaluatedOn { get; set; }
    public DateOnly? RehandleDueOn { get; set; }
    public DateOnly? RerepliedOn { get; set; }
    public string? SecondSatisfaction { get; set; }
    public string? SecondReplyClass { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public long IsKey { get; set; }
    public long IsReturned { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? ReturnReason { get; set; }
    public DateOnly? ReturnBy { get; set; }
    public string? RoleText { get; set; }
    public string? LeadUnit { get; set; }
    public string? CoUnits { get; set; }
    public DateOnly? ExtensionApprovedOn { get; set; }
    public string? ExtensionApprovedBy { get; set; }
    public DateOnly? DueBeforeExtension { get; set; }
    public string? ReturnDecision { get; set; }
    public DateOnly? ReturnDecidedOn { get; set; }
    public string? ReturnDecidedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Not a column: the <c>updated_at</c> the row had when an import read it; its update holds only if nobody wrote it since.</summary>
    public DateTimeOffset ReadAt { get; set; }

    public static ItemRow From(Item item, DateTimeOffset now) => new()
    {
        Kind = item.Key.Kind.Code(),
        Session = item.Key.Session,
        Number = item.Key.Number,
        Title = item.Title,
        Proposer = item.Proposer,
        BureauRole = item.BureauRole.Code(),
        LeadDivision = item.LeadDivision,
        CoDivisions = string.Join(CoDivisionSeparator, item.CoDivisions),
        CoInputs = string.Join(CoDivisionSeparator, item.CoInputs.Select(c =>
            c.Division + CoInputDate + c.DeliveredOn.ToString(DateOnlyHandler.Format, CultureInfo.InvariantCulture))),
        AssignedOn = item.AssignedOn,
        DueOn = item.DueOn,
        CoInputDueOn = item.CoInputDueOn,
        AcknowledgeDueOn = item.AcknowledgeDueOn,
        AcknowledgedOn = item.AcknowledgedOn,
        ExtendedTo = item.Extension?.NewDueOn,
        ExtensionReason = item.Extension?.Reason,
        EffectiveDueOn = item.EffectiveDueOn,
        EarliestDueOn = item.EarliestDueOn,
        SettledOn = item.SettledOn,
        RepliedOn = item.RepliedOn,
        ReplyClass = item.ReplyClass?.ToString(),
        Satisfaction = item.Satisfaction?.Code(),
        EvaluatedOn = item.EvaluatedOn,
        RehandleDueOn = item.RehandleDueOn,
        RerepliedOn = item.RerepliedOn,
        SecondSatisfaction = item.SecondSatisfaction?.Code(),
        SecondReplyClass = item.SecondReplyClass?.ToString(),
        PublishedOn = item.PublishedOn,
        IsKey = item.IsKey ? 1 : 0,
        IsReturned = item.IsReturned ? 1 : 0,
        ReturnedOn = item.ReturnedOn,
        ReturnReason = item.ReturnReason,
        ReturnBy = item.ReturnBy,
        RoleText = item.RoleText,
        LeadUnit = item.LeadUnit,
        CoUnits = item.CoUnits,
        ExtensionApprovedOn = item.Extension?.ApprovedOn,
        ExtensionApprovedBy = item.Extension?.ApprovedBy,
        DueBeforeExtension = item.Extension?.PreviousDueOn,
        ReturnDecision = item.ReturnDecision?.Code(),
        ReturnDecidedOn = item.ReturnDecidedOn,
        ReturnDecidedBy = item.ReturnDecidedBy,
        UpdatedAt = now,
    };

    public Item ToItem() => new()
    {
        Key = new ItemKey(ItemKinds.Parse(Kind) ?? throw new StorageException($"items.kind holds an unknown kind '{Kind}' (id {Id})"), Session, Number),
        Title = Title,
        Proposer = Proposer,
        BureauRole = BureauRoles.Parse(BureauRole) ?? throw new StorageException($"items.bureau_role holds an unknown role '{BureauRole}' (id {Id})"),
        LeadDivision = LeadDivision,
        CoDivisions = CoDivisions.Length == 0 ? [] : CoDivisions.Split(CoDivisionSeparator),
        CoInputs = CoInputs.Length == 0 ? [] : CoInputs.Split(CoDivisionSeparator).Select(ReadCoInput).ToList(),
        AssignedOn = AssignedOn,
        DueOn = DueOn,
        CoInputDueOn = CoInputDueOn,
        AcknowledgeDueOn = AcknowledgeDueOn,
        AcknowledgedOn = AcknowledgedOn,
        Extension = ExtendedTo is { } to ? new Extension(to, ExtensionReason, ExtensionApprovedOn, ExtensionApprovedBy, DueBeforeExtension) : null,
        RepliedOn = RepliedOn,
        ReplyClass = Domain.Ledger.ReplyClasses.Parse(ReplyClass),
        Satisfaction = Domain.Ledger.Satisfactions.Parse(Satisfaction),
        EvaluatedOn = EvaluatedOn,
        RehandleDueOn = RehandleDueOn,
        RerepliedOn = RerepliedOn,
        SecondSatisfaction = Domain.Ledger.Satisfactions.Parse(SecondSatisfaction),
        SecondReplyClass = Domain.Ledger.ReplyClasses.Parse(SecondReplyClass),
        PublishedOn = PublishedOn,
        IsKey = IsKey != 0,
        ReturnedOn = ReturnedOn,
        ReturnReason = ReturnReason,
        ReturnBy = ReturnBy,
        RoleText = RoleText,
        LeadUnit = LeadUnit,
        CoUnits = CoUnits,
        ReturnDecision = ReturnDecision is null ? null
            : ReturnDecisions.Parse(ReturnDecision) ?? throw new StorageException($"items.return_decision holds an unknown decision '{ReturnDecision}' (id {Id})"),
        ReturnDecidedOn = ReturnDecidedOn,
        ReturnDecidedBy = ReturnDecidedBy,
    };

    /// <summary>Whether two rows carry the same facts (the id and the update time aside).</summary>
    public bool SameFactsAs(ItemRow other) =>
        Title == other.Title && Proposer == other.Proposer && BureauRole == other.BureauRole && LeadDivision == other.LeadDivision &&
        CoDivisions == other.CoDivisions && CoInputs == other.CoInputs && AssignedOn == other.AssignedOn && DueOn == other.DueOn &&
        CoInputDueOn == other.CoInputDueOn && AcknowledgeDueOn == other.AcknowledgeDueOn && AcknowledgedOn == other.AcknowledgedOn &&
        ExtendedTo == other.ExtendedTo && ExtensionReason == other.ExtensionReason &&
        RepliedOn == other.RepliedOn && ReplyClass == other.ReplyClass && Satisfaction == other.Satisfaction &&
        EvaluatedOn == other.EvaluatedOn && RehandleDueOn == other.RehandleDueOn && RerepliedOn == other.RerepliedOn &&
        SecondSatisfaction == other.SecondSatisfaction && SecondReplyClass == other.SecondReplyClass && PublishedOn == other.PublishedOn &&
        IsKey == other.IsKey && IsReturned == other.IsReturned && ReturnedOn == other.ReturnedOn &&
        ReturnReason == other.ReturnReason && ReturnBy == other.ReturnBy && RoleText == other.RoleText && LeadUnit == other.LeadUnit &&
        CoUnits == other.CoUnits && ExtensionApprovedOn == other.ExtensionApprovedOn && ExtensionApprovedBy == other.ExtensionApprovedBy &&
        DueBeforeExtension == other.DueBeforeExtension && ReturnDecision == other.ReturnDecision && ReturnDecidedOn == other.ReturnDecidedOn &&
        ReturnDecidedBy == other.ReturnDecidedBy;

    private CoInput ReadCoInput(string text)
    {
        var at = text.LastIndexOf(CoInputDate);
        if (at <= 0 || !DateOnly.TryParseExact(text[(at + 1)..], DateOnlyHandler.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            throw new StorageException($"items.co_inputs holds \"{text}\", not 处室:YYYY-MM-DD (id {Id})");
        }
        return new CoInput(text[..at], on);
    }
}
