using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/reminders/dismiss (form field <c>id</c>): a coordinator settles an uncertain or
/// failed reminder without sending it again (it did arrive, or is no longer wanted); the row keeps who
/// did it. Only POST (the dashboard checks the antiforgery token on posts); viewers are refused.
/// </summary>
internal sealed class DismissDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/reminders/dismiss";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DeskPost.Allowed(context) || await DeskPost.NumberAsync(context, "id").ConfigureAwait(false) is not { } id) return;
        var http = context.GetHttpContext();
        var services = http.RequestServices;
        var who = DeskPost.Who(context.GetHttpContext());
        var note = DismissNote.By(who, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<LedgerOptions>());
        if (!await services.GetRequiredService<ReminderStore>().DismissAsync(id, note, http.RequestAborted).ConfigureAwait(false))
        {
            context.Response.StatusCode = 409;
            await context.Response.WriteAsync("此催办不是结果不明或发送失败状态, 未忽略 (only an uncertain or failed reminder can be dismissed)").ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = 303;
        http.Response.Headers.Location = $"{new UrlHelper(context).To(RemindersPage.Path)}?dismissed={id.ToString(CultureInfo.InvariantCulture)}";
    }
}
