using System.Globalization;
using Proposals.Domain.Deadlines;

namespace Proposals.Worker.Hosting;

/// <summary>Settings of the handling rules (section <c>Ledger</c>).</summary>
internal sealed class LedgerOptions
{
    /// <summary>Months from assignment to the reply due date.</summary>
    public int ReplyMonths { get; set; } = 3;

    /// <summary>Months from assignment to the co-divisions' input.</summary>
    public int CoInputMonths { get; set; } = 1;

    /// <summary>Months from a 不满意 evaluation to the second reply (重新办理).</summary>
    public int RehandleMonths { get; set; } = 1;

    /// <summary>Working days after assignment within which the lead division acknowledges (签收).</summary>
    public int AcknowledgeWorkingDays { get; set; } = 2;

    /// <summary>
    /// Working days after assignment within which a return (退回) may be asked: a later request is refused from
    /// `record`, the desk and the links (unless overridden with a reason); a late return in an imported file is
    /// recorded with a note, since the assigning office already decided it.
    /// </summary>
    public int ReturnWorkingDays { get; set; } = 7;

    /// <summary>
    /// An extension (延期) may move the reply's due date at most this many months after assignment (交办),
    /// both dates moved off days off; null for no cap. `record extension --override REASON` sets it aside.
    /// </summary>
    public int? MaxExtensionMonths { get; set; } = 6;

    /// <summary>The bureau's time zone: "today", working hours and schedules follow it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeLimits Limits => new(ReplyMonths, CoInputMonths, RehandleMonths, AcknowledgeWorkingDays, ReturnWorkingDays);

    public IEnumerable<string> Validate()
    {
        if (ReplyMonths is < 1 or > 24) yield return $"Ledger:ReplyMonths 须为 1..24 个月 (Ledger:ReplyMonths must be 1..24 months, not {ReplyMonths})";
        if (CoInputMonths is < 1 or > 24) yield return $"Ledger:CoInputMonths 须为 1..24 个月 (Ledger:CoInputMonths must be 1..24 months, not {CoInputMonths})";
        if (RehandleMonths is < 1 or > 24) yield return $"Ledger:RehandleMonths 须为 1..24 个月 (Ledger:RehandleMonths must be 1..24 months, not {RehandleMonths})";
        if (AcknowledgeWorkingDays is < 1 or > 60) yield return $"Ledger:AcknowledgeWorkingDays 须为 1..60 个工作日 (Ledger:AcknowledgeWorkingDays must be 1..60 working days, not {AcknowledgeWorkingDays})";
        if (ReturnWorkingDays is < 1 or > 60) yield return $"Ledger:ReturnWorkingDays 须为 1..60 个工作日 (Ledger:ReturnWorkingDays must be 1..60 working days, not {ReturnWorkingDays})";
        if (MaxExtensionMonths is < 1 or > 60) yield return $"Ledger:MaxExtensionMonths 须为 1..60 个月或 null (Ledger:MaxExtensionMonths must be 1..60 months or null, not {MaxExtensionMonths})";
        if (!TryZone(TimeZone, out _)) yield return $"Ledger:TimeZone 不是本机已知的时区 (Ledger:TimeZone '{TimeZone}' is not a time zone this machine knows (expected an IANA id such as Asia/Shanghai))";
    }

    public TimeZoneInfo Zone => TryZone(TimeZone, out var zone) ? zone! : throw new InvalidOperationException($"Ledger:TimeZone '{TimeZone}' is unknown");

    /// <summary>The bureau's local time now.</summary>
    public DateTime LocalNow(TimeProvider clock) => LocalTime(clock.GetUtcNow());

    /// <summary>An instant as the bureau's local time.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>
    /// An instant as a person reads it: the bureau's local time with its offset, 2026-12-02 09:00 +08:00.
    /// The offset keeps the time unambiguous for a reader in another zone and across a change of Ledger:TimeZone.
    /// </summary>
    public string Shown(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>The instant <paramref name="day"/> begins in the bureau's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Today's date in the bureau's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(LocalNow(clock));

    private static bool TryZone(string id, out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
