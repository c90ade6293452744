using System.Text;

namespace Proposals.Tests.Import;

/// <summary>CSV ledgers written at run time, as Excel saves "CSV UTF-8": the large ones are never committed.</summary>
internal static class LedgerCsv
{
    /// <summary>The header of the columns every generated row fills.</summary>
    public const string Header = "类别,届次,编号,标题,主办处室,交办日期";

    /// <summary>A good row numbered <paramref name="n"/> (编号 as six digits).</summary>
    public static string Row(int n) => $"建议,十五届一次,{n:D6},关于第{n}件事的建议,综合处,2019-03-20";

    /// <summary>Writes a file of <paramref name="header"/> and <paramref name="lines"/>, CRLF as Excel ends them.</summary>
    public static string Write(string folder, string name, string header, IEnumerable<string> lines)
    {
        var path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write(header + "\r\n");
        foreach (var line in lines) writer.Write(line + "\r\n");
        return path;
    }

    /// <summary>Writes <paramref name="count"/> good rows, with <paramref name="replace"/> giving other lines for some row numbers.</summary>
    public static string Many(string folder, string name, int count, Func<int, string?>? replace = null) =>
        Write(folder, name, Header, Enumerable.Range(1, count).Select(n => replace?.Invoke(n) ?? Row(n)));
}
