using Hangfire.Dashboard;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Desk;

/// <summary>
/// The item page's markup: the key facts first (status, due date, lead division), then the deadlines,
/// the recorded facts, the timeline, and the forms. Short lines and two-column tables, so it reads on a
/// 390 px phone without sideways scrolling.
/// </summary>
internal static class ItemView
{
    /// <summary>人大代表建议 十五届一次 第0012号</summary>
    public static string Heading(ItemKey key) => $"{key.Kind.FullName()} {key.Session} 第{key.Number}号";

    /// <summary>The page for <paramref name="stored"/>; <paramref name="posted"/> is a form that was not recorded, shown again with its reasons.</summary>
    public static string Render(RazorPage page, DeskRequest request, StoredItem stored, ItemForm? posted, string? done)
    {
        var item = stored.Item;
        var today = request.Today;
        var status = item.StatusOn(today);
        var html = new DeskHtml();
        html.Raw("<div class=\"row\"><div class=\"col-md-12\" style=\"overflow-wrap:anywhere\"><h1 class=\"page-header\" style=\"font-size:1.6em;white-space:normal\">").Text(Heading(item.Key))
            .Raw(" <small>").Text(item.Title).Raw("</small></h1>");
        if (done is not null) html.Raw("<div class=\"alert alert-success\" id=\"done\">").Text(done).Raw("</div>");
        if (posted is { Stale: true }) html.Raw("<div class=\"alert alert-danger\" id=\"stale\">").Text(posted.Refusal).Raw("</div>");

        var round = item.RoundOn(today);
        html.Raw("<dl class=\"dl-horizontal\" id=\"key-facts\">");
        Fact(html, "状态", status.ChineseName() + (item.IsReturnPending ? " (退回申请待决定)" : ""));
        Fact(html, round == HandlingRound.Rehandling ? "重新办理期限" : "办理期限", DeskRequest.Iso(item.LeadDueOn(today)) + (item.IsOverdue(today) ? $" (已超期 {DeskRequest.N(today.DayNumber - item.LeadDueOn(today).DayNumber)} 天)" : ""));
        Fact(html, "主办处室", item.LeadDivision);
        if (item.CoDivisions.Count > 0) Fact(html, "协办处室", string.Join("、", item.CoDivisions));
        if (item.IsKey) Fact(html, "重点督办", "是");
        html.Raw("</dl>");

        html.Raw("<h3>期限</h3>");
        html.Table("期限", "日期");
        var rows = Deadlines(html, item, today);
        html.EndTable(rows, 2);

        html.Raw("<h3>办理情况</h3><dl class=\"dl-horizontal\">");
        Facts(html, item);
        html.Raw("</dl>");

        html.Raw("<h3>记录</h3>");
        ItemTimeline.Write(html, request, stored);

        if (!page.IsReadOnly)
        {
            html.Raw("<h3>登记</h3>");
            ItemForms.Write(html, page, stored, posted, today);
        }
        html.Raw("</div></div>");
        return html.ToString();
    }

    private static int Deadlines(DeskHtml html, Item item, DateOnly today)
    {
        var rows = 0;
        void Row(string label, string value)
        {
            html.Row(label, value);
            rows++;
        }
        Row("现行办理期限", DeskRequest.Iso(item.DueInForceOn(today)));
        Row("原办理期限", DeskRequest.Iso(item.DueOn));
        if (item.Extension is { } e)
        {
            var approval = e.ApprovedOn is { } on ? $"{DeskRequest.Iso(on)} 批准" : "批准日期未记录";
            Row("延期至", $"{DeskRequest.Iso(e.NewDueOn)} ({approval}{(e.ApprovedBy is null ? "" : ", " + e.ApprovedBy)}; {e.Reason})");
        }
        if (item.CoDivisions.Count > 0) Row("协办意见送达期限", DeskRequest.Iso(item.CoInputDueOn));
        if (item.AcknowledgeDueOn is { } ack) Row("签收期限", DeskRequest.Iso(ack));
        if (item.ReturnBy is { } by) Row("退回申请期限", DeskRequest.Iso(by));
        if (item.RehandleDueOn is { } again) Row("重新办理期限", DeskRequest.Iso(again));
        return rows;
    }

    private static void Facts(DeskHtml html, Item item)
    {
        Fact(html, "提出人", item.Proposer);
        Fact(html, "承办方式", item.RoleText ?? item.BureauRole.ChineseName());
        if (item.LeadUnit is not null) Fact(html, "主办单位", item.LeadUnit);
        if (item.CoUnits is not null) Fact(html, "协办单位", item.CoUnits);
        Fact(html, "交办日期", DeskRequest.Iso(item.AssignedOn));
        Fact(html, "签收日期", Day(item.AcknowledgedOn));
        foreach (var input in item.CoInputs) Fact(html, "协办意见送达", $"{input.Division} {DeskRequest.Iso(input.DeliveredOn)}");
        Fact(html, "答复日期", Day(item.RepliedOn) + (item.ReplyClass is { } c ? $" ({c}类)" : ""));
        Fact(html, "测评", item.Satisfaction is { } s ? $"{s.ChineseName()} {Day(item.EvaluatedOn)}" : "未测评");
        if (item.RerepliedOn is { } reply) Fact(html, "重新答复日期", DeskRequest.Iso(reply));
        if (item.SecondSatisfaction is { } second) Fact(html, "再次测评", second.ChineseName());
        Fact(html, "答复公开", Day(item.PublishedOn));
        if (item.ReturnedOn is { } returned)
        {
            Fact(html, "退回申请", $"{DeskRequest.Iso(returned)} {item.ReturnReason}");
            Fact(html, "退回决定", item.ReturnDecision is { } d
                ? $"{d.ChineseName()} {Day(item.ReturnDecidedOn)} {item.ReturnDecidedBy}".TrimEnd()
                : "待交办单位决定");
        }
    }

    private static string Day(DateOnly? day) => day is { } d ? DeskRequest.Iso(d) : "未记录";

    private static void Fact(DeskHtml html, string label, string value) =>
        html.Raw("<dt>").Text(label).Raw("</dt><dd>").Text(TableCell.OneLine(value)).Raw("</dd>");
}
