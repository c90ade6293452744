using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>Settings of the rate reports (section <c>Reports</c>).</summary>
internal sealed class ReportOptions
{
    /// <summary>Where the scheduled reports are written.</summary>
    public string Directory { get; set; } = "data/reports";

    /// <summary>满意率 counts 基本满意 as satisfied (true) or 满意 alone (false), as the assigning office counts.</summary>
    public bool CountBasicallySatisfied { get; set; } = true;

    /// <summary>
    /// The bureau's congress level (级别): 市 for a city bureau, 区 or 县 for a district's or county's. A 届次
    /// that begins with a level (区十九届一次) carries its own; one that names none is at this level.
    /// </summary>
    public string Level { get; set; } = CongressLevel.Default;

    /// <summary>The reply classes counted in 解决率, letters separated by commas: A (解决或基本解决) or A,B (解决或计划逐步解决).</summary>
    public string SolvedClasses { get; set; } = "A";

    /// <summary>The local time (Ledger:TimeZone) of the monthly and yearly reports, HH:mm.</summary>
    public string SendAt { get; set; } = "09:00";

    public RateSettings Rates => new(CountBasicallySatisfied)
    {
        Level = (Level ?? "").Trim(),
        SolvedClasses = Domain.Rates.SolvedClasses.Parse(SolvedClasses, out _) ?? Domain.Rates.SolvedClasses.Default,
    };

    public TimeOnly SendTime => TimeOnly.ParseExact(SendAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory)) yield return "Reports:Directory 须指定文件夹 (Reports:Directory must name a folder (e.g. data/reports))";
        if (!TimeOnly.TryParseExact(SendAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            yield return $"Reports:SendAt 须为 HH:mm 格式的时间 (Reports:SendAt must be a time such as 09:00, not '{SendAt}')";
        }
        if (!CongressLevel.IsWord(Level?.Trim()))
        {
            yield return $"Reports:Level（本单位级别）须为级别用字之一：{CongressLevel.WordList}，而不是“{Level}” " +
                $"(Reports:Level must be one of the level words {string.Join(" ", CongressLevel.Words)}, not '{Level}')";
        }
        if (Domain.Rates.SolvedClasses.Parse(SolvedClasses, out var unknown) is null)
        {
            yield return unknown is { Length: > 0 }
                ? $"Reports:SolvedClasses（计入解决率的答复类别）中的“{unknown}”不是答复类别，须为 A、B、C、D，以逗号分隔，如 A 或 A,B " +
                  $"(Reports:SolvedClasses names '{unknown}', which is not a reply class: letters A to D separated by commas, such as A or A,B)"
                : "Reports:SolvedClasses（计入解决率的答复类别）须至少列出一个答复类别，如 A 或 A,B (Reports:SolvedClasses must name at least one reply class, such as A or A,B)";
        }
    }
}
