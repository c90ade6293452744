using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Storage;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Desk;

/// <summary>
/// 办理进度 (/hangfire/progress): the year's items by status and kind; what falls due within 7 days;
/// what is overdue, by how many days, with its division and key flag; and each lead division's
/// figures and rates as the report counts them. Filters: year, kind, division. Paged.
/// </summary>
internal sealed class ProgressPage : RazorPage
{
    /// <summary>The page's path under the dashboard.</summary>
    public const string Path = "/progress";

    private const int PageSize = 50;
    private const int SoonDays = 7;

    public override void Execute()
    {
        Layout = new LayoutPage("办理进度");
        var request = new DeskRequest(this);
        var today = request.Today;
        var year = (int)(request.Number("year", 1949, 9999) ?? today.Year);
        var division = request.Text("division");
        var kind = request.Kind;
        var page = (int)(request.Number("page", 1, 100_000) ?? 1);
        var desk = request.Get<DeskStore>();
        var filter = new DeskFilter(today, year, kind, division);
        // The year's figures scan the table while the two due lists walk an index: run side by side, the page
        // waits for the slowest rather than their sum (each opens its own connection; Task.Run because
        // SQLite's async calls complete synchronously).
        var summaryTask = Task.Run(() => desk.SummaryAsync(filter));
        var soonTask = Task.Run(() => desk.DueAsync(filter with { Year = null }, today, today.AddDays(SoonDays), 0, PageSize));
        var overdueTask = Task.Run(() => desk.DueAsync(filter with { Year = null }, null, today.AddDays(-1), (page - 1) * PageSize, PageSize));
        var divisionsTask = desk.DivisionsAsync();
        Task.WhenAll(summaryTask, soonTask, overdueTask, divisionsTask).GetAwaiter().GetResult();
        var (statuses, figures) = (summaryTask.Result.Statuses, summaryTask.Result.Divisions);
        var (soon, overdue, divisions) = (soonTask.Result, overdueTask.Result, divisionsTask.Result);
        var settings = request.Get<ReportOptions>().Rates;

        var html = new DeskHtml();
        html.Raw("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">办理进度 <small>").Text($"截至 {DeskRequest.Iso(today)}").Raw("</small></h1>");
        Filters(html, year, kind, division, divisions);
        DeskLinks.Progress(html, Url, request, year, kind, division);

        html.Raw("<h3>").Text($"{year}年交办事项办理状态").Raw("</h3>");
        StatusTable(html, statuses);

        html.Raw("<h3>").Text($"7日内到期 ({soon.Total}件)").Raw("</h3>");
        DueTable(html, Url, soon.Items, today, overdue: false);

        html.Raw("<h3>").Text($"已超期未办复 ({overdue.Total}件)").Raw("</h3>");
        DueTable(html, Url, overdue.Items, today, overdue: true);
        Pager(html, page, overdue.Total, year, kind, division);

        html.Raw("<h3>").Text($"{year}年各主办处室办理情况").Raw("</h3>");
        FiguresTable(html, figures, settings);
        html.Raw("</div></div>");
        WriteLiteral(html.ToString());
    }

    private void Filters(DeskHtml html, int year, ItemKind? kind, string? division, IReadOnlyList<string> divisions)
    {
        html.Raw("<form method=\"get\" class=\"form-inline desk-filters\" style=\"margin-bottom:1em\" action=\"").Text(Url.To(Path)).Raw("\">");
        var thisYear = DateTime.Now.Year;
        html.Select("year", "年度", DeskRequest.N(year), Enumerable.Range(0, 9).Select(i => thisYear - i).Append(year).Distinct().OrderDescending().Select(y => (DeskRequest.N(y), $"{DeskRequest.N(y)}年")));
        html.Select("kind", "类别", kind?.Code(), [("", "全部"), ("npc", ItemKind.Npc.FullName()), ("cppcc", ItemKind.Cppcc.FullName())]);
        html.Select("division", "处室", division, new[] { ("", "全部") }.Concat(divisions.Select(d => (d, d))));
        html.Raw("<button type=\"submit\" class=\"btn btn-primary btn-sm\">查看</button></form>");
    }

    private static void StatusTable(DeskHtml html, IReadOnlyList<StatusCount> counts)
    {
        html.Table("状态", ItemKind.Npc.FullName(), ItemKind.Cppcc.FullName(), "合计");
        long Count(ItemStatus status, ItemKind? kind) => counts.Where(c => c.Status == status.Code() && (kind is null || c.Kind == kind)).Sum(c => c.Count);
        foreach (var status in Enum.GetValues<ItemStatus>())
        {
            html.Row(status.ChineseName(), DeskRequest.N(Count(status, ItemKind.Npc)), DeskRequest.N(Count(status, ItemKind.Cppcc)), DeskRequest.N(Count(status, null)));
        }
        html.Row("合计", DeskRequest.N(counts.Where(c => c.Kind == ItemKind.Npc).Sum(c => c.Count)),
            DeskRequest.N(counts.Where(c => c.Kind == ItemKind.Cppcc).Sum(c => c.Count)), DeskRequest.N(counts.Sum(c => c.Count)));
        html.EndTable(1, 4);
    }

    private static void DueTable(DeskHtml html, UrlHelper url, IReadOnlyList<StoredItem> items, DateOnly today, bool overdue)
    {
        html.TableClass("desk-cards desk-due").Table("类别", "届次", "编号", "标题", "主办处室", "协办处室", "办理期限", overdue ? "超期天数" : "剩余天数", "重点督办");
        foreach (var stored in items)
        {
            var item = stored.Item;
            var due = item.LeadDueOn(item.RoundOn(today));
            var days = overdue ? today.DayNumber - due.DayNumber : due.DayNumber - today.DayNumber;
            html.Raw("<tr>").Cells(item.Key.Kind.ShortName(), item.Key.Session, item.Key.Number)
                .Raw("<td>").Link(ItemRoutes.To(url, item.Key), TableCell.OneLine(item.Title)).Raw("</td>").Cells(item.LeadDivision,
                string.Join("、", item.CoDivisions), DeskRequest.Iso(due) + (item.RoundOn(today) == HandlingRound.Rehandling ? " (重新办理)" : ""),
                DeskRequest.N(days), item.IsKey ? "是" : "").Raw("</tr>");
        }
        html.EndTable(items.Count, 9);
    }

    private void Pager(DeskHtml html, int page, long total, int year, ItemKind? kind, string? division)
    {
        var pages = (int)Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pages == 1) return;
        html.Raw("<p>").Text($"第 {page}/{pages} 页 ");
        string To(int p) => Url.To(Path) + DeskHtml.Query(("year", DeskRequest.N(year)), ("kind", kind?.Code()), ("division", division), ("page", DeskRequest.N(p)));
        if (page > 1) html.Link(To(page - 1), "上一页", "btn btn-default btn-sm").Raw(" ");
        if (page < pages) html.Link(To(page + 1), "下一页", "btn btn-default btn-sm");
        html.Raw("</p>");
    }

