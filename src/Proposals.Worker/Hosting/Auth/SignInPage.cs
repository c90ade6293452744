using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The small server-rendered pages of sign-in and sign-out: in Chinese (messages with English after), no
/// script, every value HTML-encoded, never cached, never framed.
/// </summary>
internal static class SignInPage
{
    // Chinese stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style =
        "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;background:#f5f5f5;margin:0}" +
        "main{max-width:22rem;margin:6rem auto;box-sizing:border-box;background:#fff;padding:2rem;border-radius:6px;box-shadow:0 1px 4px #0002}" +
        "h1{font-size:1.3rem;margin:0 0 1.5rem}label{display:block;margin:0 0 1rem}" +
        "input[type=text],input[type=password]{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.3rem}" +
        "button{padding:.5rem 1.5rem}.error{color:#b00;margin:0 0 1rem}.note{color:#555}" +
        "@media (max-width:30rem){main{margin:1.5rem .8rem;padding:1.2rem}}";

    /// <summary>The sign-in form; <paramref name="error"/> is shown above it when given.</summary>
    public static string Login(HttpContext context, AntiforgeryTokenSet tokens, string userName, string returnUrl, string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        var body = new StringBuilder();
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(context.Request.PathBase + PublicPaths.Login)).Append("\">");
        if (error is not null) body.Append("<p class=\"error\" role=\"alert\">").Append(Html.Encode(error)).Append("</p>");
        body.Append("<label>用户名<input type=\"text\" name=\"username\" autocomplete=\"username\" required autofocus value=\"")
            .Append(Html.Encode(userName)).Append("\"></label>");
        body.Append("<label>密码<input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>");
        Hidden(body, tokens.FormFieldName, tokens.RequestToken);
        Hidden(body, "ReturnUrl", returnUrl);
        body.Append("<button type=\"submit\">登录</button></form>");
        return Page("登录", body.ToString());
    }

    /// <summary>The sign-out confirmation: a form, since signing out by a plain link would let any page do it.</summary>
    public static string Logout(HttpContext context, AntiforgeryTokenSet tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        var body = new StringBuilder();
        body.Append("<p>当前用户: <strong>").Append(Html.Encode(context.User.Identity?.Name ?? "")).Append("</strong></p>");
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(context.Request.PathBase + PublicPaths.Logout)).Append("\">");
        Hidden(body, tokens.FormFieldName, tokens.RequestToken);
        body.Append("<button type=\"submit\">退出登录</button></form>");
        return Page("退出登录", body.ToString());
    }

    /// <summary>A page with one message and a link back to the sign-in form.</summary>
    public static string Message(HttpContext context, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = $"<p class=\"note\">{Html.Encode(message)}</p><p><a href=\"{Html.Encode(context.Request.PathBase + PublicPaths.Login)}\">登录</a></p>";
        return Page(title, body);
    }

    /// <summary>Writes <paramref name="html"/> with the headers every one of these pages carries.</summary>
    public static Task WriteAsync(HttpContext context, int status, string html)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return response.WriteAsync(html, context.RequestAborted);
    }

    private static void Hidden(StringBuilder body, string name, string? value) =>
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value ?? "")).Append("\">");

    private static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<meta name=\"robots\" content=\"none\"><title>{Html.Encode(title)} – 建议提案催办</title><style>{Style}</style></head>" +
        $"<body><main><h1>建议提案催办</h1>{body}</main></body></html>";
}
