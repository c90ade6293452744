using Proposals.Domain.Reminders;

namespace Proposals.Worker.Reminders;

/// <summary>Settings of the reminders (section <c>Reminders</c>); every number of the policy is one.</summary>
internal sealed class ReminderOptions
{
    /// <summary>Calendar days before the due date that get a reminder.</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>Working days between reminders after the due date.</summary>
    public int OverdueEveryWorkingDays { get; set; } = 5;

    /// <summary>Whether the due date itself gets a reminder.</summary>
    public bool RemindOnDueDate { get; set; } = true;

    /// <summary>At most this many reminders after the due date; empty for no limit.</summary>
    public int? MaxOverdueStages { get; set; }

    /// <summary>The local time (Ledger:TimeZone) of the daily sweep, HH:mm.</summary>
    public string SweepAt { get; set; } = "09:00";

    /// <summary>When reminders may go out on a working day, local time: from (HH:mm).</summary>
    public string WorkingHoursFrom { get; set; } = "08:30";

    /// <summary>When reminders may go out on a working day, local time: until (HH:mm); later sends wait for the next working morning.</summary>
    public string WorkingHoursUntil { get; set; } = "17:30";

    /// <summary>Whom the divisions contact with questions, named in every reminder.</summary>
    public string ContactName { get; set; } = "综合处";

    /// <summary>The contact's phone number, when given.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>Whether a key item's due-date reminder is already supervision (督办), copying the division head.</summary>
    public bool KeyItemsSupervisedFromDueDate { get; set; } = true;

    /// <summary>
    /// Seconds a sender holds the reminders it claimed. A sender renews its hold while it works, so
    /// this only decides how soon another worker takes over the reminders of a sender that died.
    /// </summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How many failed attempts a reminder gets before it is marked failed for the coordinator to see.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How many owed reminders a sender claims at a time. Smaller batches share the work out more
    /// evenly between several workers; larger ones make fewer round trips to the database.
    /// </summary>
    public int ClaimBatch { get; set; } = 100;

    /// <summary>How often, in seconds, the worker looks for reminders due in working hours.</summary>
    public int DrainEverySeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan DrainInterval => TimeSpan.FromSeconds(DrainEverySeconds);

    public ReminderPolicy Policy() => new(DaysBefore, OverdueEveryWorkingDays, RemindOnDueDate, MaxOverdueStages, KeyItemsSupervisedFromDueDate);

    public TimeOnly SweepTime => Time(SweepAt);

    public WorkingHours Hours => new(Time(WorkingHoursFrom), Time(WorkingHoursUntil));

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        string? policyProblem = null;
        try
        {
            Policy();
        }
        catch (ArgumentException e)
        {
            policyProblem = e.Message.Split(" (Parameter", 2)[0];
        }
        if (policyProblem is not null) yield return policyProblem;
        foreach (var (name, value) in new[] { ("SweepAt", SweepAt), ("WorkingHoursFrom", WorkingHoursFrom), ("WorkingHoursUntil", WorkingHoursUntil) })
        {
            if (!TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                yield return $"Reminders:{name} 须为 HH:mm 格式的时间 (Reminders:{name} must be a time such as 09:00, not '{value}')";
            }
        }
        if (string.CompareOrdinal(WorkingHoursFrom, WorkingHoursUntil) >= 0)
        {
            yield return $"Reminders:WorkingHoursFrom 须早于 Reminders:WorkingHoursUntil (Reminders:WorkingHoursFrom ({WorkingHoursFrom}) must be before Reminders:WorkingHoursUntil ({WorkingHoursUntil}))";
        }
        else if (string.CompareOrdinal(SweepAt, WorkingHoursFrom) < 0 || string.CompareOrdinal(SweepAt, WorkingHoursUntil) >= 0)
        {
            yield return $"Reminders:SweepAt 须在工作时间之内 (Reminders:SweepAt ({SweepAt}) must lie within the working hours {WorkingHoursFrom}-{WorkingHoursUntil})";
        }
        if (LeaseSeconds is < 5 or > 86400) yield return $"Reminders:LeaseSeconds 须为 5..86400 秒 (Reminders:LeaseSeconds must be 5..86400 seconds, not {LeaseSeconds})";
        if (MaxAttempts is < 1 or > 100) yield return $"Reminders:MaxAttempts 须为 1..100 次 (Reminders:MaxAttempts must be 1..100, not {MaxAttempts})";
        if (ClaimBatch is < 1 or > 1000) yield return $"Reminders:ClaimBatch 须为 1..1000 条 (Reminders:ClaimBatch must be 1..1000 reminders, not {ClaimBatch})";
        if (DrainEverySeconds is < 1 or > 3600) yield return $"Reminders:DrainEverySeconds 须为 1..3600 秒 (Reminders:DrainEverySeconds must be 1..3600 seconds, not {DrainEverySeconds})";
        if (string.IsNullOrWhiteSpace(ContactName)) yield return "Reminders:ContactName 须写明处室的联系对象 (Reminders:ContactName must name whom divisions contact (e.g. 综合处))";
    }
}
