using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The Hangfire Dashboard's own check. With users configured: a signed-in coordinator or viewer,
/// and a viewer sees the dashboard read-only (no buttons; the server refuses the posts anyway,
/// see <see cref="ViewerReadsOnly"/>). Without users: local requests only, as before sign-in.
/// </summary>
internal sealed class DashboardAccess : IDashboardAuthorizationFilter
{
    private static readonly LocalRequestsOnly LocalOnly = new();

    /// <summary>Whether the request may see the dashboard.</summary>
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (!http.RequestServices.GetRequiredService<UserStore>().Enabled) return LocalOnly.Authorize(context);
        return http.User.Identity?.IsAuthenticated == true && (http.User.IsInRole(Roles.Coordinator) || http.User.IsInRole(Roles.Viewer));
    }

    /// <summary>For <c>IsReadOnlyFunc</c>: true for everyone but a coordinator while sign-in is on.</summary>
    public static bool IsReadOnly(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        return http.RequestServices.GetRequiredService<UserStore>().Enabled && !http.User.IsInRole(Roles.Coordinator);
    }
}
