using System.Text.RegularExpressions;
using Hangfire.Dashboard;

namespace Proposals.Worker.Desk;

/// <summary>
/// The downloads, the calendar page with its upload, the desk's stylesheet (phones included) and the job page's
/// state words in Chinese, added to
/// the dashboard's statics by <see cref="DeskPages"/> once per process.
/// </summary>
internal static class WorkplacePages
{
    /// <summary>The stylesheet's resource name (see the project file).</summary>
    public const string Stylesheet = "Proposals.Worker.Desk.desk.css";

    /// <summary>Adds the routes, the menu item and the stylesheet.</summary>
    public static void Add()
    {
        DashboardRoutes.Routes.Add(Regex.Escape(ItemsExportDispatcher.XlsxPath), new ItemsExportDispatcher("xlsx"));
        DashboardRoutes.Routes.Add(Regex.Escape(ItemsExportDispatcher.CsvPath), new ItemsExportDispatcher("csv"));
        DashboardRoutes.Routes.Add(Regex.Escape(ReportExportDispatcher.Path), new ReportExportDispatcher());
        DashboardRoutes.Routes.AddRazorPage(CalendarPage.Path, _ => new CalendarPage());
        DashboardRoutes.Routes.Add(CalendarUploadDispatcher.Path, new CalendarUploadDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem("节假日安排", page.Url.To(CalendarPage.Path)) { Active = page.RequestPath.StartsWith(CalendarPage.Path, StringComparison.Ordinal) });
        DashboardRoutes.AddStylesheet(typeof(WorkplacePages).Assembly, Stylesheet);
        Hosting.DashboardStateWords.Register();
    }
}
