using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/divisions/edit (<c>name</c>, <c>email</c>, <c>head_email</c>, and the addresses the form
/// was shown with, <c>old_email</c> and <c>old_head_email</c>): sets the division's addresses, each change
/// kept in its history with who and when. An address is checked as the division file's are; a form shown
/// before someone else's edit is refused with 已被他人修改 and the current addresses.
/// </summary>
internal sealed class DivisionEditDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/divisions/edit";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DeskPost.Allowed(context)) return;
        var http = context.GetHttpContext();
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var name = form["name"].ToString();
        var email = form["email"].ToString().Trim();
        var head = form["head_email"].ToString().Trim() is { Length: > 0 } h ? h : null;
        var oldHead = form["old_head_email"].ToString() is { Length: > 0 } oh ? oh : null;
        if (name.Length == 0)
        {
            await DeskPost.RefuseAsync(http, StatusCodes.Status400BadRequest, "未指明处室 (no division named)").ConfigureAwait(false);
            return;
        }
        if ((Invalid(email, "邮箱", required: true) ?? Invalid(head, "负责人邮箱", required: false)) is { } reason)
        {
            DeskPost.SeeOther(context, DivisionsPage.Path, DeskHtml.Query(("name", name), ("error", reason)));
            return;
        }
        var services = http.RequestServices;
        var (done, current) = await new DivisionChangeStore(services.GetRequiredService<LedgerDatabase>()).EditAsync(
            new Division(name, form["old_email"].ToString(), oldHead), new Division(name, email, head), DeskPost.Who(context.GetHttpContext()),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
        if (!done)
        {
            await DeskPost.RefuseAsync(http, StatusCodes.Status409Conflict, current is null
                ? $"处室 {name} 不存在, 未保存 (no division {name}; nothing was saved)"
                : $"已被他人修改: 处室 {name} 的邮箱现为 {current.Email}, 负责人邮箱现为 {current.HeadEmail ?? "(空)"}; 未保存, 请重新打开页面 " +
                  $"(changed by someone else: now {current.Email}, head {current.HeadEmail ?? "(none)"}; nothing was saved, open the page again)").ConfigureAwait(false);
            return;
        }
        DeskPost.SeeOther(context, DivisionsPage.Path, DeskHtml.Query(("saved", name)));
    }

    private static string? Invalid(string? address, string label, bool required)
    {
        if (string.IsNullOrEmpty(address)) return required ? $"{label}不能为空, 未保存 ({label} is required; nothing was saved)" : null;
        return DivisionFile.IsBareAddress(address) ? null : $"{label}格式无效: {address}, 未保存 (not an email address: {address}; nothing was saved)";
    }
}
