using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// <c>GET/POST /login</c> (form fields <c>username</c>, <c>password</c> and the antiforgery token)
/// and <c>GET/POST /logout</c>. The posts check their antiforgery token themselves, so that the
/// check does not depend on where the antiforgery middleware sits in the pipeline.
/// </summary>
internal static class SignInEndpoints
{
    /// <summary>Maps the four endpoints.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PublicPaths.Login, ShowLoginAsync);
        endpoints.MapPost(PublicPaths.Login, LoginAsync).DisableAntiforgery();
        endpoints.MapGet(PublicPaths.Logout, ShowLogoutAsync);
        endpoints.MapPost(PublicPaths.Logout, LogoutAsync).DisableAntiforgery();
    }

    private static Task ShowLoginAsync(HttpContext context)
    {
        if (!Users(context).Enabled) return Off(context);
        var returnUrl = ReturnUrl.LocalOr(context.Request.Query["ReturnUrl"], Home(context));
        return LoginForm(context, StatusCodes.Status200OK, "", returnUrl, null);
    }

    private static async Task LoginAsync(HttpContext context)
    {
        var users = Users(context);
        if (!users.Enabled)
        {
            await Off(context).ConfigureAwait(false);
            return;
        }
        if (!context.Request.HasFormContentType || !await Antiforgery(context).IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await Expired(context).ConfigureAwait(false);
            return;
        }
        // Already read (and a malformed one refused) by MalformedForms.
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var name = TypedName(form["username"].ToString());
        var password = form["password"].ToString();
        var returnUrl = ReturnUrl.LocalOr(form["ReturnUrl"], Home(context));
        if (name.Length == 0 || password.Length == 0)
        {
            await LoginForm(context, StatusCodes.Status200OK, name, returnUrl, "请输入用户名和密码 (enter a user name and a password)").ConfigureAwait(false);
            return;
        }

        var throttle = context.RequestServices.GetRequiredService<SignInThrottle>();
        var logger = Logger(context);
        var address = ClientAddress.Of(context);
        // The place is taken before the password is checked: while refused, even the right password
        // learns nothing, and parallel guesses get no more checks than the limits.
        using var attempt = throttle.TryBegin(name, address, out var wait);
        if (attempt is null)
        {
            await TooMany(context, name, address, wait, logger).ConfigureAwait(false);
            return;
        }
        SignInUser? user;
        using (await context.RequestServices.GetRequiredService<SignInQueue>().EnterAsync(name, context.RequestAborted).ConfigureAwait(false))
        {
            user = users.Verify(name, password);
            if (user is null) attempt.Failed();
            else attempt.Succeeded();
        }
        if (user is null)
        {
            SignInLog.Failed(logger, name, address);
            // Outside the name's turn, so that the wait holds up this answer alone, never a right password.
            var delay = throttle.DelayAfterFailure(name);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            await LoginForm(context, StatusCodes.Status200OK, name, returnUrl, "用户名或密码错误 (wrong user name or password)").ConfigureAwait(false);
            return;
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CookieSession.Principal(user)).ConfigureAwait(false);
        SignInLog.SignedIn(logger, user.Name, user.Role, address);
        SeeOther(context, returnUrl);
    }

    private static Task ShowLogoutAsync(HttpContext context)
    {
        if (!Users(context).Enabled) return Off(context);
        // The sign-in gate has already sent anyone without a session to /login.
        var tokens = Antiforgery(context).GetAndStoreTokens(context);
        return SignInPage.WriteAsync(context, StatusCodes.Status200OK, SignInPage.Logout(context, tokens));
    }

    private static async Task LogoutAsync(HttpContext context)
    {
        if (!await Antiforgery(context).IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await Expired(context).ConfigureAwait(false);
            return;
        }
        var name = context.User.Identity?.Name;
        // Revoked in the ledger first: a copy of the cookie then works on no worker.
        if (CookieSession.IdOf(context.User) is { } sessionId)
        {
            await context.RequestServices.GetRequiredService<SessionRevocations>().RevokeAsync(sessionId, context.RequestAborted).ConfigureAwait(false);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (name is not null) SignInLog.SignedOut(Logger(context), name);
        SeeOther(context, context.Request.PathBase + PublicPaths.Login);
    }

    // What a stranger typed is kept (in the failure counts) and logged: cut to the longest real name,
    // and without control characters, so that it cannot fill memory nor forge a line of the log.
    private static string TypedName(string typed)
    {
        var name = typed.Trim();
        if (name.Length > AuthOptions.MaxNameLength) name = name[..AuthOptions.MaxNameLength];
        return string.Create(name.Length, name, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? '?' : source[i];
        });
    }

    private static Task LoginForm(HttpContext context, int status, string name, string returnUrl, string? error)
    {
        var tokens = Antiforgery(context).GetAndStoreTokens(context);
        return SignInPage.WriteAsync(context, status, SignInPage.Login(context, tokens, name, returnUrl, error));
    }

    private static Task TooMany(HttpContext context, string name, string address, TimeSpan wait, ILogger logger)
    {
        var seconds = (long)Math.Ceiling(wait.TotalSeconds);
        var minutes = (long)Math.Ceiling(wait.TotalMinutes);
        SignInLog.Throttled(logger, name, address, seconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"登录失败次数过多, 请 {minutes} 分钟后再试 (too many failed sign-ins; try again in {minutes} minutes)\n", context.RequestAborted);
    }

    private static Task Expired(HttpContext context) => SignInPage.WriteAsync(context, StatusCodes.Status400BadRequest,
        SignInPage.Message(context, "表单已失效", "表单已失效, 请重新打开登录页 (the form has expired or did not come from this site; open the sign-in page again)"));

    private static Task Off(HttpContext context) => SignInPage.WriteAsync(context, StatusCodes.Status404NotFound,
        SignInPage.Message(context, "未启用登录",
            "未配置用户 (Auth:Users), 看板只接受本机访问 (no users are configured: the dashboard answers requests from this machine only)"));

    // 303: the browser follows a POST's answer with a GET.
    private static void SeeOther(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-store";
    }

    private static string Home(HttpContext context) =>
        context.Request.PathBase + context.RequestServices.GetRequiredService<DashboardOptions>().Path;

    private static UserStore Users(HttpContext context) => context.RequestServices.GetRequiredService<UserStore>();

    private static IAntiforgery Antiforgery(HttpContext context) => context.RequestServices.GetRequiredService<IAntiforgery>();

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals.SignIn");
}
