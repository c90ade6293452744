using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Desk;

/// <summary>
/// What every change made from the desk checks first: it is a POST (the dashboard checks the antiforgery
/// token only on a POST; GET, HEAD, OPTIONS and TRACE pass it unchecked), by a coordinator (a viewer's is
/// refused whatever the page showed), and its form names what it changes.
/// </summary>
internal static class DeskChange
{
    /// <summary>Answers 405 to another method and 403 to a viewer; true when the request was refused so.</summary>
    public static bool Refused(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = HttpMethods.Post;
            return true;
        }
        if (!context.IsReadOnly) return false;
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return true;
    }

    /// <summary>Who makes the change: the signed-in user, or the dashboard itself where sign-in is off (this machine only).</summary>
    public static string Who(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetHttpContext().User.Identity?.Name is { Length: > 0 } name ? name : "看板 (dashboard)";
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
