using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Desk;

/// <summary>
/// What every change on the desk checks first: a POST (the dashboard checks the antiforgery token only on
/// a POST), from someone who may change (a viewer gets 403).
/// </summary>
internal static class DeskPost
{
    /// <summary>Whether the request may go on; otherwise the answer is set (405 or 403).</summary>
    public static bool Allowed(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = HttpMethods.Post;
            return false;
        }
        if (context.IsReadOnly)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }
        return true;
    }

    /// <summary>Answers <paramref name="status"/> with a line of plain text.</summary>
    public static async Task RefuseAsync(HttpContext http, int status, string text)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text + "\n", http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Sends the browser to a desk page (303 See Other).</summary>
    public static void SeeOther(DashboardContext context, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = new UrlHelper(context).To(path) + query;
    }
}
