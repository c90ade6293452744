using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Proposals.Storage;

namespace Proposals.Worker.Desk;

/// <summary>
/// 处室 (/hangfire/divisions): each division's email and head's email, edited in place (the name is
/// read-only: items and reminders name the division by it), and the history of every edit. A division is
/// never deleted here: items name it. A viewer sees the addresses and the history, without a form.
/// </summary>
internal sealed class DivisionsPage : RazorPage
{
    /// <summary>The page's path under the dashboard.</summary>
    public const string Path = "/divisions";

    private const int HistoryShown = 100;

    public override void Execute()
    {
        Layout = new LayoutPage("处室");
        var request = new DeskRequest(this);
        var divisions = request.Get<DivisionStore>().AllAsync().GetAwaiter().GetResult();
        var history = new DivisionChangeStore(request.Get<LedgerDatabase>()).LatestAsync(HistoryShown).GetAwaiter().GetResult();
        var saved = request.Text("saved");
        var error = request.Text("error");
        var failed = request.Text("name");

        var html = new DeskHtml();
        html.Raw("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">处室</h1>");
        html.Raw("<p class=\"text-muted\">").Text("处室名称不可修改 (催办和事项以名称指向处室); 邮箱改动即时生效并记入下方历史。新增处室请用导入页上传处室名单。").Raw("</p>");
        if (saved is not null) html.Raw("<div class=\"alert alert-success\" id=\"division-saved\">").Text($"已保存 {saved} 的邮箱 (saved).").Raw("</div>");
        if (divisions.Count == 0) html.Raw("<p>").Text("还没有处室 (no divisions yet): 请在导入页上传处室名单。").Raw("</p>");
        foreach (var division in divisions.Values)
        {
            html.Raw("<div class=\"panel panel-default\"><div class=\"panel-heading\"><strong>").Text(division.Name).Raw("</strong></div><div class=\"panel-body\">");
            if (error is not null && failed == division.Name) html.Raw("<div class=\"alert alert-danger\">").Text(error).Raw("</div>");
            html.Raw("<form method=\"post\" action=\"").Text(Url.To(DivisionEditDispatcher.Path)).Raw("\">")
                .Raw("<input type=\"hidden\" name=\"name\" value=\"").Text(division.Name).Raw("\">")
                .Raw("<input type=\"hidden\" name=\"old_email\" value=\"").Text(division.Email).Raw("\">")
                .Raw("<input type=\"hidden\" name=\"old_head_email\" value=\"").Text(division.HeadEmail ?? "").Raw("\">")
                .Raw("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Text(Context.AntiforgeryToken ?? "").Raw("\">");
            Field(html, "email", "邮箱", division.Email);
            Field(html, "head_email", "负责人邮箱 (抄送, 可空)", division.HeadEmail);
            if (!IsReadOnly) html.Raw("<button type=\"submit\" class=\"btn btn-primary btn-sm\">").Text("保存").Raw("</button>");
            html.Raw("</form></div></div>");
        }

        html.Raw("<h3>").Text("修改历史").Raw("</h3>").Table("时间", "处室", "字段", "原值", "新值", "修改人");
        foreach (var change in history)
        {
            html.Row(request.Local(change.ChangedAt), change.Division, change.Field == DivisionChangeStore.EmailField ? "邮箱" : "负责人邮箱",
                change.Old ?? "(空)", change.New ?? "(空)", change.ChangedBy);
        }
        html.EndTable(history.Count, 6);
        html.Raw("</div></div>");
        WriteLiteral(html.ToString());
    }

    private void Field(DeskHtml html, string name, string label, string? value) =>
        html.Raw("<div class=\"form-group\"><label style=\"display:block;max-width:28em\">").Text(label).Raw("<input type=\"email\" class=\"form-control\" name=\"").Text(name)
            .Raw("\" value=\"").Text(value ?? "").Raw(IsReadOnly ? "\" readonly></label></div>" : "\"></label></div>");
}
