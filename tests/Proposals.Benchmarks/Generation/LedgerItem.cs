namespace Proposals.Benchmarks.Generation;

/// <summary>
/// One row of a generated ledger file (台账), with the values the file states. Kind is 建议 or 提案;
/// a null due date leaves 办理期限 empty, for the program to compute (assigned + 3 months).
/// </summary>
internal sealed record LedgerItem(
    string Kind,
    string Session,
    string Number,
    string Title,
    string Proposer,
    string LeadDivision,
    IReadOnlyList<string> CoDivisions,
    DateOnly AssignedOn,
    DateOnly? DueOn,
    DateOnly? AcknowledgedOn,
    DateOnly? RepliedOn,
    string? ReplyClass,
    string? Satisfaction,
    bool IsKey,
    bool IsReturned,
    DateOnly? ExtendedTo,
    string? ExtensionReason);
