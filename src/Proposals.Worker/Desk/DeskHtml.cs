using System.Globalization;
using System.Net;
using System.Text;

namespace Proposals.Worker.Desk;

/// <summary>
/// Small pieces of HTML for the desk's pages, in the dashboard's own Bootstrap look: tables, filter
/// forms, page links. Every value is HTML-encoded here, so a page never writes one raw.
/// </summary>
internal sealed class DeskHtml
{
    private readonly StringBuilder _html = new();
    private string? _tableClass;

    /// <summary>Appends markup written by the program itself.</summary>
    public DeskHtml Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public DeskHtml Text(string? text)
    {
        _html.Append(WebUtility.HtmlEncode(text ?? ""));
        return this;
    }

    /// <summary>Gives the next table a class of desk.css (how it reads on a phone: which cells come first, which are kept).</summary>
    public DeskHtml TableClass(string cssClass)
    {
        _tableClass = cssClass;
        return this;
    }

    /// <summary>Opens a table with <paramref name="headings"/>.</summary>
    public DeskHtml Table(params string[] headings)
    {
        _html.Append("<div class=\"table-responsive\"><table class=\"table table-striped table-condensed").Append(_tableClass is null ? "" : " " + _tableClass).Append("\"><thead><tr>");
        _tableClass = null;
        foreach (var h in headings) _html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        _html.Append("</tr></thead><tbody>");
        return this;
    }

    /// <summary>A row of text cells.</summary>
    public DeskHtml Row(params string?[] cells)
    {
        _html.Append("<tr>");
        foreach (var c in cells) _html.Append("<td>").Append(WebUtility.HtmlEncode(c ?? "")).Append("</td>");
        _html.Append("</tr>");
        return this;
    }

    /// <summary>Text cells inside a row the caller opens and closes (for a row that also holds a link).</summary>
    public DeskHtml Cells(params string?[] cells)
    {
        foreach (var c in cells) _html.Append("<td>").Append(WebUtility.HtmlEncode(c ?? "")).Append("</td>");
        return this;
    }

    /// <summary>Closes the table; says so when it had no rows.</summary>
    public DeskHtml EndTable(int rows, int columns)
    {
        if (rows == 0) _html.Append("<tr><td colspan=\"").Append(columns.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"text-muted\">无 (none)</td></tr>");
        _html.Append("</tbody></table></div>");
        return this;
    }

    /// <summary>A select of a filter form: <paramref name="options"/> as (value, label), the first being "all".</summary>
    public DeskHtml Select(string name, string label, string? selected, IEnumerable<(string Value, string Label)> options)
    {
        _html.Append("<label class=\"control-label\" style=\"margin-right:1em\">").Append(WebUtility.HtmlEncode(label)).Append(" <select class=\"form-control input-sm\" name=\"")
            .Append(WebUtility.HtmlEncode(name)).Append("\">");
        foreach (var (value, text) in options)
        {
            _html.Append("<option value=\"").Append(WebUtility.HtmlEncode(value)).Append('"')
                .Append(string.Equals(value, selected ?? "", StringComparison.Ordinal) ? " selected" : "")
                .Append('>').Append(WebUtility.HtmlEncode(text)).Append("</option>");
        }
        _html.Append("</select></label>");
        return this;
    }

    /// <summary>A link to <paramref name="url"/> reading <paramref name="text"/>.</summary>
    public DeskHtml Link(string url, string text, string? cssClass = null)
    {
        _html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append('"');
        if (cssClass is not null) _html.Append(" class=\"").Append(cssClass).Append('"');
        _html.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</a>");
        return this;
    }

    /// <summary>A query string from the non-empty <paramref name="values"/>.</summary>
    public static string Query(params (string Name, string? Value)[] values)
    {
        var parts = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{Uri.EscapeDataString(v.Name)}={Uri.EscapeDataString(v.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <inheritdoc />
    public override string ToString() => _html.ToString();
}
