using System.Globalization;

namespace Proposals.Worker.Hosting;

/// <summary>Settings of the Hangfire Dashboard and the worker's web pages (section <c>Dashboard</c>).</summary>
internal sealed class DashboardOptions
{
    /// <summary>Where the worker listens. Loopback only by default: nginx in front serves other machines.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The dashboard's path.</summary>
    public string Path { get; set; } = "/hangfire";

    /// <summary>The dashboard's language and formats (Hangfire ships the Chinese strings).</summary>
    public string Culture { get; set; } = "zh-CN";

    /// <summary>
    /// The worker's address as users and divisions reach it through nginx, e.g. https://proposals.bureau.example:
    /// the links in reminders point there, and the host is allowed. Null: reminders carry no links.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The proxies whose X-Forwarded-For and X-Forwarded-Proto the worker believes: addresses or CIDR
    /// ranges, ';' between them. Empty (the default): none, not even this machine's (see <see cref="ForwardedAddresses"/>).
    /// </summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>How many days a link in a reminder works.</summary>
    public int LinkDays { get; set; } = 30;

    /// <summary><see cref="PublicUrl"/> as an address ending in '/', or null when not set.</summary>
    public Uri? PublicUri => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>The problems of these settings, each naming its setting; none when all is well.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"Dashboard:Urls 含无效地址 (Dashboard:Urls has '{url}', expected an address such as http://127.0.0.1:5080)";
            }
        }
        if (!Path.StartsWith('/') || Path.Length < 2) yield return $"Dashboard:Path 须以 / 开头 (Dashboard:Path must start with / (e.g. /hangfire), not '{Path}')";
        if (!IsCulture(Culture)) yield return $"Dashboard:Culture 不是本机支持的语言区域 (Dashboard:Culture '{Culture}' is not a culture this machine knows (expected e.g. zh-CN or en-US))";
        if (!string.IsNullOrWhiteSpace(PublicUrl) && !IsSiteAddress(PublicUrl))
        {
            yield return $"Dashboard:PublicUrl 只能是网站地址, 不带路径 (Dashboard:PublicUrl has '{PublicUrl}', expected the site's address alone, such as https://proposals.bureau.example)";
        }
        foreach (var entry in ForwardedAddresses.Entries(KnownProxies).Where(e => !ForwardedAddresses.IsValid(e)))
        {
            yield return $"Dashboard:KnownProxies 含无效地址 '{entry}', 须为 IP 地址或 CIDR 网段, 以 ; 分隔 (Dashboard:KnownProxies has '{entry}', expected addresses or CIDR ranges such as 127.0.0.1;10.0.0.0/8)";
        }
        if (LinkDays is < 1 or > 365) yield return $"Dashboard:LinkDays 须为 1..365 天 (Dashboard:LinkDays must be 1..365 days, not {LinkDays})";
    }

    private static bool IsCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    // nginx passes the path unchanged, so the site is served from its root: no path, query or user.
    private static bool IsSiteAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is ("http" or "https")
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
