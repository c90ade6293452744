namespace Proposals.Worker.Hosting.Auth;

/// <summary>Where to go after signing in: a path on this site only, so that a crafted link cannot send a user elsewhere.</summary>
internal static class ReturnUrl
{
    /// <summary><paramref name="url"/> when it is a local path; <paramref name="fallback"/> otherwise.</summary>
    public static string LocalOr(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return fallback;
        // "//host" and "/\host" are read by browsers as another host.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return fallback;
        return url.Any(char.IsControl) ? fallback : url;
    }
}
