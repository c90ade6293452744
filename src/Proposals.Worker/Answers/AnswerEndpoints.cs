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
/// gets 400, an expired one 410, one whose division no longer handles the item (a re-import gave it
/// another lead or other co-divisions) 409, each with a plain Chinese page, and nothing changes; a used
/// one shows that its fact is on record.
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
        if (await UsedAsync(context, link).ConfigureAwait(false)) return;
        await FormAsync(context, link, StatusCodes.Status200OK, null).ConfigureAwait(false);
    }

    private static async Task RecordAsync(HttpContext context, string token)
    {
        var link = await OpenAsync(context, token).ConfigureAwait(false);
        if (link is null) return;
        if (!context.Request.HasFormContentType || !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, AnswerPage.Problem("表单已失效",
                "表单已失效或不完整, 请重新打开邮件中的链接 (the form expired or is incomplete: open the link in the email again)")).ConfigureAwait(false);
            return;
        }
        if (await UsedAsync(context, link).ConfigureAwait(false)) return;
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (Fact(link, form) is not { } fact)
        {
            await FormAsync(context, link, StatusCodes.Status400BadRequest, "请填写日期 (YYYY-MM-DD) 和答复类别 (give the date and, for a reply, its class)").ConfigureAwait(false);
            return;
        }
        var answers = new AnswerRecorder(context.RequestServices.GetRequiredService<FactRecorder>(), Used(context));
        var outcome = await answers.RecordAsync(link.Token, link.Item.Id, fact, context.RequestAborted).ConfigureAwait(false);
        switch (outcome)
        {
            case AnswerOutcome.LinkUsed:
                // The request that used the link first committed its use with its fact: the page reads when.
                if (!await UsedAsync(context, link).ConfigureAwait(false))
                    await WriteAsync(context, StatusCodes.Status200OK, AnswerPage.Done(link.Token, link.Item.Item, "此链接已使用, 已记录, 未重复记录 (this link was used; the fact is on record and was not recorded again)")).ConfigureAwait(false);
                return;
            case AnswerOutcome.Reassigned reassigned:
                await ReassignedAsync(context, link.Item.Item, reassigned.Reason).ConfigureAwait(false);
                return;
            case AnswerOutcome.Refused refused:
                await FormAsync(context, link, StatusCodes.Status400BadRequest, refused.Reason).ConfigureAwait(false);
                return;
            case AnswerOutcome.NotFound notFound:
                await WriteAsync(context, StatusCodes.Status404NotFound, AnswerPage.Problem("事项不存在", notFound.Reason)).ConfigureAwait(false);
                return;
        }
        await WriteAsync(context, StatusCodes.Status200OK, AnswerPage.Done(link.Token, ((AnswerOutcome.Recorded)outcome).Item.Item,
            $"已记录{link.Token.Action.Label()} ({fact.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}), 相关催办随即停止 (recorded; the reminders it answers stop)")).ConfigureAwait(false);
    }

    private sealed record Link(AnswerToken Token, StoredItem Item);

    // The token is checked before anything else is read; a bad one writes its page and gives null.
    private static async Task<Link?> OpenAsync(HttpContext context, string token)
    {
        var links = context.RequestServices.GetRequiredService<AnswerLinks>();
        var verified = await links.VerifyAsync(token, context.RequestAborted).ConfigureAwait(false);
        if (verified is null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, AnswerPage.Problem("链接无效",
                "此链接无效或已被改动, 请使用催办邮件中的原始链接 (this link is not valid or was altered: use the link in the reminder as it came)")).ConfigureAwait(false);
            return null;
        }
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        if (verified.ExpiresAt <= clock.GetUtcNow())
        {
            await WriteAsync(context, StatusCodes.Status410Gone, AnswerPage.Problem("链接已过期",
                "此链接已过期, 请使用最近一封催办邮件中的链接, 或与综合处联系 (this link has expired: use the one in the latest reminder)")).ConfigureAwait(false);
            return null;
        }
        var item = await context.RequestServices.GetRequiredService<ItemStore>().FindByIdAsync(verified.ItemId, context.RequestAborted).ConfigureAwait(false);
        if (item is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, AnswerPage.Problem("事项不存在", "此事项已不在台账中 (the item is no longer in the ledger)")).ConfigureAwait(false);
            return null;
        }
        // A link answers for its division only while the item is assigned so: after a re-import gave the
        // item another lead or other co-divisions, the division's older links record nothing.
        if (Assignment.Refusal(item.Item, verified.Division, verified.Action.Fact()) is { } moved)
        {
            await ReassignedAsync(context, item.Item, moved).ConfigureAwait(false);
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
            case AnswerAction.Reply:
                var replyClass = ReplyClasses.Parse(form["class"].ToString());
                if (link.Item.Item.BureauRole.IsLead() && replyClass is null && link.Item.Item.RoundOn(on) == HandlingRound.First) return null;
                var note = form["note"].ToString().Trim();
                return new LedgerFact(FactKind.Reply, on, division, replyClass, Reason: note.Length == 0 ? null : note[..Math.Min(note.Length, 2000)]);
            default:
                throw new ArgumentOutOfRangeException(nameof(link), link.Token.Action, null);
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

    // Whether the link was used already; when it was, writes the page saying the fact is on record. A
    // second click, a second tab or a mail scanner sees what the first request recorded, not an error.
    private static async Task<bool> UsedAsync(HttpContext context, Link link)
    {
        if (await Used(context).UsedAtAsync(link.Token.Nonce, context.RequestAborted).ConfigureAwait(false) is not { } usedAt) return false;
        await WriteAsync(context, StatusCodes.Status200OK, AnswerPage.Done(link.Token, link.Item.Item,
            $"此链接已于 {Local(context, usedAt)} 使用, 已记录, 未重复记录 (this link was used at that time; the fact is on record and was not recorded again)")).ConfigureAwait(false);
        return true;
    }

    private static Task ReassignedAsync(HttpContext context, Item item, string reason) =>
        WriteAsync(context, StatusCodes.Status409Conflict, AnswerPage.Problem("已改由其他处室办理",
            $"{item.Key.Kind.FullName()} {item.Key.Session} 第{item.Key.Number}号: {reason}。此链接未作任何记录 (this link recorded nothing)"));

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