    private static void FiguresTable(DeskHtml html, IReadOnlyList<DivisionCounts> rows, RateSettings settings)
    {
        html.TableClass("desk-figures").Table("主办处室", "类别", "主办", "已办复", "按期办复", "逾期未办复", "已测评", "退回", "办复率", "按期办复率", "满意率");
        foreach (var r in rows)
        {
            var f = new Figures
            {
                Assigned = (int)r.Assigned, Replied = (int)r.Replied, RepliedOnTime = (int)r.RepliedOnTime, OverdueOpen = (int)r.OverdueOpen,
                Evaluated = (int)r.Evaluated, Satisfied = (int)r.Satisfied, BasicallySatisfied = (int)r.BasicallySatisfied,
                Returned = (int)r.Returned, CountBasicallySatisfied = settings.CountBasicallySatisfied,
            };
            html.Row(r.Division, r.Kind.FullName(), DeskRequest.N(f.Assigned), DeskRequest.N(f.Replied), DeskRequest.N(f.RepliedOnTime),
                DeskRequest.N(f.OverdueOpen), DeskRequest.N(f.Evaluated), DeskRequest.N(f.Returned),
                Percent.Format(f.ReplyRate), Percent.Format(f.OnTimeReplyRate), Percent.Format(f.SatisfactionRate));
        }
        html.EndTable(rows.Count, 11);
    }
}
