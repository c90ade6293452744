using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/reminders/resend (form field <c>id</c>): a coordinator sends a failed or cancelled
/// reminder again. It becomes owed now, and a job named by item and division
/// (催办 人大代表建议 十五届一次 第0012号 → 金融服务处) sends it at once, so its fate shows in the jobs.
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
        var record = await store.FindAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (record is null || !await store.ResendAsync(id, http.RequestAborted).ConfigureAwait(false))
        {
            context.Response.StatusCode = 409;
            await context.Response.WriteAsync("此催办不是结果不明、发送失败、已取消或已忽略状态, 未重发 (only an uncertain, failed, cancelled or dismissed reminder can be resent)").ConfigureAwait(false);
            return;
        }
        var item = await services.GetRequiredService<ItemStore>().FindByIdAsync(record.ItemId, http.RequestAborted).ConfigureAwait(false);
        var name = item is null ? $"#{record.ItemId} → {record.Division}" : PlanText.JobName(item.Item.Key, record.Division);
        context.GetBackgroundJobClient().Enqueue<ResendJob>(job => job.SendAsync(id, name, CancellationToken.None));
        http.Response.StatusCode = 303;
        http.Response.Headers.Location = $"{new UrlHelper(context).To(RemindersPage.Path)}?resent={id.ToString(CultureInfo.InvariantCulture)}";
    }
}
