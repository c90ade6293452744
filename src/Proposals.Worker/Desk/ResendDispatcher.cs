using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/reminders/resend (form fields <c>id</c>, and <c>now=1</c> to send at once): a coordinator
/// sends a failed, cancelled, uncertain or dismissed reminder again. The record is the only queue: the
/// row becomes owed and the worker's sender is woken, so it goes in the division's next email (with
/// Reminders:Grouping division, the next working morning's once today's email has gone). With
/// <c>now=1</c> it is sent at once, alone, and the page says what the server answered.
/// Viewers never get here (their posts are refused); the dashboard checks the antiforgery token, but
/// only on a POST (GET, HEAD, OPTIONS and TRACE pass it unchecked), so any other method is refused here.
/// </summary>
internal sealed class ResendDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/reminders/resend";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DeskPost.Allowed(context) || await DeskPost.NumberAsync(context, "id").ConfigureAwait(false) is not { } id) return;
        var http = context.GetHttpContext();
        var services = http.RequestServices;
        var store = services.GetRequiredService<ReminderStore>();
        if (!await store.ResendAsync(id, http.RequestAborted).ConfigureAwait(false))
        {
            await DeskPost.RefuseAsync(http, 409, "此催办不是结果不明、发送失败、已取消或已忽略状态, 未重发 (only an uncertain, failed, cancelled or dismissed reminder can be resent)").ConfigureAwait(false);
            return;
        }
        var now = await context.Request.GetFormValuesAsync("now").ConfigureAwait(false);
        var number = id.ToString(CultureInfo.InvariantCulture);
        if (now.Count == 1 && now[0] == "1")
        {
            var ledger = services.GetRequiredService<LedgerOptions>();
            var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync(http.RequestAborted).ConfigureAwait(false);
            var report = await services.GetRequiredService<ReminderDrain>()
                .SendNowAsync(id, ledger.Today(services.GetRequiredService<TimeProvider>()), calendar, http.RequestAborted).ConfigureAwait(false);
            DeskPost.SeeOther(context, RemindersPage.Path, $"?sent={number}&result={Uri.EscapeDataString(report.Result.ToString())}");
            return;
        }
        services.GetRequiredService<DrainSignal>().Raise();
        DeskPost.SeeOther(context, RemindersPage.Path, $"?resent={number}");
    }
}
