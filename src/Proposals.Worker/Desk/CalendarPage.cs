using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Proposals.Domain.Calendar;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Desk;

/// <summary>
/// 节假日安排 (/hangfire/calendar?year=Y): the year's days off and working weekend days, as
/// <c>proposals calendar show --year Y</c> lists them, a plain warning when the year is estimated, and for a
/// coordinator the upload of a year's schedule (<see cref="CalendarUploadDispatcher"/>).
/// </summary>
internal sealed class CalendarPage : RazorPage
{
    /// <summary>The page's path under the dashboard.</summary>
    public const string Path = "/calendar";

    public override void Execute()
    {
        Layout = new LayoutPage("节假日安排");
        var request = new DeskRequest(this);
        var today = request.Today;
        var year = (int)(request.Number("year", 1949, 9999) ?? today.Year);
        var calendar = request.Get<CalendarSource>().LoadAsync().GetAwaiter().GetResult();
        var days = YearDays.Of(calendar, year);

        var html = new DeskHtml();
        html.Raw("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">节假日安排 <small>").Text($"{DeskRequest.N(year)}年").Raw("</small></h1>");
        if (request.Text("loaded") is { } loaded)
        {
            html.Raw("<div class=\"alert alert-success\">").Text($"已载入 {loaded} 年节假日安排 (loaded)").Raw("</div>");
        }
        html.Raw("<p class=\"desk-years\">");
        foreach (var y in new[] { today.Year - 1, today.Year, today.Year + 1 })
        {
            html.Link(Url.To(Path) + DeskHtml.Query(("year", DeskRequest.N(y))), $"{DeskRequest.N(y)}年", y == year ? "btn btn-primary btn-sm" : "btn btn-default btn-sm").Raw(" ");
        }
        html.Raw("</p>");
        if (CalendarWarnings.Text(calendar, [year]) is { } warning)
        {
            html.Raw("<div class=\"alert alert-warning\">").Text(warning).Raw("</div>");
        }
        var off = days.Count(d => d.Day.Kind == DayKind.Holiday);
        var work = days.Count(d => d.Day.Kind == DayKind.WorkingWeekend);
        html.Raw("<p>").Text($"放假 {DeskRequest.N(off)} 天, 调休上班 {DeskRequest.N(work)} 天").Raw("</p>");
        html.Table("日期", "星期", "安排", "节日");
        foreach (var day in days) html.Row(DeskRequest.Iso(day.Date), day.Weekday, day.Arrangement, day.Day.Name);
        html.EndTable(days.Count, 4);
        if (!IsReadOnly) UploadForm(html);
        html.Raw("</div></div>");
        WriteLiteral(html.ToString());
    }

    // multipart/form-data with the dashboard's antiforgery token, as every change on the desk is.
    private void UploadForm(DeskHtml html) =>
        html.Raw("<h3>上传节假日安排</h3><p class=\"text-muted\">").Text(
                "国务院每年 11 月前后公布次年放假安排; 上传 holiday-cn 格式或本程序格式的 JSON 文件, 与命令 proposals calendar import 相同。")
            .Raw("</p><form method=\"post\" enctype=\"multipart/form-data\" class=\"form-inline\" action=\"").Text(Url.To(CalendarUploadDispatcher.Path)).Raw("\">")
            .Raw("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Text(Context.AntiforgeryToken ?? "").Raw("\">")
            .Raw("<input type=\"file\" name=\"file\" accept=\".json,application/json\" required class=\"form-control input-sm\"> ")
            .Raw("<button type=\"submit\" class=\"btn btn-primary btn-sm\">上传</button></form>");
}
