using Proposals.Domain.Deadlines;

namespace Proposals.Worker.Hosting;

/// <summary>Settings of the handling rules (section <c>Ledger</c>).</summary>
internal sealed class LedgerOptions
{
    /// <summary>Months from assignment to the reply due date.</summary>
    public int ReplyMonths { get; set; } = 3;

    /// <summary>Months from assignment to the co-divisions' input.</summary>
    public int CoInputMonths { get; set; } = 1;

    /// <summary>The bureau's time zone: "today", working hours and schedules follow it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeLimits Limits => new(ReplyMonths, CoInputMonths);

    public IEnumerable<string> Validate()
    {
        if (ReplyMonths is < 1 or > 24) yield return $"Ledger:ReplyMonths must be 1..24 months, not {ReplyMonths}";
        if (CoInputMonths is < 1 or > 24) yield return $"Ledger:CoInputMonths must be 1..24 months, not {CoInputMonths}";
        if (!TryZone(TimeZone, out _)) yield return $"Ledger:TimeZone '{TimeZone}' is not a time zone this machine knows (expected an IANA id such as Asia/Shanghai)";
    }

    public TimeZoneInfo Zone => TryZone(TimeZone, out var zone) ? zone! : throw new InvalidOperationException($"Ledger:TimeZone '{TimeZone}' is unknown");

    /// <summary>The bureau's local time now.</summary>
    public DateTime LocalNow(TimeProvider clock) => LocalTime(clock.GetUtcNow());

    /// <summary>An instant as the bureau's local time.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

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
