using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>Reads one ledger row into an <see cref="Item"/>, recording every problem the row has.</summary>
internal sealed class ProposalRow(IReadOnlySet<string> knownDivisions, WorkingCalendar calendar, TimeLimits limits)
{
    /// <summary>
    /// The item's identity when kind, session and number are readable; the item when the whole row is,
    /// with the last date counted on the calendar (the computed due date, or the co-divisions' input date).
    /// </summary>
    public (ItemKey? Key, Item? Item, DateOnly LastCounted) Read(LedgerRow row)
    {
        var kind = Kind(row);
        var session = row.Required(C.Session);
        var number = row.Required(C.Number);
        var key = kind is { } k && session is not null && number is not null ? new ItemKey(k, session, number) : null;

        var title = row.Required(C.Title);
        var lead = row.Required(C.LeadDivision);
        if (lead is not null) RequireKnown(row, C.LeadDivision, lead);
        var coDivisions = DivisionNames.Split(row.Text(C.CoDivisions));
        foreach (var name in coDivisions)
        {
            RequireKnown(row, C.CoDivisions, name);
            if (name == lead) row.Problem(C.CoDivisions, $"主办处室不能同时列为协办处室: {CellText.Quote(name)}");
        }

        var assigned = row.Date(C.AssignedOn, required: true);
        var dueGiven = row.Date(C.DueOn);
        var acknowledged = row.Date(C.AcknowledgedOn);
        var replied = row.Date(C.RepliedOn);
        var extendedTo = row.Date(C.ExtendedTo);
        DateOnly? due = dueGiven ?? (assigned is { } a ? DueDate.AfterMonths(calendar, a, limits.ReplyMonths) : null);
        if (assigned is { } on)
        {
            NotBefore(row, C.DueOn, dueGiven, on, "办理期限早于交办日期");
            NotBefore(row, C.AcknowledgedOn, acknowledged, on, "签收日期早于交办日期");
            NotBefore(row, C.RepliedOn, replied, on, "答复日期早于交办日期");
        }
        if (extendedTo is { } e && due is { } d && e <= d)
        {
            row.Problem(C.ExtendedTo, $"延期日期应晚于办理期限 {Iso(d)}: {CellText.Quote(row.Text(C.ExtendedTo))}");
        }
        var reason = row.Text(C.ExtensionReason);
        if (reason.Length > 0 && row.Text(C.ExtendedTo).Length == 0)
        {
            // An extension is the new date the assigning office approved; a reason alone approves nothing.
            row.Problem(C.ExtendedTo, $"填写了延期原因但未填延期日期: 延期原因 {CellText.Quote(reason)}");
        }

        var hasReply = row.Text(C.RepliedOn).Length > 0;
        var replyClass = Word(row, C.ResultClass, ReplyClasses.Parse, "A/B/C/D", hasReply);
        var satisfaction = Word(row, C.Satisfaction, Satisfactions.Parse, "满意/基本满意/不满意", hasReply);
        var isKey = row.YesNo(C.Key);
        var isReturned = row.YesNo(C.Returned);

        if (row.HasProblems) return (key, null, default);
        var coInputDue = DueDate.AfterMonths(calendar, assigned!.Value, limits.CoInputMonths);
        var lastCounted = dueGiven is null && due!.Value > coInputDue ? due.Value : coInputDue;
        return (key, ItemDeadlines.Derive(new Item
        {
            Key = key!,
            Title = title!,
            Proposer = row.Text(C.Proposer),
            LeadDivision = lead!,
            CoDivisions = coDivisions,
            AssignedOn = assigned.Value,
            DueOn = due!.Value,
            CoInputDueOn = coInputDue,
            AcknowledgedOn = acknowledged,
            Extension = extendedTo is { } x ? new Extension(x, reason.Length > 0 ? reason : null) : null,
            RepliedOn = replied,
            ReplyClass = replyClass,
            Satisfaction = satisfaction,
            IsKey = isKey,
            IsReturned = isReturned,
        }, calendar, limits), lastCounted);
    }

    private static ItemKind? Kind(LedgerRow row)
    {
        var text = row.Required(C.Kind);
        if (text is null) return null;
        var kind = ItemKinds.Parse(text);
        if (kind is null) row.Problem(C.Kind, $"无法识别的类别: {CellText.Quote(text)}（应为 建议/提案 或 npc/cppcc）");
        return kind;
    }

    private void RequireKnown(LedgerRow row, ColumnSpec column, string name)
    {
        if (!knownDivisions.Contains(name)) row.Problem(column, $"处室不在处室名单中: {CellText.Quote(name)}");
    }

    private static void NotBefore(LedgerRow row, ColumnSpec column, DateOnly? date, DateOnly assigned, string what)
    {
        if (date is { } d && d < assigned)
        {
            row.Problem(column, $"{what} {Iso(assigned)}: {CellText.Quote(row.Text(column))}");
        }
    }

    // Reply class and satisfaction describe a reply: without a reply date they cannot be right.
    private static T? Word<T>(LedgerRow row, ColumnSpec column, Func<string, T?> parse, string allowed, bool hasReply)
        where T : struct
    {
        var text = row.Text(column);
        if (text.Length == 0) return null;
        var value = parse(text);
        if (value is null)
        {
            row.Problem(column, $"无法识别的{column.Chinese}: {CellText.Quote(text)}（应为 {allowed}）");
        }
        else if (!hasReply)
        {
            row.Problem(column, $"未填答复日期，不能填写{column.Chinese}: {CellText.Quote(text)}");
        }
        return value;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
