using System.Globalization;
using System.Text;

namespace Proposals.Benchmarks.Generation;

/// <summary>
/// The import files as a bureau's Excel export gives them: CSV, UTF-8 with BOM, Chinese headers,
/// dates written 2025/3/20. No generated value holds a comma or a quote, so no field is quoted and
/// the bare baseline can split lines on commas.
/// </summary>
internal static class LedgerCsv
{
    /// <summary>The item file's columns, in the order written.</summary>
    public static readonly string[] ItemHeader =
    [
        "类别", "届次", "编号", "标题", "提出人", "主办处室", "协办处室", "交办日期", "办理期限",
        "签收日期", "答复日期", "答复类别", "满意度", "重点督办", "退回", "延期至", "延期原因",
    ];

    /// <summary>The division file's columns.</summary>
    public static readonly string[] DivisionHeader = ["处室", "邮箱", "负责人邮箱"];

    /// <summary>Excel's "CSV UTF-8": with a byte order mark.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The date format of the files (and the one the bare baseline reads back).</summary>
    public const string DateFormat = "yyyy/M/d";

    /// <summary>One item's fields, in <see cref="ItemHeader"/> order.</summary>
    public static string[] Fields(LedgerItem item) =>
    [
        item.Kind, item.Session, item.Number, item.Title, item.Proposer, item.LeadDivision,
        string.Join("、", item.CoDivisions), Date(item.AssignedOn), Date(item.DueOn), Date(item.AcknowledgedOn),
        Date(item.RepliedOn), item.ReplyClass ?? "", item.Satisfaction ?? "", item.IsKey ? "是" : "否",
        item.IsReturned ? "是" : "否", Date(item.ExtendedTo), item.ExtensionReason ?? "",
    ];

    /// <summary>Writes the division file.</summary>
    public static void WriteDivisions(string path, IEnumerable<Division> divisions)
    {
        using var writer = new StreamWriter(path, append: false, Utf8WithBom);
        writer.WriteLine(string.Join(',', DivisionHeader));
        foreach (var d in divisions) writer.WriteLine(string.Join(',', d.Name, d.Email, d.HeadEmail ?? ""));
    }

    /// <summary>Writes an item file; returns the number of rows.</summary>
    public static int WriteItems(string path, IEnumerable<LedgerItem> items)
    {
        using var writer = new StreamWriter(path, append: false, Utf8WithBom);
        writer.WriteLine(string.Join(',', ItemHeader));
        var rows = 0;
        foreach (var item in items)
        {
            writer.WriteLine(string.Join(',', Fields(item)));
            rows++;
        }
        return rows;
    }

    /// <summary>
    /// Writes an item file and, in the same pass, a copy of it with about 1,000 rows spoiled
    /// (see <see cref="BadRows"/>); returns the number of rows and of spoiled rows.
    /// </summary>
    public static (int Rows, int Spoiled) WriteItemsWithBadCopy(string path, string badPath, IEnumerable<LedgerItem> items, int count)
    {
        using var good = new StreamWriter(path, append: false, Utf8WithBom);
        using var bad = new StreamWriter(badPath, append: false, Utf8WithBom);
        var header = string.Join(',', ItemHeader);
        good.WriteLine(header);
        bad.WriteLine(header);
        var spoil = new BadRows(count);
        var rows = 0;
        foreach (var item in items)
        {
            var fields = Fields(item);
            good.WriteLine(string.Join(',', fields));
            spoil.Apply(rows, fields);
            bad.WriteLine(string.Join(',', fields));
            rows++;
        }
        return (rows, spoil.Spoiled);
    }

    private static string Date(DateOnly? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";
}
