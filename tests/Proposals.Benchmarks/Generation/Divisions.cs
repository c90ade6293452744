using System.Globalization;

namespace Proposals.Benchmarks.Generation;

/// <summary>One division (处室) of the generated bureau.</summary>
internal sealed record Division(string Name, string Email, string? HeadEmail);

/// <summary>
/// The 300 divisions of the generated ledger: 20 lines of work with 15 numbered divisions each
/// (预算一处 ... 预算十五处), every one with an address and most with the head's address.
/// </summary>
internal static class Divisions
{
    private static readonly string[] Lines =
    [
        "综合", "法规", "预算", "国库", "税政", "行政政法", "教科文", "经济建设", "农业农村", "社会保障",
        "资产管理", "会计", "政府采购", "金融", "债务管理", "绩效管理", "监督检查", "信息", "银行保险", "地方金融",
    ];

    private static readonly string[] Numerals =
    [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
    ];

    /// <summary>All of them, in a fixed order.</summary>
    public static IReadOnlyList<Division> All { get; } = Make();

    private static Division[] Make()
    {
        var all = new Division[Lines.Length * Numerals.Length];
        for (var i = 0; i < all.Length; i++)
        {
            var n = (i + 1).ToString("D3", CultureInfo.InvariantCulture);
            // One division in four has no head's address on record: overdue copies then go to the coordinator only.
            var head = i % 4 == 3 ? null : $"h{n}@bureau.example.org";
            all[i] = new Division(Lines[i / Numerals.Length] + Numerals[i % Numerals.Length] + "处", $"d{n}@bureau.example.org", head);
        }
        return all;
    }
}
