using System.Globalization;
using System.Xml;

namespace Proposals.Worker.Import;

/// <summary>
/// Which cell styles of an xlsx show a number as a date: Excel stores a date as a serial number and
/// tells it apart only by the number format of the cell's style (built-in ids, or a custom code with
/// y, m, d, h or s outside quoted text, escapes and brackets).
/// </summary>
internal sealed class XlsxStyles
{
    // The built-in date and time formats, the East Asian ones (27-36, 50-58) included.
    private static readonly HashSet<int> BuiltInDates =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    private readonly List<bool> _isDate = [];

    /// <summary>Whether the cell style at <paramref name="index"/> (the <c>s</c> attribute) formats a date.</summary>
    public bool IsDate(int index) => index >= 0 && index < _isDate.Count && _isDate[index];

    /// <summary>Reads the styles part; every style is a plain number when the workbook has none.</summary>
    /// <exception cref="ImportFileException">More cell styles or number formats than the limits allow.</exception>
    public static XlsxStyles Read(XlsxPackage package, ImportOptions options)
    {
        var styles = new XlsxStyles();
        if (package.Styles is not { } part) return styles;
        // Only whether each custom format shows a date is kept, never its code: codes of a megabyte
        // each, under millions of ids, once filled gigabytes.
        var custom = new Dictionary<int, bool>();
        using var reader = package.Read(part);
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellFormats = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when Id(reader, "numFmtId") is { } id:
                    if (!custom.ContainsKey(id) && custom.Count >= options.MaxNumberFormats) throw ImportLimits.TooManyNumberFormats(package.Path, part, options);
                    custom[id] = IsDateCode(reader.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    if (styles._isDate.Count >= options.MaxStyles) throw ImportLimits.TooManyStyles(package.Path, part, options);
                    var format = Id(reader, "numFmtId") ?? 0;
                    styles._isDate.Add(custom.TryGetValue(format, out var isDate) ? isDate : BuiltInDates.Contains(format));
                    break;
            }
        }
        return styles;
    }

    /// <summary>Whether a custom number format code shows a date or a time.</summary>
    public static bool IsDateCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    // [h], [mm], [ss] are elapsed times; [Red], [$-804], [DBNum1] are not.
                    if (end > i && code.AsSpan(i + 1, end - i - 1).Trim() is var inner && inner.Length > 0 && IsTimeToken(inner)) return true;
                    i = end < 0 ? code.Length : end;
                    break;
                case ';':
                    // The first section decides; later ones format negatives, zero and text.
                    return false;
                default:
                    if ("yYmMdDhHsS".Contains(c, StringComparison.Ordinal)) return true;
                    // Chinese date formats write 年 月 日 as literals.
                    if (c is '年' or '月' or '日') return true;
                    break;
            }
        }
        return false;
    }

    private static bool IsTimeToken(ReadOnlySpan<char> inner)
    {
        foreach (var c in inner)
        {
            if (c is not ('h' or 'H' or 'm' or 'M' or 's' or 'S')) return false;
        }
        return true;
    }

    private static int? Id(XmlReader reader, string attribute) =>
        int.TryParse(reader.GetAttribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
