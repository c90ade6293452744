using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// "退出登录" in the dashboard's top bar while sign-in is on. It opens /logout, whose form signs
/// out: a plain link must not, or any page could sign a user out.
/// </summary>
internal static class SignOutLink
{
    // Hangfire keeps its menu in one static list: add the link once per process, not once per host.
    private static readonly Lazy<bool> Registered = new(() =>
    {
        NavigationMenu.Items.Add(Item);
        return true;
    });

    /// <summary>Adds the link to the dashboard's menu (once).</summary>
    public static void Register() => _ = Registered.Value;

    private static MenuItem? Item(RazorPage page)
    {
        var http = page.Context.GetHttpContext();
        if (!http.RequestServices.GetRequiredService<UserStore>().Enabled) return null;
        // Inside the dashboard PathBase ends with the dashboard's own path; /logout is at the site's root.
        var dashboard = http.RequestServices.GetRequiredService<DashboardOptions>().Path.TrimEnd('/');
        var pathBase = http.Request.PathBase.Value ?? "";
        var root = pathBase.EndsWith(dashboard, StringComparison.OrdinalIgnoreCase) ? pathBase[..^dashboard.Length] : pathBase;
        return new MenuItem($"退出登录 ({http.User.Identity?.Name})", root + PublicPaths.Logout);
    }
}
