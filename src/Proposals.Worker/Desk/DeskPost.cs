using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Desk;

/// <summary>
/// What every change on the desk checks first: a POST (the dashboard checks the antiforgery token only on
/// a POST; GET, HEAD, OPTIONS and TRACE pass it unchecked), from someone who may change (a viewer gets 403
/// whatever the page showed); who made it; and how it answers.
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

    /// <summary>Who makes the change: the signed-in user, or the dashboard itself where sign-in is off (this machine only).</summary>
    public static string Who(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.Name is { Length: > 0 } name ? name : "看板 (dashboard)";
    }

    /// <summary>The form's one whole number <paramref name="field"/>; null, with 400 answered, when it has none.</summary>
    public static async Task<long?> NumberAsync(DashboardContext context, string field)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = await context.Request.GetFormValuesAsync(field).ConfigureAwait(false);
        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return null;
    }
}
