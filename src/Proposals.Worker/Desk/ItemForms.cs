using Hangfire.Dashboard;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Desk;

/// <summary>
/// The item page's forms, one per fact the coordinator records (the command line's <c>record</c>
/// subcommands, field for field) and the undo. Each is folded (details/summary, no script) but the one
/// just refused, which opens with its reasons beside its fields and the values typed. Every form carries
/// the item, its version and the dashboard's antiforgery token, and posts to <see cref="ItemRoutes.RecordPath"/>.
/// </summary>
internal static class ItemForms
{
    private static readonly (string Value, string Label)[] Classes = [("A", "A类"), ("B", "B类"), ("C", "C类"), ("D", "D类")];
    private static readonly (string Value, string Label)[] NoClass = [("", "协办件不分类")];
    private static readonly (string Value, string Label)[] SatisfactionChoices =
        [("satisfied", Satisfaction.Satisfied.ChineseName()), ("basically-satisfied", Satisfaction.BasicallySatisfied.ChineseName()), ("dissatisfied", Satisfaction.Dissatisfied.ChineseName())];
    private static readonly (string Value, string Label)[] Decisions =
        [("approved", ReturnDecision.Approved.ChineseName()), ("refused", ReturnDecision.Refused.ChineseName())];

    /// <summary>Writes the forms for <paramref name="stored"/>; <paramref name="posted"/> is the one refused, when any.</summary>
    public static void Write(DeskHtml html, RazorPage page, StoredItem stored, ItemForm? posted, DateOnly today)
    {
        var item = stored.Item;
        var todayText = DeskRequest.Iso(today);
        var ackDivisions = new[] { ("", $"主办处室 ({item.LeadDivision})") }.Concat(item.CoDivisions.Select(d => (d, d))).ToArray();
        var coDivisions = item.CoDivisions.Select(d => (d, d)).ToArray();
        var form = new Writer(html, page, stored, posted);

        form.Open(FactKind.Acknowledgement.Code(), "签收");
        form.Select("division", ackDivisions);
        form.Input("on", "date", todayText);
        form.Close("登记签收");

        form.Open(FactKind.Reply.Code(), item.RoundOn(today) == HandlingRound.Rehandling ? "答复 (重新答复)" : "答复");
        form.Input("on", "date", todayText);
        form.Select("class", item.BureauRole.IsLead() ? Classes : NoClass);
        form.Area("note");
        form.Close("登记答复");

        if (coDivisions.Length > 0)
        {
            form.Open(FactKind.CoInput.Code(), "协办意见送达");
            form.Select("division", coDivisions);
            form.Input("on", "date", todayText);
            form.Close("登记协办意见送达");
        }

        form.Open(FactKind.Evaluation.Code(), "测评");
        form.Select("satisfaction", SatisfactionChoices);
        form.Input("on", "date", todayText);
        form.Close("登记测评");

        form.Open(FactKind.Extension.Code(), "延期");
        form.Input("to", "date", "");
        form.Input("approved-on", "date", todayText);
        form.Input("approved-by", "text", "");
        form.Area("reason");
        form.Input("override", "text", "");
        form.Close("登记延期");

        form.Open(FactKind.Return.Code(), "退回申请");
        form.Input("on", "date", todayText);
        form.Area("reason");
        form.Input("override", "text", "");
        form.Close("登记退回申请");

        form.Open(FactKind.ReturnDecision.Code(), "退回决定");
        form.Select("decision", Decisions);
        form.Input("on", "date", todayText);
        form.Input("decided-by", "text", "");
        form.Close("登记退回决定");

        form.Open(FactKind.Publication.Code(), "答复公开");
        form.Input("on", "date", todayText);
        form.Close("登记答复公开");

        form.Open(ItemForm.Undo, "撤销");
        form.Select("fact", Enum.GetValues<FactKind>().Select(k => (k.Code(), k.ChineseName())).ToArray());
        form.Select("division", new[] { ("", "不指定 (主办处室)") }.Concat(item.CoDivisions.Select(d => (d, d))).ToArray());
        form.Area("reason");
        form.Close("撤销");
    }

    // Writes one form at a time; the posted form's values and errors go back into their fields.
    private sealed class Writer(DeskHtml html, RazorPage page, StoredItem stored, ItemForm? posted)
    {
        private ItemForm? _current;
        private string _name = "";

        public void Open(string name, string title)
        {
            _name = name;
            _current = posted is not null && posted.Name == name ? posted : null;
            html.Raw("<details class=\"panel panel-default\" style=\"padding:0 1em;margin-bottom:.6em\" id=\"form-").Text(name).Raw('"' + (_current is null ? "" : " open") + ">")
                .Raw("<summary class=\"panel-heading\" style=\"cursor:pointer;font-weight:bold\">").Text(title).Raw("</summary>")
                .Raw("<form method=\"post\" action=\"").Text(page.Url.To(ItemRoutes.RecordPath)).Raw("\">");
            Hidden("form", name);
            Hidden("kind", stored.Item.Key.Kind.Code());
            Hidden("session", stored.Item.Key.Session);
            Hidden("number", stored.Item.Key.Number);
            Hidden("version", ItemForm.VersionText(stored.UpdatedAt));
            Hidden("__RequestVerificationToken", page.Context.AntiforgeryToken ?? "");
            if (_current is { Refusal: { } refusal, Stale: false })
                html.Raw("<div class=\"alert alert-danger refusal\">").Text(refusal).Raw("</div>");
        }

        public void Input(string field, string type, string initial)
        {
            Group(field);
            html.Raw("<input class=\"form-control\" type=\"").Raw(type).Raw("\" name=\"").Raw(field).Raw("\" id=\"").Raw(Id(field)).Raw("\" value=\"")
                .Text(_current?.Value(field) ?? initial).Raw("\">");
            EndGroup(field);
        }

        public void Area(string field)
        {
            Group(field);
            html.Raw("<textarea class=\"form-control\" rows=\"2\" name=\"").Raw(field).Raw("\" id=\"").Raw(Id(field)).Raw("\">").Text(_current?.Value(field)).Raw("</textarea>");
            EndGroup(field);
        }

        public void Select(string field, (string Value, string Label)[] options)
        {
            Group(field);
            var chosen = _current?.Value(field);
            html.Raw("<select class=\"form-control\" name=\"").Raw(field).Raw("\" id=\"").Raw(Id(field)).Raw("\">");
            foreach (var (value, label) in options)
            {
                html.Raw("<option value=\"").Text(value).Raw('"' + (string.Equals(value, chosen, StringComparison.Ordinal) ? " selected" : "") + ">").Text(label).Raw("</option>");
            }
            html.Raw("</select>");
            EndGroup(field);
        }

        public void Close(string button) =>
            html.Raw("<button type=\"submit\" class=\"btn btn-primary\" style=\"margin-bottom:1em\">").Text(button).Raw("</button></form></details>");

        private void Hidden(string name, string value) =>
            html.Raw("<input type=\"hidden\" name=\"").Raw(name).Raw("\" value=\"").Text(value).Raw("\">");

        private string Id(string field) => $"{_name}-{field}";

        private void Group(string field) =>
            html.Raw(_current?.Error(field) is null ? "<div class=\"form-group\">" : "<div class=\"form-group has-error\">")
                .Raw("<label class=\"control-label\" for=\"").Raw(Id(field)).Raw("\">").Text(ItemForm.Label(field)).Raw("</label>");

        private void EndGroup(string field)
        {
            if (_current?.Error(field) is { } error) html.Raw("<span class=\"help-block field-error\">").Text(error).Raw("</span>");
            html.Raw("</div>");
        }
    }
}
