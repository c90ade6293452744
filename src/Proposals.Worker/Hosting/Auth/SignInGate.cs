using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// When users are configured, nothing answers without a session but <see cref="PublicPaths"/>,
/// whichever address the request comes from. It stands in front of every endpoint and the
/// dashboard alike, so a page added later is covered without saying so.
/// </summary>
internal sealed class SignInGate(RequestDelegate next, UserStore users)
{
    /// <summary>Passes the request on, or answers it with a challenge (302 to /login for a page, 401 otherwise).</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!users.Enabled || context.User.Identity?.IsAuthenticated == true || PublicPaths.Contains(context.Request.Path))
        {
            return next(context);
        }
        return context.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
