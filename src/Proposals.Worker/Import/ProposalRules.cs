using Proposals.Domain.Ledger;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>
/// The rules that tie one fact of an item to another, checked on the item as it will be stored (the
/// row's facts with the stored ones of the columns the file lacks, see <see cref="FileFacts"/>):
/// an evaluation needs a reply, a second reply a 不满意 evaluation, an assisting bureau writes no
/// reply letter and is not evaluated, a co-division's input comes from a co-division. Each problem
/// names the column the file gives.
/// </summary>
internal static class ProposalRules
{
    /// <summary>Records a problem on <paramref name="row"/> for each rule <paramref name="item"/> breaks.</summary>
    public static void Check(Item item, ProposalDraft draft, LedgerRow row)
    {
        Extension(item, draft, row);
        if (!item.BureauRole.IsLead()) Assisting(item, row);
        else Replies(item, row);
        Return(item, draft, row);
        foreach (var input in item.CoInputs.Where(i => !item.CoDivisions.Contains(i.Division, StringComparer.Ordinal)))
        {
            row.Problem(C.CoInputs, $"不是本件的协办处室: {CellText.Quote(input.Division)}（协办处室: {string.Join("、", item.CoDivisions)}） " +
                $"(not a co-division of this item: {CellText.Quote(input.Division)}; co-divisions: {string.Join("、", item.CoDivisions)})");
        }
    }

    private static void Extension(Item item, ProposalDraft draft, LedgerRow row)
    {
        if (item.Extension is { } e && draft.Item?.Extension is not null && e.NewDueOn <= item.DueOn)
        {
            row.Problem(C.ExtendedTo, $"延期日期应晚于办理期限 {ProposalRow.Iso(item.DueOn)}: {CellText.Quote(row.Text(C.ExtendedTo))} " +
                $"(the extension date must be after the due date {ProposalRow.Iso(item.DueOn)}: {CellText.Quote(row.Text(C.ExtendedTo))})");
        }
    }

    // 协办: the bureau's input goes to the city's lead unit, which answers and is evaluated.
    private static void Assisting(Item item, LedgerRow row)
    {
        Refuse(row, C.ResultClass, item.ReplyClass is not null);
        Refuse(row, C.Satisfaction, item.Satisfaction is not null);
        Refuse(row, C.EvaluatedOn, item.EvaluatedOn is not null);
        Refuse(row, C.RerepliedOn, item.RerepliedOn is not null);
        Refuse(row, C.SecondSatisfaction, item.SecondSatisfaction is not null);
        Refuse(row, C.PublishedOn, item.PublishedOn is not null);

        static void Refuse(LedgerRow row, ColumnSpec column, bool given)
        {
            if (given) row.Problem(column, $"协办件不写答复函、不参加测评，不能填写{column.Chinese}: {CellText.Quote(row.Text(column))} " +
                $"(an assisting item has no reply letter and no evaluation; {column.English} must be empty: {CellText.Quote(row.Text(column))})");
        }
    }

    private static void Replies(Item item, LedgerRow row)
    {
        var replied = item.RepliedOn;
        Needs(row, C.ResultClass, item.ReplyClass is not null, replied is not null, "未填答复日期", "no reply date");
        Needs(row, C.Satisfaction, item.Satisfaction is not null, replied is not null, "未填答复日期", "no reply date");
        Needs(row, C.PublishedOn, item.PublishedOn is not null, replied is not null, "未填答复日期", "no reply date");
        Needs(row, C.EvaluatedOn, item.EvaluatedOn is not null, item.Satisfaction is not null, "未填满意度", "no satisfaction");
        if (item.Satisfaction is { } s)
        {
            Needs(row, C.RerepliedOn, item.RerepliedOn is not null, s == Satisfaction.Dissatisfied,
                $"满意度为{s.ChineseName()}（不是不满意），无需重新办理", $"satisfaction is {s.Code()}, not dissatisfied: no second handling");
        }
        else
        {
            Needs(row, C.RerepliedOn, item.RerepliedOn is not null, false,
                "未填满意度（重新办理只在不满意之后）", "no satisfaction; an item is handled again only after dissatisfied");
        }
        Needs(row, C.SecondSatisfaction, item.SecondSatisfaction is not null, item.RerepliedOn is not null, "未填重新答复日期", "no second reply date");
        NotBefore(row, C.EvaluatedOn, item.EvaluatedOn, replied, "答复日期", "reply date");
        NotBefore(row, C.PublishedOn, item.PublishedOn, replied, "答复日期", "reply date");
        NotBefore(row, C.RerepliedOn, item.RerepliedOn, item.EvaluatedOn ?? replied,
            item.EvaluatedOn is null ? "答复日期" : "测评日期", item.EvaluatedOn is null ? "reply date" : "evaluation date");
    }

    private static void Return(Item item, ProposalDraft draft, LedgerRow row)
    {
        if (draft.ReturnedAnswer == false && draft.Item?.ReturnDecision == Domain.Ledger.ReturnDecision.Approved && draft.Item.ReturnDecidedOn is { } on)
        {
            row.Problem(C.Returned, $"退回为“否”，但填写了退回日期 {ProposalRow.Iso(on)} (returned is no, but a return date {ProposalRow.Iso(on)} is given)");
        }
        if (item.ReturnedOn is null && item.ReturnDecision is null && item.ReturnReason is { } reason)
        {
            row.Problem(C.ReturnReason, $"未申请退回，不能填写退回原因: {CellText.Quote(reason)} (no return asked; return_reason must be empty: {CellText.Quote(reason)})");
        }
        if (item.ReturnDecidedOn is { } decided && item.ReturnedOn is { } asked && decided < asked)
        {
            row.Problem(C.ReturnDecidedOn, $"退回决定日期早于申请日期 {ProposalRow.Iso(asked)} (the return decision is dated before the request {ProposalRow.Iso(asked)})");
        }
    }

    // Reply class and satisfaction describe a reply, an evaluation date an evaluation: without it they cannot be right.
    private static void Needs(LedgerRow row, ColumnSpec column, bool given, bool prerequisite, string missing, string english)
    {
        if (given && !prerequisite) row.Problem(column, $"{missing}，不能填写{column.Chinese}: {CellText.Quote(row.Text(column))} " +
            $"({english}; {column.English} must be empty: {CellText.Quote(row.Text(column))})");
    }

    private static void NotBefore(LedgerRow row, ColumnSpec column, DateOnly? date, DateOnly? earliest, string what, string english)
    {
        if (date is { } d && earliest is { } e && d < e)
        {
            row.Problem(column, $"{column.Chinese}早于{what} {ProposalRow.Iso(e)}: {CellText.Quote(row.Text(column))} " +
                $"({column.English} is before the {english} {ProposalRow.Iso(e)}: {CellText.Quote(row.Text(column))})");
        }
    }
}
