using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.AspNetCore.Http;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Recording;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/items/record: one form of the item page, recorded through FactRecorder (via "desk", by
/// the signed-in user) against the version of the item the form showed. Recorded: 303 back to the item.
/// Not recorded: the item page again, as it is now, with the reason beside the field (400), or
/// 已被他人修改 when the item changed since the form was shown (409). The dashboard checks the antiforgery
/// token on a POST only, so any other method is refused here; a viewer's post is refused (403).
/// </summary>
internal sealed class ItemPost : RazorPage
{
    public override void Execute()
    {
        if (!DeskPost.Allowed(Context)) return;
        var http = Context.GetHttpContext();
        var form = ItemForm.Read(http.Request.ReadFormAsync(http.RequestAborted).GetAwaiter().GetResult());
        if (form.Key is not { } key || form.Version is not { } version || (FactKinds.Parse(form.Name) is null && form.Name != ItemForm.Undo))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var request = new DeskRequest(this);
        var recorder = request.Get<FactRecorder>();
        var who = DeskPost.Who(Context.GetHttpContext());
        RecordOutcome? outcome = null;
        if (form.Name == ItemForm.Undo)
        {
            if (form.UndoRequest() is { } undo)
                outcome = recorder.UndoAsync(key, undo.Kind, undo.Division, who, undo.Reason, version, http.RequestAborted).GetAwaiter().GetResult();
        }
        else if (form.Fact(request.Today) is { } fact)
        {
            outcome = recorder.RecordAsync(key, fact, who, "desk", version, http.RequestAborted).GetAwaiter().GetResult();
        }
        switch (outcome)
        {
            case RecordOutcome.Recorded:
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
                http.Response.Headers.Location = ItemRoutes.To(new UrlHelper(Context), key, ("done", form.Name));
                return;
            case RecordOutcome.NotFound notFound:
                Layout = new LayoutPage("事项");
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                WriteLiteral(new DeskHtml().Raw("<h1 class=\"page-header\">事项</h1><div class=\"alert alert-warning\">").Text(notFound.Reason).Raw("</div>").ToString());
                return;
            case RecordOutcome.Refused refused:
                form.Refusal = refused.Reason;
                form.Stale = refused.Stale;
                break;
            case null:
                break;
        }
        // Shown again as the item is now: after 已被他人修改 the coordinator sees what changed.
        var stored = request.Get<ItemStore>().FindAsync(key, http.RequestAborted).GetAwaiter().GetResult();
        if (stored is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.StatusCode = form.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Layout = new LayoutPage(ItemView.Heading(key));
        WriteLiteral(ItemView.Render(this, request, stored, form, done: null));
    }
}
