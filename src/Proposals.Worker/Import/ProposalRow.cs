using Proposals.Domain.Ledger;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads one ledger row on its own into a <see cref="ProposalDraft"/>, recording every problem its
/// cells have: values that are not values, unknown divisions, dates before the assignment. The rules
/// that tie one fact to another wait for the stored facts (see <see cref="ProposalRules"/>).
/// </summary>
internal sealed class ProposalRow(IReadOnlySet<string> knownDivisions)
{
    private const string SatisfactionWords = "满意/基本满意/不满意 or satisfied/basically-satisfied/dissatisfied";

    /// <summary>The row's identity when readable, and its item when all its cells are.</summary>
    public ProposalDraft Read(LedgerRow row)
    {
        var kind = Kind(row);
        var session = row.Required(C.Session);
        var number = row.Required(C.Number);
        var key = kind is { } k && session is not null && number is not null ? new ItemKey(k, session, number) : null;

        var title = row.Required(C.Title);
        var proposer = row.Text(C.Proposer);
        var role = Role(row);
        var lead = row.Required(C.LeadDivision);
        if (lead is not null) RequireKnown(row, C.LeadDivision, lead);
        var coDivisions = DivisionNames.Split(row.Text(C.CoDivisions));
        foreach (var name in coDivisions)
        {
            RequireKnown(row, C.CoDivisions, name);
            if (name == lead) row.Problem(C.CoDivisions, $"主办处室不能同时列为协办处室: {CellText.Quote(name)} (the lead division cannot also be a co-division: {CellText.Quote(name)})");
        }
        var coInputs = CoInputCell.Read(row, C.CoInputs);

        var assigned = row.Date(C.AssignedOn, required: true);
        var due = row.Date(C.DueOn);
        var acknowledged = row.Date(C.AcknowledgedOn);
        var replied = row.Date(C.RepliedOn);
        var evaluated = row.Date(C.EvaluatedOn);
        var rereplied = row.Date(C.RerepliedOn);
        var published = row.Date(C.PublishedOn);
        var returnedOn = row.Date(C.ReturnedOn);
        var returnRequestedOn = row.Date(C.ReturnRequestedOn);
        var returnDecidedOn = row.Date(C.ReturnDecidedOn);
        var extendedTo = row.Date(C.ExtendedTo);
        var extensionApprovedOn = row.Date(C.ExtensionApprovedOn);
        if (assigned is { } on)
        {
            NotBefore(row, C.DueOn, due, on, "办理期限早于交办日期", "the due date is before the assignment date");
            NotBefore(row, C.AcknowledgedOn, acknowledged, on, "签收日期早于交办日期", "the acknowledgement date is before the assignment date");
            NotBefore(row, C.RepliedOn, replied, on, "答复日期早于交办日期", "the reply date is before the assignment date");
            NotBefore(row, C.EvaluatedOn, evaluated, on, "测评日期早于交办日期", "the evaluation date is before the assignment date");
            NotBefore(row, C.RerepliedOn, rereplied, on, "重新答复日期早于交办日期", "the second reply date is before the assignment date");
            NotBefore(row, C.PublishedOn, published, on, "公开日期早于交办日期", "the publication date is before the assignment date");
            NotBefore(row, C.ReturnedOn, returnedOn, on, "退回日期早于交办日期", "the return date is before the assignment date");
            NotBefore(row, C.ExtendedTo, extendedTo, on, "延期日期早于交办日期", "the extension date is before the assignment date");
            NotBefore(row, C.ExtensionApprovedOn, extensionApprovedOn, on, "延期批准日期早于交办日期", "the extension approval date is before the assignment date");
            NotBefore(row, C.ReturnRequestedOn, returnRequestedOn, on, "退回申请日期早于交办日期", "the return request date is before the assignment date");
            NotBefore(row, C.ReturnDecidedOn, returnDecidedOn, on, "退回决定日期早于交办日期", "the return decision date is before the assignment date");
            foreach (var input in coInputs.Where(i => i.DeliveredOn < on))
            {
                row.Problem(C.CoInputs, $"协办意见送达日期早于交办日期 {Iso(on)}: {CellText.Quote(input.Division)} " +
                    $"(a co-division's input is dated before the assignment date {Iso(on)}: {CellText.Quote(input.Division)})");
            }
        }
        var reason = row.Text(C.ExtensionReason);
        if (reason.Length > 0 && row.Text(C.ExtendedTo).Length == 0 && !row.Refused(C.ExtendedTo))
        {
            // An extension is the new date the assigning office approved; a reason alone approves nothing.
            row.Problem(C.ExtendedTo, $"填写了延期原因但未填延期日期: 延期原因 {CellText.Quote(reason)} (an extension reason without an extension date: {CellText.Quote(reason)})");
        }

        var replyClass = Word(row, C.ResultClass, ReplyClasses.Parse, "A/B/C/D", "reply class", "A/B/C/D");
        var satisfaction = Word(row, C.Satisfaction, Satisfactions.Parse, "满意/基本满意/不满意", "satisfaction", SatisfactionWords);
        var secondSatisfaction = Word(row, C.SecondSatisfaction, Satisfactions.Parse, "满意/基本满意/不满意", "satisfaction", SatisfactionWords);
        var isKey = row.YesNo(C.Key);
        var returned = row.YesNoOrEmpty(C.Returned);
        var returnReason = row.Text(C.ReturnReason);
        var decision = Word(row, C.ReturnDecision, ReturnDecisions.Parse, "同意/不同意", "return decision", "同意/不同意 or approved/refused");
        // 退回 是 or a 退回日期 is a return the assigning office approved; its decision column says so too, or decides a request.
        if (decision is null && (returned == true || returnedOn is not null)) decision = ReturnDecision.Approved;
        if (decision == ReturnDecision.Refused && (returned == true || returnedOn is not null))
        {
            row.Problem(C.ReturnDecision, $"退回决定为“不同意”，但退回为“是”或填写了退回日期 (the decision is refused, but returned is yes or a return date is given)");
        }
        var leadUnit = row.Text(C.LeadUnit);
        var coUnits = DivisionNames.Split(row.Text(C.CoUnits));
        var roleText = row.Text(C.BureauRole);

        if (row.HasProblems) return new ProposalDraft(row, key, null) { NumberWasNumeric = row.Raw(C.Number) is double };
        return new ProposalDraft(row, key, new Item
        {
            Key = key!,
            Title = title!,
            Proposer = proposer,
            BureauRole = role ?? BureauRole.Lead,
            LeadDivision = lead!,
            CoDivisions = coDivisions,
            CoInputs = coInputs,
            AssignedOn = assigned!.Value,
            // Decided once the role and the stored facts are known (ProposalImport).
            DueOn = due ?? assigned.Value,
            CoInputDueOn = assigned.Value,
            AcknowledgedOn = acknowledged,
            Extension = extendedTo is { } x ? new Extension(x, reason.Length > 0 ? reason : null, extensionApprovedOn) : null,
            RepliedOn = replied,
            ReplyClass = replyClass,
            Satisfaction = satisfaction,
            EvaluatedOn = evaluated,
            RerepliedOn = rereplied,
            SecondSatisfaction = secondSatisfaction,
            PublishedOn = published,
            IsKey = isKey,
            ReturnedOn = returnRequestedOn ?? returnedOn,
            ReturnReason = returnReason.Length > 0 ? returnReason : null,
            ReturnDecision = decision,
            ReturnDecidedOn = returnDecidedOn ?? (decision == ReturnDecision.Approved ? returnedOn : null),
            // As written where it says more than the role's own name (会办 is 协办, 'lead' is 主办).
            RoleText = roleText.Length > 0 && roleText != (role ?? BureauRole.Lead).ChineseName() ? roleText : null,
            LeadUnit = leadUnit.Length > 0 ? leadUnit : null,
            CoUnits = coUnits.Count > 0 ? string.Join("、", coUnits) : null,
        })
        {
            NumberWasNumeric = row.Raw(C.Number) is double,
            DueTyped = due,
            ReturnedAnswer = returned,
        };
    }

