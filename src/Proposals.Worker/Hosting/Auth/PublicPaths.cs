using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The one list of what answers without signing in: the sign-in page, the monitoring endpoints
/// (status only) and the divisions' signed links, which carry their own signature.
/// </summary>
internal static class PublicPaths
{
    /// <summary>The sign-in page.</summary>
    public const string Login = "/login";

    /// <summary>The sign-out page; it needs a session, and a viewer may post to it.</summary>
    public const string Logout = "/logout";

    /// <summary>Paths that answer without a session, exactly as given.</summary>
    public static readonly IReadOnlyList<PathString> Exact = [Login, HealthEndpoints.LivePath, HealthEndpoints.ReadyPath];

    /// <summary>Paths that answer without a session with everything under them.</summary>
    public static readonly IReadOnlyList<PathString> Prefixes = ["/answer"];

    /// <summary>Whether <paramref name="path"/> answers without a session (case-insensitive, as routing matches).</summary>
    public static bool Contains(PathString path) =>
        Exact.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) || Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
