using Proposals.Worker.Hosting;

namespace Proposals.Worker.Desk;

/// <summary>
/// The desk's one line about a missing holiday schedule (this year's, and next year's from 1 November, as
/// the readiness check watches them), with a link to the calendar page where it is uploaded.
/// </summary>
internal static class CalendarNotice
{
    /// <summary>Appends the notice when a watched year has no schedule; nothing otherwise.</summary>
    public static void Write(DeskHtml html, DeskRequest request, string calendarUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(request);
        var calendar = request.Get<CalendarSource>().LoadAsync().GetAwaiter().GetResult();
        var missing = HealthCalendarCheck.WatchedYears(request.Today).Where(y => !calendar.HasSchedule(y)).ToList();
        if (missing.Count == 0) return;
        html.Raw("<div class=\"alert alert-warning desk-notice\">").Text(Domain.Calendar.CalendarWarnings.Text(calendar, missing)).Raw(" ")
            .Link(calendarUrl + DeskHtml.Query(("year", DeskRequest.N(missing[^1]))), "上传节假日安排").Raw("</div>");
    }
}
