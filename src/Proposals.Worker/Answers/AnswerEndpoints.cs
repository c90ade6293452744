using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Recording;

namespace Proposals.Worker.Answers;

/// <summary>
/// <c>GET/POST /answer/{token}</c>: the page a division reaches from its reminder, without an account.
/// The link's signature names one item, one division and one action and nothing else; a tampered link
/// gets 400, an expired one 410, a used one 409, each with a plain Chinese page, and nothing changes.
/// The form carries an antiforgery token; what it records is in the ledger at once, and the
/// division's reminders for it stop.
/// </summary>
internal static class AnswerEndpoints
{
    /// <summary>Maps the two endpoints.</summary>
    public static void MapAnswers(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(AnswerLinks.PathPrefix + "{token}", ShowAsync);
        endpoints.MapPost(AnswerLinks.PathPrefix + "{token}", RecordAsync).DisableAntiforgery();
    }

    private static async Task ShowAsync(HttpContext context, string token)
    {
        var link = await OpenAsync(context, token).ConfigureAwait(false);
        if (link is null) return;
        if (await Used(context).UsedAtAsync(link.Token.Nonce, context.RequestAborted).ConfigureAwait(false) is { } usedAt)
        {
            await WriteAsync(context, StatusCodes.Status200OK, AnswerPage.Done(link.Token, link.Item.Item, $"此链接已于 {Local(context, usedAt)} 使用, 已记录。This link was used at that time; the fact is on record.")).ConfigureAwait(false);
            return;
        }
        await FormAsync(context, link, StatusCodes.Status200OK, null).ConfigureAwait(false);
    }

    private static async Task RecordAsync(HttpContext context, string token)
    {
        var link = await OpenAsync(context, token).ConfigureAwait(false);
        if (link is null) return;
        if (!context.Request.HasFormContentType || !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, AnswerPage.Problem("表单已失效 Form expired",
                "表单已失效或不完整, 请重新打开邮件中的链接。The form expired or is incomplete: open the link in the email again.")).ConfigureAwait(false);
            return;
        }
        if (await Used(context).UsedAtAsync(link.Token.Nonce, context.RequestAborted).ConfigureAwait(false) is { } usedAt)
        {
            await WriteAsync(context, StatusCodes.Status409Conflict, AnswerPage.Done(link.Token, link.Item.Item, $"此链接已于 {Local(context, usedAt)} 使用, 未重复记录。This link was already used; nothing was recorded again.")).ConfigureAwait(false);
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (Fact(link, form) is not { } fact)
        {
            await FormAsync(context, link, StatusCodes.Status400BadRequest, "请填写日期 (YYYY-MM-DD) 和答复类别。Give the date and, for a reply, its class.").ConfigureAwait(false);
            return;
        }
        var recorder = context.RequestServices.GetRequiredService<FactRecorder>();
        var outcome = await recorder.RecordAsync(link.Item.Id, fact, $"{link.Token.Division} (邮件链接)", "link", context.RequestAborted).ConfigureAwait(false);
        switch (outcome)
        {
            case RecordOutcome.Refused refused:
                await FormAsync(context, link, StatusCodes.Status400BadRequest, refused.Reason).ConfigureAwait(false);
                return;
            case RecordOutcome.NotFound notFound:
                await WriteAsync(context, StatusCodes.Status404NotFound, AnswerPage.Problem("事项不存在 No such item", notFound.Reason)).ConfigureAwait(false);
                return;
        }
        await Used(context).UseAsync(link.Token.Nonce, link.Item.Id, link.Token.Action.Code(), context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, AnswerPage.Done(link.Token, ((RecordOutcome.Recorded)outcome).Item.Item,
            $"已记录{link.Token.Action.Label()} ({fact.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}), 相关催办随即停止。Recorded; the reminders it answers stop.")).ConfigureAwait(false);
    }

    private sealed record Link(AnswerToken Token, StoredItem Item);

    // The token is checked before anything else is read; a bad one writes its page and gives null.
    private static async Task<Link?> OpenAsync(HttpContext context, string token)
    {
        var links = context.RequestServices.GetRequiredService<AnswerLinks>();
        var verified = await links.VerifyAsync(token, context.RequestAborted).ConfigureAwait(false);
        if (verified is null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, AnswerPage.Problem("链接无效 Invalid link",
                "此链接无效或已被改动, 请使用催办邮件中的原始链接。This link is not valid or was altered: use the link in the reminder as it came.")).ConfigureAwait(false);
            return null;
        }
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        if (verified.ExpiresAt <= clock.GetUtcNow())
        {
            await WriteAsync(context, StatusCodes.Status410Gone, AnswerPage.Problem("链接已过期 Link expired",
                "此链接已过期, 请使用最近一封催办邮件中的链接, 或与综合处联系。This link has expired: use the one in the latest reminder.")).ConfigureAwait(false);
            return null;
        }
        var item = await context.RequestServices.GetRequiredService<ItemStore>().FindByIdAsync(verified.ItemId, context.RequestAborted).ConfigureAwait(false);
        if (item is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, AnswerPage.Problem("事项不存在 No such item", "此事项已不在台账中。The item is no longer in the ledger.")).ConfigureAwait(false);
            return null;
        }
        return new Link(verified, item);
    }

    private static LedgerFact? Fact(Link link, IFormCollection form)
    {
        if (!DateOnly.TryParseExact(form["on"].ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)) return null;
        var division = link.Token.Division;
        switch (link.Token.Action)
        {
            case AnswerAction.Acknowledge:
                return new LedgerFact(FactKind.Acknowledgement, on, division);
            case AnswerAction.CoInput:
                return new LedgerFact(FactKind.CoInput, on, division);
            default:
                var replyClass = ReplyClasses.Parse(form["class"].ToString());
                if (link.Item.Item.BureauRole == BureauRole.Lead && replyClass is null && link.Item.Item.RoundOn(on) == HandlingRound.First) return null;
                var note = form["note"].ToString().Trim();
                return new LedgerFact(FactKind.Reply, on, division, replyClass, Reason: note.Length == 0 ? null : note[..Math.Min(note.Length, 2000)]);
        }
    }

    private static async Task FormAsync(HttpContext context, Link link, int status, string? error)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var ledger = context.RequestServices.GetRequiredService<LedgerOptions>();
        var today = ledger.Today(context.RequestServices.GetRequiredService<TimeProvider>());
        var action = context.Request.PathBase + context.Request.Path;
        await WriteAsync(context, status, AnswerPage.Form(link.Token, link.Item.Item, today, tokens, action, error)).ConfigureAwait(false);
    }

    private static LinkUseStore Used(HttpContext context) => context.RequestServices.GetRequiredService<LinkUseStore>();

    private static string Local(HttpContext context, DateTimeOffset at) =>
        context.RequestServices.GetRequiredService<LedgerOptions>().Shown(at);

    private static async Task WriteAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        // The link is a credential: keep it out of caches and referrers; the page is never framed.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }
}
