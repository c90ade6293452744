using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Storage;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The session: an encrypted cookie, HttpOnly (scripts cannot read it), SameSite=Strict (no other
/// site's page can make the browser send it), Secure whenever the request came over HTTPS (nginx
/// says so in X-Forwarded-Proto). It names the user, the role, the stamp of the user's settings and
/// the session's own id, by which signing out revokes it on every worker (<see cref="SessionRevocations"/>).
/// </summary>
internal static class CookieSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "proposals-session";

    /// <summary>The claim holding <see cref="SignInUser.Stamp"/>.</summary>
    public const string StampClaim = "proposals:stamp";

    /// <summary>The claim holding the session's id, new at each sign-in.</summary>
    public const string SessionClaim = "proposals:session";

    /// <summary>Sets the cookie's attributes, lifetime and answers to a missing or refused session.</summary>
    public static void Configure(CookieAuthenticationOptions options, AuthOptions auth)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(auth.SessionHours);
        options.SlidingExpiration = true;
        options.LoginPath = PublicPaths.Login;
        options.LogoutPath = PublicPaths.Logout;
        options.Events.OnRedirectToLogin = context =>
        {
            if (PageRequests.IsPage(context.Request))
            {
                // A relative Location: the host and scheme stay those the browser used.
                var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{context.Request.PathBase}{PublicPaths.Login}?ReturnUrl={Uri.EscapeDataString(back)}");
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = Validate;
    }

    /// <summary>The session's id; null for a session made before sessions had one.</summary>
    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirst(SessionClaim)?.Value;

    /// <summary>The identity a session carries for <paramref name="user"/>.</summary>
    public static ClaimsPrincipal Principal(SignInUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role), new Claim(StampClaim, user.Stamp),
             new Claim(SessionClaim, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    // A user removed from the settings, or given another password or role, loses the old sessions
    // at the next request after the restart that applied the change; a session signed out on any
    // worker is refused (within SessionRevocations.CheckEvery on the others).
    private static async Task Validate(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserStore>();
        var principal = context.Principal;
        var user = users.Find(principal?.Identity?.Name);
        var sessionId = IdOf(principal);
        if (user is null || sessionId is null || !string.Equals(principal?.FindFirst(StampClaim)?.Value, user.Stamp, StringComparison.Ordinal)
            || !principal!.IsInRole(user.Role))
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }
        bool revoked;
        try
        {
            revoked = await services.GetRequiredService<SessionRevocations>().IsRevokedAsync(sessionId, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or StorageException or TimeoutException)
        {
            // The ledger cannot say: this request goes without the session, which is kept for the next.
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals.SignIn");
            SignInLog.RevocationUnknown(logger, user.Name, e.Message);
            context.RejectPrincipal();
            return;
        }
        if (revoked) await RefuseAsync(context).ConfigureAwait(false);
    }

    private static async Task RefuseAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }
}
