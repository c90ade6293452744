using Proposals.Domain.Ledger;

namespace Proposals.Worker.Cli;

/// <summary>One column of <c>proposals list --format csv|xlsx</c>: its heading and an item's value in it.</summary>
/// <param name="Heading">The heading; where the import knows the column, the heading it reads.</param>
/// <param name="Value">A date, a text, or null for an empty cell.</param>
internal sealed record ItemColumn(string Heading, Func<Item, DateOnly, object?> Value)
{
    /// <summary>The cell as text: dates as 2019-07-01, the text in full.</summary>
    public string Text(Item item, DateOnly asOf) => Value(item, asOf) switch
    {
        null => "",
        DateOnly d => CliDate.Iso(d),
        var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// The ledger as a sheet: every recorded fact of an item, in full, and where it stands on the as-of date.
/// The columns the import reads carry its headings (办理期限 is the original due date, 延期至 the extended one),
/// so a listed file can be edited and imported again.
/// </summary>
internal static class ItemSheet
{
    private static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<ItemColumn> Columns { get; } =
    [
        new("类别", (i, _) => i.Key.Kind.ShortName()),
        new("届次", (i, _) => i.Key.Session),
        new("编号", (i, _) => i.Key.Number),
        new("标题", (i, _) => i.Title),
        new("提出人", (i, _) => i.Proposer),
        new("承办方式", (i, _) => i.RoleText ?? i.BureauRole.ChineseName()),
        new("主办处室", (i, _) => i.LeadDivision),
        new("协办处室", (i, _) => string.Join("、", i.CoDivisions)),
        new("协办意见送达", (i, _) => string.Join("、", i.CoInputs.Select(c => $"{c.Division}:{CliDate.Iso(c.DeliveredOn)}"))),
        new("交办日期", (i, _) => i.AssignedOn),
        new("办理期限", (i, _) => i.DueOn),
        new("延期至", (i, _) => i.Extension?.NewDueOn),
        new("延期原因", (i, _) => i.Extension?.Reason),
        new("延期批准日期", (i, _) => i.Extension?.ApprovedOn),
        new("协办意见期限", (i, _) => i.CoInputDueOn),
        new("签收日期", (i, _) => i.AcknowledgedOn),
        new("答复日期", (i, _) => i.RepliedOn),
        new("答复类别", (i, _) => i.ReplyClass?.ToString()),
        new("满意度", (i, _) => i.Satisfaction?.ChineseName()),
        new("测评日期", (i, _) => i.EvaluatedOn),
        new("重新办理期限", (i, _) => i.RehandleDueOn),
        new("重新答复日期", (i, _) => i.RerepliedOn),
        new("再次满意度", (i, _) => i.SecondSatisfaction?.ChineseName()),
        new("公开日期", (i, _) => i.PublishedOn),
        new("重点督办", (i, _) => YesNo(i.IsKey)),
        new("退回", (i, _) => YesNo(i.IsReturned)),
        new("退回申请日期", (i, _) => i.ReturnedOn),
        new("退回原因", (i, _) => i.ReturnReason),
        new("退回决定", (i, _) => i.ReturnDecision?.ChineseName()),
        new("退回决定日期", (i, _) => i.ReturnDecidedOn),
        new("超期退回", (i, _) => i.IsReturned ? YesNo(i.IsReturnLate) : null),
        new("主办单位", (i, _) => i.LeadUnit),
        new("协办单位", (i, _) => i.CoUnits),
        new("状态", (i, asOf) => i.StatusOn(asOf).ChineseName()),
        new("超期", (i, asOf) => YesNo(i.IsOverdue(asOf))),
    ];

    /// <summary>The headings, in order.</summary>
    public static IReadOnlyList<string> Headings { get; } = Columns.Select(c => c.Heading).ToList();
}
