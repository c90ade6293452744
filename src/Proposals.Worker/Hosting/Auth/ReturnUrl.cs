using System.Text;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>Where to go after signing in: a path on this site only, so that a crafted link cannot send a user elsewhere.</summary>
internal static class ReturnUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a local path, its characters outside printable ASCII
    /// percent-encoded (UTF-8) so that it can stand in a Location header; <paramref name="fallback"/> otherwise.
    /// </summary>
    public static string LocalOr(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return fallback;
        // "//host" and "/\host" are read by browsers as another host.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return fallback;
        return url.Any(char.IsControl) ? fallback : Escaped(url);
    }

    // A header carries ASCII only: a path such as /hangfire/reminders?division=银行保险处, written as it
    // came, made the answer to a right password fail with a server error.
    private static string Escaped(string url)
    {
        if (url.All(Printable)) return url;
        var escaped = new StringBuilder(url.Length * 3);
        for (var i = 0; i < url.Length;)
        {
            if (Printable(url[i]))
            {
                escaped.Append(url[i++]);
                continue;
            }
            var start = i;
            while (i < url.Length && !Printable(url[i])) i++;
            // A lone surrogate becomes U+FFFD's bytes: nothing here throws.
            foreach (var b in Encoding.UTF8.GetBytes(url[start..i])) escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    private static bool Printable(char c) => c is > ' ' and < '\x7F';
}
