using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Desk;

/// <summary>
/// 催办记录 (/hangfire/reminders): what was sent to whom (To and Cc) and when, for which item, stage and
/// role; what failed and the server's words; what is owed now. A coordinator can resend a failed,
/// cancelled, uncertain or dismissed reminder, and dismiss an uncertain or failed one (a viewer sees no
/// button, and the server refuses a viewer's post anyway).
/// Newest first, a page at a time.
/// </summary>
internal sealed class RemindersPage : RazorPage
{
    /// <summary>The page's path under the dashboard.</summary>
    public const string Path = "/reminders";

    private const int PageSize = 50;

    public override void Execute()
    {
        Layout = new LayoutPage("催办记录");
        var request = new DeskRequest(this);
        var state = ReminderStates.Parse(request.Text("state"));
        var division = request.Text("division");
        var before = request.Number("before", 1, long.MaxValue);
        var store = request.Get<ReminderStore>();
        var counts = store.CountByStateAsync().GetAwaiter().GetResult();
        var rows = store.ListAsync(new ReminderQuery(Division: division, State: state, Before: before, Limit: PageSize + 1)).ToListAsync().AsTask().GetAwaiter().GetResult();
        var divisions = request.Get<DeskStore>().DivisionsAsync().GetAwaiter().GetResult();

        var html = new DeskHtml();
        html.Raw("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">催办记录</h1>");
        if (request.Number("resent", 1, long.MaxValue) is { } resent)
        {
            html.Raw("<div class=\"alert alert-success\">").Text($"第 {DeskRequest.N(resent)} 条催办已重新待发送, 将随该处室的下一封待办邮件发出 (owed again: it goes in the division's next email).").Raw("</div>");
        }
        if (request.Number("sent", 1, long.MaxValue) is { } sentNow)
        {
            var result = request.Text("result");
            var ok = result is nameof(Reminders.SendResult.Sent);
            html.Raw(ok ? "<div class=\"alert alert-success\">" : "<div class=\"alert alert-warning\">")
                .Text(ok ? $"第 {DeskRequest.N(sentNow)} 条催办已单独发出 (sent now, alone)." : $"第 {DeskRequest.N(sentNow)} 条催办未能立即发出, 见下方状态与说明 (not sent now: see its state and note below).").Raw("</div>");
        }
        if (request.Number("dismissed", 1, long.MaxValue) is { } dismissed)
        {
            html.Raw("<div class=\"alert alert-success\">").Text($"第 {DeskRequest.N(dismissed)} 条催办已忽略, 不再发送 (dismissed).").Raw("</div>");
        }
        if (counts.GetValueOrDefault(ReminderState.Uncertain) is var uncertain and > 0)
        {
            html.Raw("<div class=\"alert alert-warning\">").Text(
                $"{DeskRequest.N(uncertain)} 条催办结果不明: 邮件已发出, 但邮件服务器未答复, 可能已送达; 程序不会自动重发。请向收件人或邮件管理员确认后点 \"重发\" 或 \"忽略\" " +
                "(reminders with an unknown outcome: sent whole, the server's reply lost; they may have arrived and are not sent again by themselves).").Raw("</div>");
        }
        html.Raw("<p>");
        foreach (var s in Enum.GetValues<ReminderState>())
        {
            html.Link(Url.To(Path) + DeskHtml.Query(("state", s.Code()), ("division", division)), $"{s.ChineseName()} {DeskRequest.N(counts.GetValueOrDefault(s))}",
                s == state ? "btn btn-primary btn-sm" : "btn btn-default btn-sm").Raw(" ");
        }
        html.Link(Url.To(Path) + DeskHtml.Query(("division", division)), "全部", state is null ? "btn btn-primary btn-sm" : "btn btn-default btn-sm").Raw("</p>");
        html.Raw("<form method=\"get\" class=\"form-inline desk-filters\" style=\"margin-bottom:1em\" action=\"").Text(Url.To(Path)).Raw("\">");
        if (state is { } chosen) html.Raw("<input type=\"hidden\" name=\"state\" value=\"").Text(chosen.Code()).Raw("\">");
        html.Select("division", "处室", division, new[] { ("", "全部") }.Concat(divisions.Select(d => (d, d))));
        html.Raw("<button type=\"submit\" class=\"btn btn-primary btn-sm\">查看</button></form>");

        html.TableClass("desk-cards desk-reminders").Table("记录时间", "发送时间", "事项", "处室", "承担", "阶段", "期限", "状态", "收件人", "抄送", "说明", "");
        foreach (var row in rows.Take(PageSize))
        {
            var r = row.Record;
            html.Raw("<tr>");
            Cell(html, request.Local(r.CreatedAt));
            Cell(html, r.SentAt is { } sent ? request.Local(sent) : "");
            html.Raw("<td>").Link(ItemRoutes.To(Url, row.Item), $"{row.Item.Kind.FullName()} {row.Item.Session} 第{row.Item.Number}号 {TableCell.OneLine(row.Title)}").Raw("</td>");
            Cell(html, r.Division);
            Cell(html, r.Role.ChineseName() + (r.Round == HandlingRound.Rehandling ? " (重新办理)" : ""));
            Cell(html, r.Notice is { } notice ? $"第{DeskRequest.N(notice)}次督办 ({r.Stage.Code})" : r.Stage.ChineseName);
            Cell(html, DeskRequest.Iso(r.DueOn));
            Cell(html, r.State.ChineseName() + (r.State == ReminderState.Owed && r.Attempts > 0 ? $" (已试 {DeskRequest.N(r.Attempts)} 次, 下次 {request.Local(r.NextAttemptAt)})" : ""));
            Cell(html, r.To ?? "");
            Cell(html, r.Cc ?? "");
            Cell(html, r.State == ReminderState.Sent ? "" : TableCell.OneLine(r.LastError));
            html.Raw("<td>");
            if (!IsReadOnly && r.State is ReminderState.Failed or ReminderState.Cancelled or ReminderState.Uncertain or ReminderState.Dismissed)
            {
                Button(html, ResendDispatcher.Path, r.Id, "重发", ("now", "0"));
                Button(html, ResendDispatcher.Path, r.Id, "立即发送", ("now", "1"));
            }
            if (!IsReadOnly && r.State is ReminderState.Uncertain or ReminderState.Failed)
                Button(html, DismissDispatcher.Path, r.Id, "忽略");
            html.Raw("</td></tr>");
        }
        html.EndTable(Math.Min(rows.Count, PageSize), 12);
        if (rows.Count > PageSize)
        {
            html.Link(Url.To(Path) + DeskHtml.Query(("state", state?.Code()), ("division", division), ("before", DeskRequest.N(rows[PageSize - 1].Record.Id))),
                "下一页 (older)", "btn btn-default btn-sm");
        }
        html.Raw("</div></div>");
        WriteLiteral(html.ToString());
    }

    // A POST with the dashboard's antiforgery token, as every change on the desk is.
    private void Button(DeskHtml html, string path, long id, string label, (string Name, string Value)? extra = null)
    {
        html.Raw("<form method=\"post\" style=\"margin:0;display:inline-block\" action=\"").Text(Url.To(path)).Raw("\">")
            .Raw("<input type=\"hidden\" name=\"id\" value=\"").Text(DeskRequest.N(id)).Raw("\">");
        if (extra is { } field) html.Raw("<input type=\"hidden\" name=\"").Text(field.Name).Raw("\" value=\"").Text(field.Value).Raw("\">");
        html
            .Raw("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Text(Context.AntiforgeryToken ?? "").Raw("\">")
            .Raw("<button type=\"submit\" class=\"btn btn-default btn-xs\">").Text(label).Raw("</button></form> ");
    }

    private static void Cell(DeskHtml html, string text) => html.Raw("<td>").Text(text).Raw("</td>");
}
