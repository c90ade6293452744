using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Answers;

/// <summary>
/// The pages a division sees when it follows a link from its reminder: the item, and a form for the
/// one thing the link records. In Chinese (messages with English after, in brackets), no script, every value HTML-encoded.
/// </summary>
internal static class AnswerPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style =
        "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;background:#f5f5f5;margin:0}" +
        "main{max-width:34rem;margin:3rem auto;box-sizing:border-box;background:#fff;padding:2rem;border-radius:6px;box-shadow:0 1px 4px #0002}" +
        "h1{font-size:1.3rem;margin:0 0 1rem}table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}" +
        "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top;overflow-wrap:anywhere}th{white-space:nowrap;color:#555}" +
        "label{display:block;margin:0 0 1rem}input,select,textarea{display:block;margin-top:.3rem;padding:.4rem}" +
        "textarea{width:100%;box-sizing:border-box}button{padding:.5rem 1.5rem}.error{color:#b00}.done{color:#060}.note{color:#555}" +
        "@media (max-width:30rem){main{margin:0;padding:1rem;border-radius:0;box-shadow:none}input,select{max-width:100%;box-sizing:border-box}}";

    /// <summary>The form for <paramref name="token"/>'s action on <paramref name="item"/>.</summary>
    public static string Form(AnswerToken token, Item item, DateOnly today, AntiforgeryTokenSet tokens, string action, string? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(tokens);
        var body = new StringBuilder();
        Summary(body, token, item);
        if (error is not null) body.Append("<p class=\"error\" role=\"alert\">").Append(Html.Encode(error)).Append("</p>");
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(action)).Append("\">");
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Html.Encode(tokens.RequestToken ?? "")).Append("\">");
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (token.Action)
        {
            case AnswerAction.Acknowledge:
                body.Append("<input type=\"hidden\" name=\"on\" value=\"").Append(day).Append("\">");
                body.Append("<p class=\"note\">确认贵处室已收到此件, 将按期办理。</p>");
                break;
            case AnswerAction.Reply:
                Date(body, "答复日期", day);
                if (item.BureauRole.IsLead())
                {
                    body.Append("<label>答复类别<select name=\"class\" required><option value=\"\"></option>");
                    foreach (var (code, words) in new[] { ("A", "A 已解决或基本解决"), ("B", "B 正在解决或列入计划解决"), ("C", "C 因条件限制暂不能解决"), ("D", "D 留作参考") })
                    {
                        body.Append("<option value=\"").Append(code).Append("\">").Append(Html.Encode(words)).Append("</option>");
                    }
                    body.Append("</select></label>");
                }
                body.Append("<label>说明 (可选)<textarea name=\"note\" rows=\"3\" maxlength=\"2000\"></textarea></label>");
                break;
            case AnswerAction.CoInput:
                Date(body, "送达主办处室的日期", day);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(token), token.Action, null);
        }
        body.Append("<button type=\"submit\">").Append(Html.Encode(token.Action.Label())).Append("</button></form>");
        return Page(token.Action.Label(), body.ToString());
    }

    /// <summary>What was recorded, or that nothing more is needed.</summary>
    public static string Done(AnswerToken token, Item item, string message)
    {
        ArgumentNullException.ThrowIfNull(token);
        var body = new StringBuilder();
        Summary(body, token, item);
        body.Append("<p class=\"done\" role=\"status\">").Append(Html.Encode(message)).Append("</p>");
        return Page(token.Action.Label(), body.ToString());
    }

    /// <summary>A page that says what is wrong with the link, and whom to ask.</summary>
    public static string Problem(string title, string message) =>
        Page(title, $"<p class=\"error\" role=\"alert\">{Html.Encode(message)}</p><p class=\"note\">如有疑问请与综合处联系。</p>");

    private static void Summary(StringBuilder body, AnswerToken token, Item item)
    {
        void Row(string heading, string value) =>
            body.Append("<tr><th>").Append(Html.Encode(heading)).Append("</th><td>").Append(Html.Encode(value)).Append("</td></tr>");
        body.Append("<table>");
        Row("事项", $"{item.Key.Kind.FullName()} {item.Key.Session} 第{item.Key.Number}号");
        Row("标题", item.Title);
        Row("处室", token.Division);
        Row("主办处室", item.LeadDivision);
        if (item.CoDivisions.Count > 0) Row("协办处室", string.Join("、", item.CoDivisions));
        Row("交办日期", Iso(item.AssignedOn));
        Row("办理期限", Iso(item.EffectiveDueOn));
        body.Append("</table>");
    }

    private static void Date(StringBuilder body, string label, string day) =>
        body.Append("<label>").Append(Html.Encode(label)).Append("<input type=\"date\" name=\"on\" required value=\"").Append(day).Append("\"></label>");

    private static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Html.Encode(title)} - 建议提案办理</title><style>{Style}</style></head><body><main><h1>{Html.Encode(title)}</h1>{body}</main></body></html>";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