    private static ItemKind? Kind(LedgerRow row)
    {
        var text = row.Required(C.Kind);
        if (text is null) return null;
        var kind = ItemKinds.Parse(text);
        if (kind is null) row.Problem(C.Kind, $"无法识别的类别: {CellText.Quote(text)}（应为 建议/提案 或 npc/cppcc） (not a known kind: {CellText.Quote(text)}; expected 建议/提案 or npc/cppcc)");
        return kind;
    }

    // Empty is 主办, the usual case; the caller keeps the stored role when the file has no such column.
    private static BureauRole? Role(LedgerRow row)
    {
        var text = row.Text(C.BureauRole);
        if (text.Length == 0) return null;
        var role = BureauRoles.Parse(text);
        if (role is null) row.Problem(C.BureauRole, $"无法识别的承办方式: {CellText.Quote(text)}（应为 主办/协办/会办/分办/合办 或 lead/assisting/split/joint） " +
            $"(not a known bureau role: {CellText.Quote(text)}; expected 主办/协办/会办/分办/合办 or lead/assisting/split/joint)");
        return role;
    }

    private void RequireKnown(LedgerRow row, ColumnSpec column, string name)
    {
        if (!knownDivisions.Contains(name)) row.Problem(column, $"处室不在处室名单中: {CellText.Quote(name)} (not a known division: {CellText.Quote(name)})");
    }

    private static void NotBefore(LedgerRow row, ColumnSpec column, DateOnly? date, DateOnly assigned, string what, string english)
    {
        if (date is { } d && d < assigned)
        {
            row.Problem(column, $"{what} {Iso(assigned)}: {CellText.Quote(row.Text(column))} ({english} {Iso(assigned)}: {CellText.Quote(row.Text(column))})");
        }
    }

    private static T? Word<T>(LedgerRow row, ColumnSpec column, Func<string, T?> parse, string allowed, string english, string allowedEnglish)
        where T : struct
    {
        var text = row.Text(column);
        if (text.Length == 0) return null;
        var value = parse(text);
        if (value is null) row.Problem(column, $"无法识别的{column.Chinese}: {CellText.Quote(text)}（应为 {allowed}） (not a known {english}: {CellText.Quote(text)}; expected {allowedEnglish})");
        return value;
    }

    /// <summary>A date as the messages write it.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
