using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// Tells a page a person opens from a request a script makes. Without a session, a page is
/// redirected to the sign-in page; anything else (a form post, the dashboard's polling, a JSON
/// client) gets 401, since a redirect to an HTML form means nothing to it.
/// </summary>
internal static class PageRequests
{
    /// <summary>A GET or HEAD that a browser navigates to, or a plain client such as curl makes.</summary>
    public static bool IsPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.OrdinalIgnoreCase)) return false;
        // Browsers say how a request was made; fetch() and XMLHttpRequest send "cors" or "same-origin".
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        if (mode.Length > 0 && !string.Equals(mode, "navigate", StringComparison.OrdinalIgnoreCase)) return false;
        var accept = request.Headers.Accept.ToString();
        return !(accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
