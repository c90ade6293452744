using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// A viewer changes nothing: the server refuses a signed-in non-coordinator's POST (or any other
/// method that changes state) with 403, whatever the page showed. The exceptions only read or end
/// the session: /logout, the public paths (they carry their own rules), and the dashboard's
/// statistics, which its pages poll by POST.
/// </summary>
internal sealed class ViewerReadsOnly(RequestDelegate next, UserStore users, DashboardOptions dashboard, ILogger<ViewerReadsOnly> logger)
{
    private readonly PathString _stats = new(dashboard.Path.TrimEnd('/') + "/stats");

    /// <summary>Passes the request on, or refuses a viewer's change with 403.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!users.Enabled || IsRead(request.Method) || context.User.Identity?.IsAuthenticated != true
            || context.User.IsInRole(Roles.Coordinator) || IsAllowed(request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        SignInLog.ViewerRefused(logger, context.User.Identity.Name ?? "", request.Method, request.Path.Value ?? "");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("只读账户不能进行此操作 (a viewer account cannot change anything)\n", context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsRead(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private bool IsAllowed(PathString path) =>
        path.Equals(PublicPaths.Logout, StringComparison.OrdinalIgnoreCase) || path.Equals(_stats, StringComparison.OrdinalIgnoreCase) || PublicPaths.Contains(path);
}
