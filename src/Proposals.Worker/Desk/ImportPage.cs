using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>
/// 导入 (/hangfire/import): upload a ledger of suggestions and proposals or a list of divisions (.xlsx or
/// .csv) with the command line's options, see its preview (every problem, every change) and confirm it.
/// With <c>?id=</c> the page shows that upload's preview, kept for an hour. A viewer sees, and has no form.
/// </summary>
internal sealed class ImportPage : RazorPage
{
    /// <summary>The page's path under the dashboard.</summary>
    public const string Path = "/import";

    public override void Execute()
    {
        Layout = new LayoutPage("导入");
        var request = new DeskRequest(this);
        var options = request.Get<ImportOptions>();
        var html = new DeskHtml();
        html.Raw("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">导入</h1>");
        if (request.Text("id") is { } id)
        {
            var upload = new UploadStore(request.Get<LedgerDatabase>()).FindAsync(id, request.Get<TimeProvider>().GetUtcNow()).GetAwaiter().GetResult();
            if (upload is null)
            {
                html.Raw("<div class=\"alert alert-warning\">").Text("此上传不存在或已超过一小时, 请重新上传 (no such upload, or older than an hour: upload the file again).").Raw("</div>");
            }
            else
            {
                Preview(html, request, upload);
            }
        }
        Form(html, options);
        html.Raw("</div></div>");
        WriteLiteral(html.ToString());
    }

    private void Preview(DeskHtml html, DeskRequest request, StoredUpload upload)
    {
        var preview = ImportPreview.FromJson(upload.Preview);
        html.Raw("<h3>").Text("预览").Raw("</h3><p>")
            .Text($"{(upload.Kind == DeskImport.Divisions ? "处室名单" : "建议提案台账")} {upload.FileName} — {upload.UploadedBy} 上传于 {request.Local(upload.UploadedAt)}")
            .Text(upload.FileWins ? "; 以文件为准 (--file-wins)" : "").Text(upload.AllowRenumber ? "; 接受改动的编号 (--allow-renumber)" : "").Raw("</p>");
        if (upload.ConfirmedAt is { } at)
        {
            html.Raw("<div class=\"alert alert-success\" id=\"import-done\">").Text($"已于 {request.Local(at)} 导入: {preview.Totals()}").Raw("</div>");
        }
        else if (!preview.Ok)
        {
            html.Raw("<div class=\"alert alert-danger\" id=\"import-problems\">")
                .Text($"{DeskRequest.N(preview.ProblemRows)} 行有误, 共 {DeskRequest.N(preview.ProblemCount)} 个问题, 未写入任何数据 " +
                    $"({DeskRequest.N(preview.ProblemCount)} problem(s) in {DeskRequest.N(preview.ProblemRows)} row(s); nothing was written). 请修改文件后重新上传。")
                .Raw("</div>");
        }
        else
        {
            html.Raw("<div class=\"alert alert-info\">").Text($"尚未写入。确认后将一次写入全部变更: {preview.Totals()}. 预览保留至 {request.Local(upload.ExpiresAt)}.").Raw("</div>");
        }
        if (preview.Ok && preview.UnacknowledgedLine() is { } unacknowledged)
        {
            html.Raw("<div class=\"alert alert-info\">").Text(unacknowledged).Raw("</div>");
        }
        if (preview.Problems.Count > 0)
        {
            html.Raw("<h4>").Text("问题 (problems)").Raw("</h4>").Table("行", "列", "原因");
            foreach (var p in preview.Problems) Row(html, p.Row == 0 ? "" : DeskRequest.N(p.Row), p.Column, p.Reason);
            html.EndTable(preview.Problems.Count, 3);
            var more = preview.ProblemCount - preview.Problems.Count;
            if (more > 0) html.Raw("<p>").Text($"另有 {DeskRequest.N(more)} 个问题未列出 ({DeskRequest.N(more)} more problem(s) not listed; Import:MaxProblemsReported).").Raw("</p>");
        }
        if (preview.Notes.Count > 0)
        {
            html.Raw("<h4>").Text("说明 (notes)").Raw("</h4><ul>");
            foreach (var note in preview.Notes) html.Raw("<li>").Text(note).Raw("</li>");
            html.Raw("</ul>");
        }
        if (preview.Ok)
        {
            html.Raw("<h4>").Text($"变更 (changes): {preview.Totals()}").Raw("</h4>").Table("类别", "事项", "内容");
            foreach (var change in preview.Changes) Row(html, ImportChange.Name(change.Kind), change.Subject, change.Detail);
            html.EndTable(preview.Changes.Count, 3);
            if (preview.ChangesNotListed > 0) html.Raw("<p>").Text($"另有 {DeskRequest.N(preview.ChangesNotListed)} 项变更未列出 ({DeskRequest.N(preview.ChangesNotListed)} more change(s) not listed).").Raw("</p>");
        }
        if (preview.Ok && upload.ConfirmedAt is null && upload.Content is not null && !IsReadOnly)
        {
            html.Raw("<form method=\"post\" action=\"").Text(Url.To(ImportConfirmDispatcher.Path)).Raw("\">")
                .Raw("<input type=\"hidden\" name=\"id\" value=\"").Text(upload.Id).Raw("\">");
            Token(html);
            html.Raw("<button type=\"submit\" class=\"btn btn-primary\" id=\"import-confirm\">").Text("确认导入").Raw("</button></form>");
        }
    }

    private void Form(DeskHtml html, ImportOptions options)
    {
        html.Raw("<h3>").Text("上传文件").Raw("</h3>");
        if (IsReadOnly)
        {
            html.Raw("<p class=\"text-muted\">").Text("只读账户不能导入 (a viewer account cannot import).").Raw("</p>");
            return;
        }
        html.Raw("<form method=\"post\" enctype=\"multipart/form-data\" action=\"").Text(Url.To(ImportUploadDispatcher.Path)).Raw("\">");
        Token(html);
        html.Raw("<div class=\"form-group\"><label>").Text("内容").Raw("</label> <select class=\"form-control\" name=\"kind\" style=\"max-width:20em\">")
            .Raw("<option value=\"proposals\">").Text("建议提案台账").Raw("</option><option value=\"divisions\">").Text("处室名单 (处室, 邮箱, 负责人邮箱)").Raw("</option></select></div>")
            .Raw("<div class=\"form-group\"><label>").Text($"文件 (.xlsx 或 .csv, 至多 {options.MaxUploadMegabytes} MB)")
            .Raw("</label><input type=\"file\" name=\"file\" accept=\".xlsx,.csv\" class=\"form-control\" style=\"max-width:100%\"></div>")
            .Raw("<div class=\"checkbox\"><label><input type=\"checkbox\" name=\"file_wins\">")
            .Text(" 以文件为准: 文件与台账已记录的事实冲突时取文件的, 被替换的事实留在历史中 (--file-wins)").Raw("</label></div>")
            .Raw("<div class=\"checkbox\"><label><input type=\"checkbox\" name=\"allow_renumber\">")
            .Text(" 接受 Excel 可能改过的编号 (--allow-renumber)").Raw("</label></div>")
            .Raw("<button type=\"submit\" class=\"btn btn-primary\" id=\"import-upload\">").Text("上传并预览").Raw("</button> ")
            .Raw("<span class=\"text-muted\">").Text("预览时不写入任何数据; 确认后一次写入全部, 或全不写入。").Raw("</span></form>");
    }

    // The last cell (a reason, what changes) wraps: on a phone the table's own scrolling would hide most of it.
    private static void Row(DeskHtml html, string first, string second, string text) =>
        html.Raw("<tr><td>").Text(first).Raw("</td><td>").Text(second).Raw("</td><td style=\"white-space:normal;min-width:14em\">").Text(text).Raw("</td></tr>");

    private void Token(DeskHtml html) =>
        html.Raw("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Text(Context.AntiforgeryToken ?? "").Raw("\">");
}
