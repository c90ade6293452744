using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The session: an encrypted cookie, HttpOnly (scripts cannot read it), SameSite=Strict (no other
/// site's page can make the browser send it), Secure whenever the request came over HTTPS (nginx
/// says so in X-Forwarded-Proto). It names the user, the role and the stamp of the user's settings.
/// </summary>
internal static class CookieSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "proposals-session";

    /// <summary>The claim holding <see cref="SignInUser.Stamp"/>.</summary>
    public const string StampClaim = "proposals:stamp";

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

    /// <summary>The identity a session carries for <paramref name="user"/>.</summary>
    public static ClaimsPrincipal Principal(SignInUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role), new Claim(StampClaim, user.Stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    // A user removed from the settings, or given another password or role, loses the old sessions
    // at the next request after the restart that applied the change.
    private static async Task Validate(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var principal = context.Principal;
        var user = users.Find(principal?.Identity?.Name);
        if (user is not null && string.Equals(principal?.FindFirst(StampClaim)?.Value, user.Stamp, StringComparison.Ordinal)
            && principal!.IsInRole(user.Role))
        {
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }
}
