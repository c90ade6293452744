using Hangfire.Dashboard;

namespace Proposals.Worker.Desk;

/// <summary>
/// The coordinator's pages inside the Hangfire Dashboard, in its navigation and behind its sign-in:
/// 办理进度 and 催办记录. Hangfire keeps its routes and menu in statics, so they are added once per process.
/// </summary>
internal static class DeskPages
{
    private static readonly Lazy<bool> Added = new(() =>
    {
        DashboardRoutes.Routes.AddRazorPage(ProgressPage.Path, _ => new ProgressPage());
        DashboardRoutes.Routes.AddRazorPage(RemindersPage.Path, _ => new RemindersPage());
        DashboardRoutes.Routes.Add(ResendDispatcher.Path, new ResendDispatcher());
        DashboardRoutes.Routes.Add(DismissDispatcher.Path, new DismissDispatcher());
        ItemRoutes.Add();
        NavigationMenu.Items.Add(page => new MenuItem("办理进度", page.Url.To(ProgressPage.Path)) { Active = page.RequestPath.StartsWith(ProgressPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("催办记录", page.Url.To(RemindersPage.Path)) { Active = page.RequestPath.StartsWith(RemindersPage.Path, StringComparison.Ordinal) });
        UploadPages.Add();
        WorkplacePages.Add();
        return true;
    });

    /// <summary>Adds the pages; cheap after the first call.</summary>
    public static void Add() => _ = Added.Value;
}
