using Hangfire.Dashboard;

namespace Proposals.Worker.Desk;

/// <summary>The desk's 导入 (import an uploaded file) and 处室 (divisions' addresses) pages, their changes and menu items.</summary>
internal static class UploadPages
{
    /// <summary>Adds the routes and menu items; called once, from <see cref="DeskPages"/>.</summary>
    public static void Add()
    {
        DashboardRoutes.Routes.AddRazorPage(ImportPage.Path, _ => new ImportPage());
        DashboardRoutes.Routes.Add(ImportUploadDispatcher.Path, new ImportUploadDispatcher());
        DashboardRoutes.Routes.Add(ImportConfirmDispatcher.Path, new ImportConfirmDispatcher());
        DashboardRoutes.Routes.AddRazorPage(DivisionsPage.Path, _ => new DivisionsPage());
        DashboardRoutes.Routes.Add(DivisionEditDispatcher.Path, new DivisionEditDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem("导入", page.Url.To(ImportPage.Path)) { Active = page.RequestPath.StartsWith(ImportPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("处室", page.Url.To(DivisionsPage.Path)) { Active = page.RequestPath.StartsWith(DivisionsPage.Path, StringComparison.Ordinal) });
    }
}
