using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.AspNetCore.Http;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Desk;

/// <summary>
/// 事项 (/hangfire/items/{kind}/{session}/{number}, or /hangfire/items?kind=&amp;session=&amp;number=): one item's
/// facts, deadlines and timeline, and, for a coordinator, the forms that record its facts. Read only:
/// the forms post to <see cref="ItemRoutes.RecordPath"/> (<see cref="ItemPost"/>).
/// </summary>
internal sealed class ItemPage(ItemKey? routed) : RazorPage
{
    public override void Execute()
    {
        var http = Context.GetHttpContext();
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        var request = new DeskRequest(this);
        var key = routed ?? (request.Kind is { } kind && Query("session") is { Length: > 0 } session && Query("number") is { Length: > 0 } number
            ? new ItemKey(kind, session, number)
            : null);
        var stored = key is null ? null : request.Get<ItemStore>().FindAsync(key, http.RequestAborted).GetAwaiter().GetResult();
        if (stored is null)
        {
            Layout = new LayoutPage("事项");
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            var missing = key is null ? "请给出类别、届次和编号 (give kind, session and number)" : $"台账中没有事项 {key} (no such item in the ledger)";
            WriteLiteral(new DeskHtml().Raw("<h1 class=\"page-header\">事项</h1><div class=\"alert alert-warning\">").Text(missing).Raw("</div>").ToString());
            return;
        }
        Layout = new LayoutPage(ItemView.Heading(stored.Item.Key));
        WriteLiteral(ItemView.Render(this, request, stored, posted: null, done: Done(Query("done"))));
    }

    // What the redirect after a recorded form says it did.
    private static string? Done(string? form) => FactKinds.Parse(form) is { } fact ? $"已记录 {fact.ChineseName()} (recorded)." : form == ItemForm.Undo ? "已撤销 (undone)." : null;
}
