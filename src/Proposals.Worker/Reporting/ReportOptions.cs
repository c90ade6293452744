using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>Settings of the rate reports (section <c>Reports</c>).</summary>
internal sealed class ReportOptions
{
    /// <summary>Where the scheduled reports are written.</summary>
    public string Directory { get; set; } = "data/reports";

    /// <summary>满意率 counts 基本满意 as satisfied (true) or 满意 alone (false), as the assigning office counts.</summary>
    public bool CountBasicallySatisfied { get; set; } = true;

    /// <summary>The local time (Ledger:TimeZone) of the monthly and yearly reports, HH:mm.</summary>
    public string SendAt { get; set; } = "09:00";

    public RateSettings Rates => new(CountBasicallySatisfied);

    public TimeOnly SendTime => TimeOnly.ParseExact(SendAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory)) yield return "Reports:Directory 须指定文件夹 (Reports:Directory must name a folder (e.g. data/reports))";
        if (!TimeOnly.TryParseExact(SendAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            yield return $"Reports:SendAt 须为 HH:mm 格式的时间 (Reports:SendAt must be a time such as 09:00, not '{SendAt}')";
        }
    }
}
