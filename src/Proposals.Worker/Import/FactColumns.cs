using System.Globalization;
using Proposals.Domain.Ledger;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>
/// The facts a ledger file may state, each as the columns that state it, how it reads from an item,
/// how it is written into one, and the dated fact it is in the history. An import compares a file's
/// facts with the ledger's through these, one fact at a time (see <see cref="FileFacts"/>).
/// </summary>
internal sealed record FactColumn(
    string Name, FactKind Kind, ColumnSpec Column, Func<Item, string?[]> Parts, Func<Item, Item, Item> CopyFrom, Func<Item, LedgerFact?> AsFact,
    Func<LedgerFact, string?[]> FactParts)
{
    /// <summary>The column each part is read from, where the parts come from several (答复日期 and 答复类别); null: <see cref="Column"/>.</summary>
    public IReadOnlyList<ColumnSpec>? PartColumns { get; init; }

    /// <summary>The column of part <paramref name="index"/>, for naming where a file contradicts the ledger.</summary>
    public ColumnSpec ColumnOf(int index) => PartColumns is { } columns && index < columns.Count ? columns[index] : Column;

    /// <summary>
    /// Whether a recorded fact of this column says what <paramref name="said"/> (a row's parts) says, in every part
    /// the row gives: a file without 测评日期 or 延期批准日期 still restates an evaluation or an extension taken back.
    /// </summary>
    public bool Restates(LedgerFact recorded, string?[] said)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(said);
        if (recorded.Kind != Kind) return false;
        var parts = FactParts(recorded);
        for (var i = 0; i < said.Length; i++) if (said[i] is { } part && part != parts[i]) return false;
        return true;
    }

    /// <summary>
    /// Whether a recorded fact is this one with the same value as <paramref name="item"/> states, the
    /// second reply and evaluation told from the first by their round.
    /// </summary>
    public bool Same(LedgerFact recorded, Item item) => AsFact(item) is { } f && f.Kind == recorded.Kind && f.On == recorded.On
        && f.Class == recorded.Class && f.Satisfaction == recorded.Satisfaction && f.To == recorded.To && f.Decision == recorded.Decision;

    private static string? D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly FactColumn Acknowledgement = new("签收", FactKind.Acknowledgement, C.AcknowledgedOn,
        i => [D(i.AcknowledgedOn)],
        (to, from) => to with { AcknowledgedOn = from.AcknowledgedOn ?? to.AcknowledgedOn },
        i => i.AcknowledgedOn is { } on ? new LedgerFact(FactKind.Acknowledgement, on) : null,
        f => [D(f.On)]);

    public static readonly FactColumn Reply = new("答复", FactKind.Reply, C.RepliedOn,
        i => [D(i.RepliedOn), i.ReplyClass?.ToString()],
        (to, from) => to with { RepliedOn = from.RepliedOn ?? to.RepliedOn, ReplyClass = from.ReplyClass ?? to.ReplyClass },
        i => i.RepliedOn is { } on ? new LedgerFact(FactKind.Reply, on, Class: i.ReplyClass) : null,
        f => [D(f.On), f.Class?.ToString()])
    {
        PartColumns = [C.RepliedOn, C.ResultClass],
    };

    public static readonly FactColumn Evaluation = new("测评", FactKind.Evaluation, C.Satisfaction,
        i => [i.Satisfaction?.Code(), D(i.EvaluatedOn)],
        (to, from) => to with { Satisfaction = from.Satisfaction ?? to.Satisfaction, EvaluatedOn = from.EvaluatedOn ?? to.EvaluatedOn },
        i => i.Satisfaction is { } s && (i.EvaluatedOn ?? i.RepliedOn) is { } on ? new LedgerFact(FactKind.Evaluation, on, Satisfaction: s) : null,
        f => [f.Satisfaction?.Code(), D(f.On)])
    {
        PartColumns = [C.Satisfaction, C.EvaluatedOn],
    };

    public static readonly FactColumn SecondReply = new("重新答复", FactKind.Reply, C.RerepliedOn,
        i => [D(i.RerepliedOn), i.SecondReplyClass?.ToString()],
        (to, from) => to with { RerepliedOn = from.RerepliedOn ?? to.RerepliedOn, SecondReplyClass = from.SecondReplyClass ?? to.SecondReplyClass },
        i => i.RerepliedOn is { } on ? new LedgerFact(FactKind.Reply, on, Class: i.SecondReplyClass) : null,
        f => [D(f.On), f.Class?.ToString()]);

    public static readonly FactColumn SecondEvaluation = new("再次测评", FactKind.Evaluation, C.SecondSatisfaction,
        i => [i.SecondSatisfaction?.Code()],
        (to, from) => to with { SecondSatisfaction = from.SecondSatisfaction ?? to.SecondSatisfaction },
        i => i.SecondSatisfaction is { } s && i.RerepliedOn is { } on ? new LedgerFact(FactKind.Evaluation, on, Satisfaction: s) : null,
        f => [f.Satisfaction?.Code()]);

    public static readonly FactColumn Publication = new("答复公开", FactKind.Publication, C.PublishedOn,
        i => [D(i.PublishedOn)],
        (to, from) => to with { PublishedOn = from.PublishedOn ?? to.PublishedOn },
        i => i.PublishedOn is { } on ? new LedgerFact(FactKind.Publication, on) : null,
        f => [D(f.On)]);

    public static readonly FactColumn Extension = new("延期", FactKind.Extension, C.ExtendedTo,
        i => [D(i.Extension?.NewDueOn), i.Extension?.Reason, D(i.Extension?.ApprovedOn)],
        // The same new date: its parts merged. Another: the one it replaces was the due date in force before it.
        (to, from) => from.Extension is not { } e ? to : to with
        {
            Extension = to.Extension is { } old && old.NewDueOn == e.NewDueOn
                ? old with
                {
                    Reason = e.Reason ?? old.Reason, ApprovedOn = e.ApprovedOn ?? old.ApprovedOn, ApprovedBy = old.ApprovedBy ?? e.ApprovedBy,
                    PreviousDueOn = old.PreviousDueOn ?? e.PreviousDueOn,
                }
                : e with { PreviousDueOn = to.Extension?.NewDueOn ?? e.PreviousDueOn },
        },
        // An extension without its approval date was approved before the original due date (the assigning office's own record).
        i => i.Extension is { } e ? new LedgerFact(FactKind.Extension, e.ApprovedOn ?? i.DueOn, To: e.NewDueOn, Reason: e.Reason) : null,
        f => [D(f.To), f.Reason, D(f.On)])
    {
        PartColumns = [C.ExtendedTo, C.ExtensionReason, C.ExtensionApprovedOn],
    };

    public static readonly FactColumn ReturnRequest = new("退回申请", FactKind.Return, C.ReturnRequestedOn,
        i => [D(i.ReturnedOn), i.ReturnReason],
        (to, from) => to with { ReturnedOn = from.ReturnedOn ?? to.ReturnedOn, ReturnReason = from.ReturnReason ?? to.ReturnReason },
        i => i.ReturnedOn is { } on || i.ReturnDecision is not null
            ? new LedgerFact(FactKind.Return, i.ReturnedOn ?? i.ReturnDecidedOn ?? i.AssignedOn, Reason: i.ReturnReason) : null,
        f => [D(f.On), f.Reason])
    {
        PartColumns = [C.ReturnRequestedOn, C.ReturnReason],
    };

    public static readonly FactColumn ReturnDecision = new("退回决定", FactKind.ReturnDecision, C.ReturnDecision,
        i => [i.ReturnDecision?.Code(), D(i.ReturnDecidedOn)],
        (to, from) => to with
        {
            ReturnDecision = from.ReturnDecision ?? to.ReturnDecision, ReturnDecidedOn = from.ReturnDecidedOn ?? to.ReturnDecidedOn,
            ReturnDecidedBy = from.ReturnDecidedBy ?? to.ReturnDecidedBy,
        },
        i => i.ReturnDecision is { } d ? new LedgerFact(FactKind.ReturnDecision, i.ReturnDecidedOn ?? i.ReturnedOn ?? i.AssignedOn, Decision: d) : null,
        f => [f.Decision?.Code(), D(f.On)])
    {
        PartColumns = [C.ReturnDecision, C.ReturnDecidedOn],
    };

    /// <summary>
    /// <paramref name="to"/> with every fact <paramref name="from"/> holds, in one copy: what a row that says
    /// nothing new comes to (most rows of a file imported again). It names every part the columns above
    /// name, and the co-divisions' inputs; FactColumnsFacts holds the two lists equal.
    /// </summary>
    public static Item AllFrom(Item to, Item from) => to with
    {
        AcknowledgedOn = from.AcknowledgedOn, RepliedOn = from.RepliedOn, ReplyClass = from.ReplyClass, Satisfaction = from.Satisfaction,
        EvaluatedOn = from.EvaluatedOn, RerepliedOn = from.RerepliedOn, SecondReplyClass = from.SecondReplyClass, SecondSatisfaction = from.SecondSatisfaction, PublishedOn = from.PublishedOn,
        Extension = from.Extension, ReturnedOn = from.ReturnedOn, ReturnReason = from.ReturnReason, ReturnDecision = from.ReturnDecision,
        ReturnDecidedOn = from.ReturnDecidedOn, ReturnDecidedBy = from.ReturnDecidedBy, CoInputs = from.CoInputs,
    };

    /// <summary>Whether every part of every fact <paramref name="file"/> gives is the one <paramref name="stored"/> holds.</summary>
    public static bool SaysNothingNew(Item file, Item stored)
    {
        foreach (var column in All)
        {
            var said = column.Parts(file);
            var held = column.Parts(stored);
            for (var i = 0; i < said.Length; i++) if (said[i] is { } part && part != held[i]) return false;
        }
        foreach (var input in file.CoInputs) if (!stored.CoInputs.Contains(input)) return false;
        return true;
    }

    /// <summary>Every fact column but the co-divisions' inputs, which are one fact a division.</summary>
    public static readonly IReadOnlyList<FactColumn> All =
        [Acknowledgement, Reply, Evaluation, SecondReply, SecondEvaluation, Publication, Extension, ReturnRequest, ReturnDecision];
}
